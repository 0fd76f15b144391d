"""Every list operation that pages, against its fake on loopback with 10,000+ seeded rows: every row exactly
once, in the vendor's order, through ``client_from_env`` and ``paginate`` — the code a sync service runs."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from absorb_client.api.enrollments import list_course_enrollments, list_user_course_enrollments
from absorb_client.api.lesson_enrollments import list_lesson_enrollments
from absorb_client.api.my_enrollments import list_my_course_enrollments
from absorb_client.api.session_enrollments import list_session_enrollments
from bridge_client.api.program_enrollments import list_program_enrollments
from digitalchalk_client.api.registrations import list_registrations
from digitalchalk_client.models.registration_status import RegistrationStatus

from lmskit.clients import ClientSetupError, apaginate, client_from_env, paginate
from tests.clients.conftest import ROWS, Served, built_in_seed

pytestmark = pytest.mark.slow


def test_digitalchalk_registrations_every_row_once_in_order(large_digitalchalk: Served) -> None:
    client = client_from_env("digitalchalk", environ=large_digitalchalk.env)
    before = large_digitalchalk.requests()
    ids = [registration.id for registration in paginate(list_registrations, client=client)]
    assert ids == large_digitalchalk.expected["registrations"]
    seeded = len(built_in_seed("digitalchalk")["registrations"])
    assert len(ids) == ROWS + seeded
    # 100 a page, the documented maximum: 101 pages, nothing more.
    assert large_digitalchalk.requests() - before == (ROWS + seeded + 99) // 100


def test_digitalchalk_a_smaller_page_and_a_filter_give_the_same_rows(large_digitalchalk: Served) -> None:
    client = client_from_env("digitalchalk", environ=large_digitalchalk.env)
    ids = [r.id for r in paginate(list_registrations, client=client, page_size=37, status=RegistrationStatus.ACTIVE)]
    not_active = {r["id"] for r in built_in_seed("digitalchalk")["registrations"] if r.get("status") != "active"}
    expected = [i for i in large_digitalchalk.expected["registrations"] if i not in not_active]
    assert ids == expected


def test_bridge_cursor_pages_every_learner_once_in_order(large_bridge: Served) -> None:
    client = client_from_env("bridge", environ=large_bridge.env)
    before = large_bridge.requests()
    ids = [int(item.id) for item in paginate(list_program_enrollments, client=client, program_id=2)]
    assert ids == large_bridge.expected["program2"]
    assert large_bridge.requests() - before == -(-ROWS // 1000)  # 1,000 a page, and no empty page after the last


def test_bridge_cursor_stays_bound_to_the_query_filters(large_bridge: Served) -> None:
    client = client_from_env("bridge", environ=large_bridge.env)
    found = [
        int(item.id)
        for item in paginate(list_program_enrollments, client=client, program_id=2, page_size=333, search="L0001")
    ]
    assert found == [user for user in large_bridge.expected["program2"] if 1100 <= user < 1200]


@pytest.mark.parametrize(
    ("operation", "arguments", "expected", "field"),
    [
        (list_course_enrollments, {"course_id": "online"}, "course", "id"),
        (list_session_enrollments, {"course_id": "ilc", "session_id": "session"}, "session_users", "user_id"),
        (list_lesson_enrollments, {"course_id": "online", "lesson_id": "lesson"}, "lesson_users", "user_id"),
        (list_user_course_enrollments, {"user_id": "admin"}, "admin", "id"),
        (list_my_course_enrollments, {}, "admin", "id"),
    ],
    ids=["course", "session", "lesson", "user", "my"],
)
def test_absorb_every_paging_list_gives_every_row_once_in_order(
    large_absorb: Served, operation: Any, arguments: dict[str, str], expected: str, field: str
) -> None:
    seed = built_in_seed("absorb")
    names = {
        "online": seed["courses"][0]["id"],
        "ilc": seed["courses"][1]["id"],
        "session": seed["courses"][1]["sessions"][0]["id"],
        "lesson": seed["courses"][0]["chapters"][0]["lessons"][0]["id"],
        "admin": seed["credentials"]["admins"][0]["user"],
    }
    client = client_from_env("absorb", environ=large_absorb.env)
    resolved = {key: uuid.UUID(names[value]) for key, value in arguments.items()}
    found = [str(getattr(item, field)) for item in paginate(operation, client=client, **resolved)]
    assert found == large_absorb.expected[expected]
    assert len(found) >= ROWS


def test_absorb_max_items_reads_only_the_pages_it_needs(large_absorb: Served) -> None:
    client = client_from_env("absorb", environ=large_absorb.env)
    course = uuid.UUID(built_in_seed("absorb")["courses"][0]["id"])
    before = large_absorb.requests()
    first = list(paginate(list_course_enrollments, client=client, course_id=course, page_size=50, max_items=120))
    assert [str(item.id) for item in first] == large_absorb.expected["course"][:120]
    assert large_absorb.requests() - before == 1 + 3  # the token, then three pages of 50


def test_absorb_page_size_above_the_documented_maximum_is_refused_before_any_request(large_absorb: Served) -> None:
    client = client_from_env("absorb", environ=large_absorb.env)
    course = uuid.UUID(built_in_seed("absorb")["courses"][0]["id"])
    before = large_absorb.requests()
    with pytest.raises(ClientSetupError, match="_limit's documented maximum of 1000"):
        next(paginate(list_course_enrollments, client=client, course_id=course, page_size=5000))
    assert large_absorb.requests() == before


def test_async_paging_gives_the_same_rows(large_absorb: Served) -> None:
    client = client_from_env("absorb", environ=large_absorb.env)
    course = uuid.UUID(built_in_seed("absorb")["courses"][0]["id"])

    async def collect() -> list[str]:
        return [str(item.id) async for item in apaginate(list_course_enrollments, client=client, course_id=course)]

    assert asyncio.run(collect()) == large_absorb.expected["course"]
