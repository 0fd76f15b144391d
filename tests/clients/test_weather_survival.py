"""lmskit.clients under every fault of the weather catalogue, against fakes served on loopback: a full paged read
gives every item exactly once, or raises a named error (PageError, PageShifted, RetriesExhausted) — never a wrong
list. docs/weather.md's table says the same per fault; this file is its proof."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from absorb_client.api.enrollments import list_course_enrollments
from digitalchalk_client.api.registrations import list_registrations
from httpx_retries import Retry

from lmskit.clients import PageError, PageShifted, RetriesExhausted, client_from_env, paginate
from tests.clients.conftest import absorb_seed, digitalchalk_seed, serve

# Quick retries: the faults' waits are the fake's Retry-After (0 here) or this backoff.
FAST = Retry(total=4, backoff_factor=0.01, max_backoff_wait=0.5)
ROWS = 120  # pages of 20: seven pages per walk


def _absorb_walk(schedule: dict[str, Any] | None) -> tuple[list[str], list[str | None], list[str]]:
    """(ids read, the faults the log names, expected ids) for a paged read of one course under ``schedule``."""
    seed, expected = absorb_seed(ROWS)
    app, server, env = serve("absorb", seed)
    try:
        if schedule is not None:
            assert httpx.put(f"{server.root_url}/_lmskit/weather", json=schedule).status_code == 200
        client = client_from_env("absorb", environ=env, retry=FAST)
        course = uuid.UUID(seed["courses"][0]["id"])
        found = [
            str(item.id) for item in paginate(list_course_enrollments, client=client, course_id=course, page_size=20)
        ]
        faults = [entry.get("fault") for entry in app.state.log.page(0, 10_000)["requests"] if entry.get("fault")]
    finally:
        server.stop()
    return found, faults, expected["course"]


def _on_the_list(fault: str, **rule: Any) -> dict[str, Any]:
    return {"seed": 9, "faults": [{"fault": fault, "operations": ["listCourseEnrollments"], **rule}]}


SURVIVED = {
    "rate-limit-storm": _on_the_list("rate-limit-storm", probability=0.5, times=6, **{"with": {"retry_after": 0}}),
    "maintenance": _on_the_list("maintenance", at=[2, 3, 5], **{"with": {"retry_after": 0}}),
    "bad-gateway": _on_the_list("bad-gateway", every=3, times=3),
    "connection-reset": _on_the_list("connection-reset", at=[2, 4]),
    "truncated-body": _on_the_list("truncated-body", at=[3, 6]),
    "latency": _on_the_list("latency", every=2, **{"with": {"ms": 30, "jitter_ms": 20}}),
    "session-expired": _on_the_list("session-expired", at=[3, 5]),
}


@pytest.mark.parametrize("fault", sorted(SURVIVED))
def test_a_paged_read_gives_every_item_once_through_a_survivable_fault(fault: str) -> None:
    found, faults, expected = _absorb_walk(SURVIVED[fault])
    assert found == expected
    assert faults and set(faults) == {fault}  # the walk really met the fault


@pytest.mark.parametrize("fault", ["page-shift-insert", "page-shift-delete"])
def test_a_page_shift_under_offset_paging_is_detected_not_returned(fault: str) -> None:
    with pytest.raises(PageShifted, match=r"page 3 .*the list changed while it was read.*start the walk again"):
        _absorb_walk(_on_the_list(fault, at=[3]))


def test_a_repeated_item_under_digitalchalk_paging_is_detected() -> None:
    seed, _expected = digitalchalk_seed(ROWS)
    _app, server, env = serve("digitalchalk", seed)
    schedule = {"faults": [{"fault": "page-shift-insert", "operations": ["listRegistrations"], "at": [2]}]}
    try:
        httpx.put(f"{server.root_url}/_lmskit/weather", json=schedule)
        client = client_from_env("digitalchalk", environ=env, retry=FAST)
        with pytest.raises(PageShifted, match="page 2 repeats 1 item"):
            list(paginate(list_registrations, client=client, page_size=20))
    finally:
        server.stop()


def test_a_server_error_is_not_retried_and_stops_the_walk_with_page_error() -> None:
    with pytest.raises(PageError, match=r"page 2 answered 500 after 20 item\(s\); nothing more was read"):
        _absorb_walk(_on_the_list("server-error", at=[2]))


def test_a_storm_longer_than_the_retries_gives_up_with_retries_exhausted() -> None:
    with pytest.raises(RetriesExhausted, match=r"gave up after 5 attempt\(s\); last: 503 Service Unavailable"):
        _absorb_walk(_on_the_list("maintenance", after=1, **{"with": {"retry_after": 0}}))


@pytest.mark.parametrize(
    ("fault", "status", "score"), [("completed-without-score", 3, None), ("failed-with-full-score", 5, 100)]
)
def test_the_known_bug_states_are_read_as_they_come(fault: str, status: int, score: int | None) -> None:
    seed, _ = absorb_seed(5)
    _app, server, env = serve("absorb", seed)
    try:
        httpx.put(f"{server.root_url}/_lmskit/weather", json={"faults": [{"fault": fault}]})
        client = client_from_env("absorb", environ=env, retry=FAST)
        course = uuid.UUID(seed["courses"][0]["id"])
        items = list(paginate(list_course_enrollments, client=client, course_id=course))
    finally:
        server.stop()
    assert items and {(int(item.status), item.score) for item in items} == {(status, score)}


def test_the_async_pager_survives_a_dropped_connection_too() -> None:
    import asyncio

    from lmskit.clients import apaginate

    seed, expected = absorb_seed(ROWS)
    app, server, env = serve("absorb", seed)
    try:
        httpx.put(f"{server.root_url}/_lmskit/weather", json=_on_the_list("truncated-body", at=[2, 4]))
        client = client_from_env("absorb", environ=env, retry=FAST)
        course = uuid.UUID(seed["courses"][0]["id"])

        async def walk() -> list[str]:
            return [
                str(item.id)
                async for item in apaginate(list_course_enrollments, client=client, course_id=course, page_size=20)
            ]

        found = asyncio.run(walk())
        faults = [entry.get("fault") for entry in app.state.log.page(0, 10_000)["requests"] if entry.get("fault")]
    finally:
        server.stop()
    assert found == expected["course"] and faults == ["truncated-body", "truncated-body"]


@pytest.mark.parametrize(
    ("vendor", "fault"),
    [
        ("bridge", "rate-limit-storm"),
        ("bridge", "connection-reset"),
        ("digitalchalk", "maintenance"),
        ("digitalchalk", "truncated-body"),
    ],
)
def test_bridge_and_digitalchalk_reads_survive_their_weather_too(vendor: str, fault: str) -> None:
    from bridge_client.api.program_enrollments import list_program_enrollments

    from tests.clients.conftest import bridge_seed

    seed, expected = bridge_seed(ROWS) if vendor == "bridge" else digitalchalk_seed(ROWS)
    operation = "listProgramEnrollments" if vendor == "bridge" else "listRegistrations"
    rule = {"fault": fault, "operations": [operation], "at": [2, 4], "with": {"retry_after": 0}}
    if fault not in ("rate-limit-storm", "maintenance"):
        del rule["with"]
    app, server, env = serve(vendor, seed)
    try:
        httpx.put(f"{server.root_url}/_lmskit/weather", json={"faults": [rule]})
        client = client_from_env(vendor, environ=env, retry=FAST)
        if vendor == "bridge":
            found: list[Any] = [
                int(item.id) for item in paginate(list_program_enrollments, client=client, program_id=2, page_size=20)
            ]
        else:
            found = [item.id for item in paginate(list_registrations, client=client, page_size=20)]
        faults = [entry.get("fault") for entry in app.state.log.page(0, 10_000)["requests"] if entry.get("fault")]
    finally:
        server.stop()
    assert found == expected and faults == [fault, fault]


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        ({"fault": "session-expired", "at": [2, 3]}, PageError),  # the replay with a fresh token expires too
        ({"fault": "maintenance", "after": 1, "with": {"retry_after": 0}}, RetriesExhausted),
    ],
    ids=["session-stays-expired", "storm-outlasts-the-retries"],
)
def test_a_walk_that_gives_up_names_no_credential(rule: dict[str, Any], error: type[Exception]) -> None:
    seed, _ = absorb_seed(ROWS)
    key, password = f"{uuid.uuid4()}", f"canary-pw-{uuid.uuid4().hex}"
    seed["credentials"]["api_key"] = key
    seed["credentials"]["admins"][0]["password"] = password
    app, server, env = serve("absorb", seed)
    try:
        httpx.put(
            f"{server.root_url}/_lmskit/weather", json={"faults": [{**rule, "operations": ["listCourseEnrollments"]}]}
        )
        client = client_from_env("absorb", environ=env, retry=FAST)
        course = uuid.UUID(seed["courses"][0]["id"])
        with pytest.raises(error) as caught:
            list(paginate(list_course_enrollments, client=client, course_id=course, page_size=20))
        tokens = [row["token"] for row in app.state.store.rows("SELECT token FROM absorb_tokens")]
    finally:
        server.stop()
    assert tokens  # the walk did fetch tokens: the canaries had something to leak
    shown = f"{caught.value} {caught.value!r} {caught.getrepr()}"
    for secret in (key, password, *tokens):
        assert secret not in shown
