"""Retries, pacing and tokens: against fakes on loopback where the behaviour is the fake's (429s, expired
tokens, a closed port), and over ``httpx.MockTransport`` where a test needs to choose every answer."""

from __future__ import annotations

import email.utils
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from absorb_client.api.enrollments import (
    create_course_enrollment,
    create_or_update_course_enrollment,
    get_course_enrollment,
    list_course_enrollments,
)
from bridge_client.api.program_enrollments import list_program_enrollments
from digitalchalk_client.api.registrations import get_registration
from httpx_retries import Retry

from lmskit.clients import ClientSetupError, RetriesExhausted, TokenError, client_from_env, paginate
from lmskit.clients.transport import Pacer
from lmskit.spec.paging import RateLimit
from tests.clients.conftest import absorb_seed, bridge_seed, serve

FAST = Retry(total=3, backoff_factor=0.01, max_backoff_wait=2.0)


@pytest.mark.slow
def test_a_rate_limited_fake_answers_429_and_the_pager_still_reads_every_row_once() -> None:
    seed, expected = bridge_seed(2000)
    app, server, env = serve("bridge", seed, rate_limit=1)
    try:
        client = client_from_env("bridge", environ=env)
        ids = [int(item.id) for item in paginate(list_program_enrollments, client=client, program_id=2, page_size=400)]
        statuses = [entry["status"] for entry in app.state.log.page(0, 1000)["requests"]]
    finally:
        server.stop()
    assert ids == expected
    assert statuses.count(429) >= 1, statuses  # the fake did push back, and Retry-After was waited out
    assert statuses.count(200) == 5


@pytest.mark.slow
def test_an_expired_absorb_token_is_fetched_again_mid_iteration() -> None:
    seed, expected = absorb_seed(2500)
    app, server, env = serve("absorb", seed)
    try:
        client = client_from_env("absorb", environ=env)
        course = uuid.UUID(seed["courses"][0]["id"])
        found: list[str] = []
        for index, item in enumerate(paginate(list_course_enrollments, client=client, course_id=course, page_size=500)):
            found.append(str(item.id))
            if index == 700:  # inside the second page: the next page's request carries an expired token
                moved = httpx.post(f"{server.root_url}/_lmskit/clock", json={"advance_seconds": 5 * 3600})
                assert moved.status_code == 200
        log = [(e["method"], e["path"], e["status"]) for e in app.state.log.page(0, 1000)["requests"]]
    finally:
        server.stop()
    assert found == expected["course"]
    assert [entry for entry in log if entry[1] == "/authenticate"] == [("POST", "/authenticate", 200)] * 2
    assert sum(1 for entry in log if entry[2] == 401) == 1  # one 401, one new token, one replay
    assert client.get_httpx_client()._auth.token_fetches == 2


def test_a_connection_refused_gives_one_clear_error_after_the_capped_retries() -> None:
    env = {"LMSKIT_DIGITALCHALK_BASE_URL": "http://127.0.0.1:9/dc/api/v5", "LMSKIT_DIGITALCHALK_TOKEN": "t0ken-canary"}
    client = client_from_env("digitalchalk", environ=env, retry=FAST)
    started = time.monotonic()
    with pytest.raises(RetriesExhausted) as caught:
        get_registration.sync_detailed("abc", client=client)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert message.startswith(
        "GET /registrations/{id} (getRegistration): gave up after 4 attempt(s); last: ConnectError"
    )
    assert "t0ken-canary" not in message
    assert caught.value.attempts == 4


# --- over MockTransport: every answer chosen ------------------------------------------------------------------

Answer = Callable[[httpx.Request], httpx.Response]


def mock_client(vendor: str, answer: Answer, env: dict[str, str], **options: Any) -> Any:
    return client_from_env(vendor, environ=env, transport=httpx.MockTransport(answer), **options)


DC = {"LMSKIT_DIGITALCHALK_BASE_URL": "https://api.digitalchalk.com/dc/api/v5", "LMSKIT_DIGITALCHALK_TOKEN": "dc-t"}
ABSORB = {
    "LMSKIT_ABSORB_BASE_URL": "https://rest.myabsorb.com",
    "LMSKIT_ABSORB_API_KEY": "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c",
    "LMSKIT_ABSORB_USERNAME": "api.admin",
    "LMSKIT_ABSORB_PASSWORD": "pw-canary-1234",
}
REGISTRATION = {
    "id": "abc",
    "userId": "u",
    "offeringId": "o",
    "status": "active",
    "createdDate": "2024-01-01T00:00:00Z",
}


def recording_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr("httpx_retries.retry.time.sleep", slept.append)
    return slept


