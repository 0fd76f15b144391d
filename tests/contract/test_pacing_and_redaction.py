"""The pieces a live run's promises rest on: every request counted and budgeted, Retry-After honoured in both
forms, secrets masked in every form a report can show them, writes only to a spec's sandbox or loopback."""

from __future__ import annotations

import email.utils
import time

import pytest

from lmskit.contract.options import RunOptions
from lmskit.contract.pacing import BudgetSpent, RequestGate, retry_after
from lmskit.contract.targets import WritesNotAllowed, is_sandbox, live_target
from lmskit.contract.wiring import has_links, selected_operations
from lmskit.errors import UsageError
from lmskit.redaction.secrets import MASK, KnownSecrets
from lmskit.spec.api import load_api


def test_the_pacer_counts_every_request_and_refuses_the_one_past_the_budget() -> None:
    pacer = RequestGate("dc", budget=2, sleep=lambda seconds: None)
    pacer.before_send()
    pacer.before_send()
    with pytest.raises(BudgetSpent, match="the request budget of 2 is spent; raise --budget"):
        pacer.before_send()
    assert pacer.sent == 2  # the refused request was not counted: it was never sent


def test_a_429_holds_the_next_request_for_its_retry_after() -> None:
    clock = [100.0]
    slept: list[float] = []
    pacer = RequestGate("dc", budget=None, sleep=slept.append, clock=lambda: clock[0])
    pacer.after_response(429, {"Retry-After": "7"})
    pacer.before_send()
    assert slept == [7.0]
    clock[0] += 10
    pacer.before_send()
    assert slept == [7.0]
    pacer.after_response(200, {"Retry-After": "30"})  # only a 429 pauses the run
    pacer.before_send()
    assert slept == [7.0]


def test_retry_after_reads_seconds_and_http_dates_and_is_capped() -> None:
    assert retry_after({"retry-after": "12"}) == 12.0
    in_thirty = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25.0 <= retry_after({"Retry-After": in_thirty}) <= 30.0
    assert retry_after({"Retry-After": "3600"}) == 60.0
    assert retry_after({"Retry-After": "soon"}) == 1.0
    assert retry_after({}) == 1.0


def test_the_redactor_masks_a_secret_in_every_form_a_report_shows_it() -> None:
    redactor = KnownSecrets()
    secret = "canary/secret+value=1"
    redactor.add(secret)
    redactor.add_basic("api-user", "pa ss:word")
    texts = [
        f"Authorization: Bearer {secret}",
        f"curl -H 'X-Custom: {secret}' 'https://x.test/?t=canary%2Fsecret%2Bvalue%3D1'",
        '{"echo": "canary/secret+value=1"}',
        "Basic YXBpLXVzZXI6cGEgc3M6d29yZA==",  # base64("api-user:pa ss:word")
        "password=pa ss:word",
    ]
    for text in texts:
        scrubbed = redactor.scrub(text)
        assert secret not in scrubbed and "canary%2Fsecret" not in scrubbed and "pa ss:word" not in scrubbed
        assert "YXBpLXVzZXI6cGEgc3M6d29yZA" not in scrubbed
        assert MASK in scrubbed
    assert secret not in repr(redactor)


def test_credential_headers_are_masked_by_name_even_when_the_value_is_unknown() -> None:
    scrubbed = KnownSecrets().scrub("-H 'x-api-key: 1234abcd' -H 'Authorization: Bearer zzz' -H 'Accept: */*'")
    assert "1234abcd" not in scrubbed and "zzz" not in scrubbed
    assert "Accept: */*" in scrubbed


@pytest.mark.parametrize(
    ("vendor", "host", "sandbox"),
    [
        ("absorb", "rest.sandbox.myabsorb.eu", True),
        ("absorb", "rest.myabsorb.com", False),
        ("absorb", "rest.sandbox.myabsorb.com.evil.test", False),
        ("digitalchalk", "api.digitalchalksandbox.com", True),
        ("digitalchalk", "api.digitalchalk.com", False),
        ("bridge", "acme-notasandbox.bridgeapp.com", False),
        ("bridge", "sandbox.bridgeapp.com", False),  # Bridge declares no sandbox server
        ("bridge", "127.0.0.1", True),
        ("bridge", "localhost", True),
    ],
)
def test_writes_are_allowed_only_on_a_sandbox_server_of_the_spec_or_loopback(vendor, host, sandbox) -> None:
    assert is_sandbox(load_api(vendor), host) is sandbox


def test_a_word_in_the_host_is_not_a_sandbox() -> None:
    environ = {"LMSKIT_BRIDGE_TOKEN": "t"}
    with pytest.raises(WritesNotAllowed, match="not a sandbox \\(the spec declares none\\) nor loopback"):
        live_target(load_api("bridge"), "https://acme-notasandbox.bridgeapp.com", allow_writes=True, environ=environ)
    target = live_target(
        load_api("bridge"),
        "https://acme-notasandbox.bridgeapp.com",
        allow_writes=True,
        environ={**environ, "LMSKIT_ALLOW_WRITES": "1"},
    )
    assert not target.read_only


def test_include_and_exclude_select_by_operation_id_path_or_method_and_path() -> None:
    api = load_api("absorb")
    target = live_target(api, "http://127.0.0.1:9", allow_writes=False, environ={"LMSKIT_ABSORB_API_KEY": "k"})
    chosen = selected_operations(api, target, RunOptions(include=("getCourseEnrollment", "GET /myenrollments")))
    assert sorted(op.label for op in chosen) == ["GET /enrollments/{id}", "GET /myenrollments"]
    everything = selected_operations(api, target, RunOptions())
    assert all(op.method == "get" for op in everything)  # read-only: GETs only
    fewer = selected_operations(api, target, RunOptions(exclude=("/myenrollments",)))
    assert len(fewer) == len(everything) - 1
    with pytest.raises(UsageError, match="no operation matches 'getNothing'; operations: "):
        selected_operations(api, target, RunOptions(include=("getNothing",)))


def test_a_read_only_bridge_run_has_no_links_to_walk_and_a_full_one_has() -> None:
    api = load_api("bridge")
    gets = [op for op in api.operations.values() if op.method == "get"]
    assert not has_links(api, gets)
    assert has_links(api, list(api.operations.values()))
