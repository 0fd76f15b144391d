"""A sync service's enrollment import, tested against Absorb's bad days with the lmskit pytest plugin.

`sync_course` is the code under test: it reads every enrollment of a course with lmskit.clients and upserts
them into the service's own store (a dict here). Each test serves the Absorb fake under one fault of the
catalogue (docs/weather.md) and checks the one thing that matters: the store ends up with every enrollment
exactly once, or the sync stops with a named error and says so, never a silently wrong store.

Run it: pytest examples/weather
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from absorb_client.api.enrollments import list_course_enrollments
from httpx_retries import Retry

from lmskit.clients import PageShifted, client_from_env, paginate
from lmskit.pytest_plugin import RunningFake

COURSE = uuid.UUID("7c9e6679-7425-40de-944b-e07fc1f90ae7")
QUICK = Retry(total=4, backoff_factor=0.01)  # the fake's Retry-After is 0 below; keep the backoff short too


def sync_course(client: Any, store: dict[str, str]) -> int:
    """Upsert every enrollment of the course; a list that changed under the walk is read again from the top."""
    for _attempt in range(3):
        try:
            pages = paginate(list_course_enrollments, client=client, course_id=COURSE, page_size=1)
            seen = {str(item.id): str(item.status) for item in pages}
        except PageShifted:
            continue  # the pages moved while we read them: what we have is not the list
        store.update(seen)
        return len(seen)
    raise RuntimeError("the course kept changing; try the sync later")


def absorb_client(absorb_fake: RunningFake) -> Any:
    environ = {f"LMSKIT_ABSORB_{name}": value for name, value in absorb_fake.credentials.items()}
    return client_from_env("absorb", base_url=absorb_fake.base_url, environ=environ, retry=QUICK)


def schedule(name: str, **when: Any) -> dict[str, Any]:
    """One fault of Absorb's catalogue on the course's enrollment list (Retry-After 0: the test does not wait)."""
    rule = {"fault": name, "operations": ["listCourseEnrollments"], **when}
    if name in ("rate-limit-storm", "maintenance"):
        rule["with"] = {"retry_after": 0}
    return {"seed": 1, "faults": [rule]}


def fault(name: str, **when: Any) -> pytest.MarkDecorator:
    """The fault as a marker: the absorb_fake fixture serves the fake under it from the test's first request."""
    return pytest.mark.lmskit_weather(schedule(name, **when), vendor="absorb")


def fair_weather_ids(absorb_fake: RunningFake) -> set[str]:
    client = absorb_client(absorb_fake)
    return {str(item.id) for item in paginate(list_course_enrollments, client=client, course_id=COURSE)}


SURVIVABLE = [
    "rate-limit-storm",
    "maintenance",
    "bad-gateway",
    "connection-reset",
    "truncated-body",
    "latency",
    "session-expired",
]


@pytest.mark.parametrize("name", SURVIVABLE)
def test_the_sync_imports_every_enrollment_once_through(name: str, absorb_fake: RunningFake) -> None:
    absorb_fake.weather(schedule(name, at=[2]))  # the same schedule as the marker, set from inside the test
    store: dict[str, str] = {}
    assert sync_course(absorb_client(absorb_fake), store) == 3
    assert absorb_fake.faults_met() == [name]  # it really met the weather
    absorb_fake.weather(None)
    assert set(store) == fair_weather_ids(absorb_fake)


@fault("page-shift-insert", at=[2])
def test_a_list_that_shifts_mid_read_is_read_again(absorb_fake: RunningFake) -> None:
    store: dict[str, str] = {}
    assert sync_course(absorb_client(absorb_fake), store) == 3
    assert absorb_fake.faults_met() == ["page-shift-insert"]


@fault("completed-without-score")
def test_a_completed_enrollment_without_a_score_is_still_imported(absorb_fake: RunningFake) -> None:
    store: dict[str, str] = {}
    assert sync_course(absorb_client(absorb_fake), store) == 3
    assert set(store.values()) == {"3"}