def sequence(*responses: httpx.Response) -> tuple[Answer, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    queue = list(responses)

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return answer, seen


def test_429_retry_after_in_seconds_is_waited_out(monkeypatch: pytest.MonkeyPatch) -> None:
    slept = recording_sleep(monkeypatch)
    answer, seen = sequence(httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json=REGISTRATION))
    response = get_registration.sync_detailed("abc", client=mock_client("digitalchalk", answer, DC))
    assert response.status_code == 200 and len(seen) == 2
    assert slept == [7.0]


def test_429_retry_after_as_an_http_date_is_waited_out(monkeypatch: pytest.MonkeyPatch) -> None:
    slept = recording_sleep(monkeypatch)
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    answer, seen = sequence(httpx.Response(429, headers={"Retry-After": when}), httpx.Response(200, json=REGISTRATION))
    response = get_registration.sync_detailed("abc", client=mock_client("digitalchalk", answer, DC))
    assert response.status_code == 200 and len(seen) == 2
    assert len(slept) == 1 and 25 < slept[0] <= 30


def test_a_huge_retry_after_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    slept = recording_sleep(monkeypatch)
    answer, _ = sequence(httpx.Response(429, headers={"Retry-After": "86400"}), httpx.Response(200, json=REGISTRATION))
    get_registration.sync_detailed("abc", client=mock_client("digitalchalk", answer, DC))
    assert slept == [60.0]


def test_502_503_504_are_retried_with_growing_jittered_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    slept = recording_sleep(monkeypatch)
    answer, seen = sequence(
        httpx.Response(502), httpx.Response(503), httpx.Response(504), httpx.Response(200, json=REGISTRATION)
    )
    response = get_registration.sync_detailed("abc", client=mock_client("digitalchalk", answer, DC))
    assert response.status_code == 200 and len(seen) == 4
    # 0.5 s doubling, full jitter: each wait at most its cap, and the caps grow.
    assert len(slept) == 3 and slept[0] <= 1.0 and slept[1] <= 2.0 and slept[2] <= 4.0


def test_giving_up_names_the_operation_the_attempts_and_the_last_status(monkeypatch: pytest.MonkeyPatch) -> None:
    recording_sleep(monkeypatch)
    answer, seen = sequence(httpx.Response(503))
    with pytest.raises(RetriesExhausted) as caught:
        get_registration.sync_detailed("abc", client=mock_client("digitalchalk", answer, DC, retry=FAST))
    assert str(caught.value) == (
        "GET /registrations/{id} (getRegistration): gave up after 4 attempt(s); last: 503 Service Unavailable"
    )
    assert len(seen) == 4


def test_a_post_is_never_retried_unless_the_spec_says_it_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    recording_sleep(monkeypatch)
    token = httpx.Response(200, json="tok")

    def absorb(unsafe: httpx.Response) -> tuple[Answer, list[httpx.Request]]:
        seen: list[httpx.Request] = []

        def answer(request: httpx.Request) -> httpx.Response:
            if request.url.path == "/authenticate":
                return token
            seen.append(request)
            return unsafe

        return answer, seen

    answer, seen = absorb(httpx.Response(503))
    course, user = uuid.uuid4(), uuid.uuid4()
    client = mock_client("absorb", answer, ABSORB, retry=FAST)
    response = create_course_enrollment.sync_detailed(user, course, client=client)
    assert response.status_code == 503 and len(seen) == 1  # handed back, never repeated

    answer, seen = absorb(httpx.Response(503))
    client = mock_client("absorb", answer, ABSORB, retry=FAST)
    from absorb_client.models.course_enrollment_write import CourseEnrollmentWrite

    body = CourseEnrollmentWrite.from_dict({"courseId": str(course)})
    with pytest.raises(RetriesExhausted, match="createOrUpdateCourseEnrollment"):
        create_or_update_course_enrollment.sync_detailed(user, client=client, body=body)
    assert len(seen) == 4  # x-lmskit-retry-safe: true


def test_absorb_token_is_fetched_lazily_once_and_again_after_a_401() -> None:
    tokens = iter(["tok-1", "tok-2"])
    seen: list[tuple[str, str | None]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, request.headers.get("authorization")))
        assert request.headers["x-api-key"] == ABSORB["LMSKIT_ABSORB_API_KEY"]
        if request.url.path == "/authenticate":
            assert request.headers["x-api-version"] == "2"
            return httpx.Response(200, json=next(tokens))
        if request.headers["authorization"] == "Bearer tok-1" and len(seen) > 3:
            return httpx.Response(401, json={"code": 401, "message": "expired"})
        return httpx.Response(404, json={"code": 404, "message": "no", "validations": [], "term": "NotFound"})

    client = client_from_env("absorb", environ=ABSORB, transport=httpx.MockTransport(answer))
    assert seen == []  # nothing sent before the first call
    get_course_enrollment.sync_detailed(uuid.uuid4(), client=client)
    get_course_enrollment.sync_detailed(uuid.uuid4(), client=client)
    get_course_enrollment.sync_detailed(uuid.uuid4(), client=client)
    paths = [path for path, _ in seen]
    assert paths.count("/authenticate") == 2
    assert [auth for path, auth in seen if path != "/authenticate"] == [
        "Bearer tok-1",
        "Bearer tok-1",
        "Bearer tok-1",  # answered 401
        "Bearer tok-2",  # the replay
    ]


