"""Auth and pacing inside a contract run: the token is fetched once and again only when superseded or aged
out; 429s are waited out."""

from __future__ import annotations

import httpx
import pytest
from schemathesis.auths import AuthContext, set_on_case

from lmskit.contract.auth import Authenticator, AuthError
from lmskit.contract.credentials import Credentials, credentials_from_env
from lmskit.contract.options import RunOptions
from lmskit.contract.suite import Suite
from lmskit.spec.api import load_api


def authed_case(suite: Suite, path: str) -> object:
    operation = suite.schema[path]["GET"]
    case = operation.Case(headers={"x-api-version": "2"})
    set_on_case(case, AuthContext(operation=operation, app=operation.app), None)
    return case


def test_a_token_superseded_from_outside_is_noticed_after_a_401_and_fetched_again() -> None:
    suite = Suite(load_api("absorb"), RunOptions())
    suite.call_and_validate(authed_case(suite, "/myenrollments"))
    assert suite.authenticator.token_fetches == 1
    values = suite.target.credentials.values
    # Someone else logs in as the same user: Absorb keeps one token per user, so ours is now invalid.
    login = {"username": values["USERNAME"], "password": values["PASSWORD"], "privateKey": values["API_KEY"]}
    assert (
        suite.target.send(
            "POST", "/authenticate", {"x-api-key": values["API_KEY"], "x-api-version": "2"}, login
        ).status_code
        == 200
    )
    suite.call_and_validate(authed_case(suite, "/myenrollments"))  # 401 (an accepted status): the token is checked
    assert (suite.authenticator.checks, suite.authenticator.token_fetches) == (1, 1)
    suite.call_and_validate(authed_case(suite, "/myenrollments"))
    assert suite.authenticator.token_fetches == 2
    # The cases: the first call, the 401 and the call after the new token; the check is not a case...
    assert (suite.stats.statuses[401], suite.stats.statuses[200]) == (1, 2)
    # ...but it is a request. 3 cases, 2 token fetches, 1 login from outside, 1 check, against a fake the
    # ignored_auth check replays each case twice (without credentials, with wrong ones), and the paging promise
    # walks the admin's five enrollments once in pages of two: all of them count.
    pages = -(-len([e for e in suite.target.app.state.seed["enrollments"] if e["user"].startswith("0f8fad5b")]) // 2)
    assert suite.requests_sent() == 3 + 2 + 1 + 1 + 3 * 2 + pages


def test_provoked_401s_cost_no_token_requests_and_the_check_is_rate_limited() -> None:
    now = [1000.0]
    statuses: list[int] = []
    api = load_api("absorb")
    credentials = Credentials({"API_KEY": "k", "USERNAME": "u", "PASSWORD": "p"})

    def send(*args: object) -> httpx.Response:
        return httpx.Response(200, json="token-1")

    def check(headers: dict[str, str]) -> int:
        statuses.append(200)
        return 200

    authenticator = Authenticator(api, credentials, send, clock=lambda: now[0], check=check)
    first = authenticator.current()
    for _ in range(50):
        authenticator.observe("listMyCourseEnrollments", 401)
    assert (authenticator.checks, authenticator.token_fetches) == (1, 1)
    now[0] += 11
    authenticator.observe("listMyCourseEnrollments", 401)
    assert authenticator.checks == 2
    assert authenticator.current() == first and authenticator.token_fetches == 1
    # The run's own successful login supersedes the token; an hour's age retires it too.
    authenticator.observe("authenticate", 200)
    authenticator.current()
    assert authenticator.token_fetches == 2
    now[0] += 3601
    authenticator.current()
    assert authenticator.token_fetches == 3


def test_the_plain_auth_probes_reuse_the_runs_token() -> None:
    suite = Suite(load_api("absorb"), RunOptions())
    assert suite.probe(suite.authenticator.current()) == 200
    assert suite.probe(suite.authenticator.current()) == 200
    assert suite.probe(suite.authenticator.wrong_headers()) == 401
    assert suite.authenticator.token_fetches == 1


def test_bridge_falls_back_to_key_and_secret_without_a_token() -> None:
    api = load_api("bridge")
    credentials = credentials_from_env("bridge", api.security, {"LMSKIT_BRIDGE_KEY": "k", "LMSKIT_BRIDGE_SECRET": "s"})
    authenticator = Authenticator(api, credentials, send=lambda *args: httpx.Response(500))
    assert authenticator.current() == {"Authorization": "Basic azpz"}  # base64("k:s")


def test_missing_credentials_name_the_fields_and_hide_values() -> None:
    credentials = Credentials({"API_KEY": "secret-key"})
    assert "secret-key" not in repr(credentials)
    with pytest.raises(AuthError, match="provide API_KEY \\+ USERNAME \\+ PASSWORD"):
        Authenticator(load_api("absorb"), credentials, send=lambda *args: httpx.Response(500)).current()


def test_a_failed_token_request_reports_the_status_not_the_body() -> None:
    credentials = Credentials({"API_KEY": "k", "USERNAME": "u", "PASSWORD": "canary-password"})
    authenticator = Authenticator(
        load_api("absorb"), credentials, send=lambda *args: httpx.Response(401, json={"echo": "canary-password"})
    )
    with pytest.raises(AuthError) as caught:
        authenticator.current()
    assert str(caught.value) == "POST /authenticate answered 401; check the credentials for this vendor"