def test_a_refused_login_is_one_error_without_the_password() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"message": f"bad password {ABSORB['LMSKIT_ABSORB_PASSWORD']}"})

    client = client_from_env("absorb", environ=ABSORB, transport=httpx.MockTransport(answer))
    with pytest.raises(TokenError) as caught:
        get_course_enrollment.sync_detailed(uuid.uuid4(), client=client)
    assert str(caught.value) == "POST /authenticate (authenticate) answered 401; check the credentials"


def test_bridge_basic_and_bearer_credentials_travel_as_the_spec_says() -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(200, json={"meta": {}, "enrollments": []})

    base = {"LMSKIT_BRIDGE_BASE_URL": "https://acme.bridgeapp.com"}
    basic = client_from_env(
        "bridge",
        environ={**base, "LMSKIT_BRIDGE_KEY": "k", "LMSKIT_BRIDGE_SECRET": "s"},
        transport=httpx.MockTransport(answer),
    )
    list(paginate(list_program_enrollments, client=basic, program_id=1))
    bearer = client_from_env(
        "bridge", environ={**base, "LMSKIT_BRIDGE_TOKEN": "b-tok"}, transport=httpx.MockTransport(answer)
    )
    list(paginate(list_program_enrollments, client=bearer, program_id=1))
    assert seen == ["Basic azpz", "Bearer b-tok"]


def test_a_next_link_to_another_host_is_not_followed() -> None:
    from lmskit.clients import PageError

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "meta": {"next": "https://evil.example/steal?after=x"},
                "enrollments": [{"id": 1, "state": "active"}],
            },
        )

    env = {"LMSKIT_BRIDGE_BASE_URL": "https://acme.bridgeapp.com", "LMSKIT_BRIDGE_TOKEN": "b-tok"}
    client = client_from_env("bridge", environ=env, transport=httpx.MockTransport(answer))
    with pytest.raises(PageError, match="links to another host"):
        list(paginate(list_program_enrollments, client=client, program_id=1))


def test_missing_settings_name_the_variables() -> None:
    with pytest.raises(ClientSetupError, match="LMSKIT_ABSORB_BASE_URL"):
        client_from_env("absorb", environ={})
    with pytest.raises(ClientSetupError, match="API_KEY"):
        client_from_env("absorb", environ={"LMSKIT_ABSORB_BASE_URL": "https://rest.myabsorb.com"})
    with pytest.raises(ClientSetupError, match="no client package 'nobody_client'"):
        client_from_env("nobody")


def test_the_client_and_its_pieces_hold_no_secret_in_their_repr() -> None:
    client = client_from_env("absorb", environ=ABSORB)
    text = repr(client) + repr(client.get_httpx_client()._auth) + repr(client.get_httpx_client())
    for name in ("LMSKIT_ABSORB_API_KEY", "LMSKIT_ABSORB_PASSWORD"):
        assert ABSORB[name] not in text
    assert "credentials=[API_KEY, PASSWORD, USERNAME]" in text


def test_the_pacer_keeps_five_a_second() -> None:
    now = [100.0]
    pacer = Pacer(RateLimit(5, 1.0), clock=lambda: now[0])
    waits = [pacer.reserve() for _ in range(12)]
    assert waits[:5] == [0.0] * 5
    assert waits[5:10] == [1.0] * 5
    assert waits[10:] == [2.0] * 2
    now[0] = 103.5  # later, the window is free again
    assert pacer.reserve() == 0.0


def test_bridge_clients_pace_at_the_documented_five_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("lmskit.clients.transport.time.sleep", slept.append)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"meta": {}, "enrollments": []})

    env = {"LMSKIT_BRIDGE_BASE_URL": "https://pace.bridgeapp.com", "LMSKIT_BRIDGE_TOKEN": f"t-{uuid.uuid4()}"}
    client = client_from_env("bridge", environ=env, transport=httpx.MockTransport(answer))
    for _ in range(7):
        list(paginate(list_program_enrollments, client=client, program_id=1))
    assert len(slept) == 2 and all(0 < wait <= 1.0 for wait in slept)
    unpaced = client_from_env("bridge", environ=env, transport=httpx.MockTransport(answer), pace=False)
    slept.clear()
    for _ in range(7):
        list(paginate(list_program_enrollments, client=unpaced, program_id=1))
    assert slept == []
