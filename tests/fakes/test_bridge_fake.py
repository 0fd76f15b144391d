"""The Bridge fake behaves as documented, driven over loopback HTTP by the generated client."""

from __future__ import annotations

import base64
import datetime

import pytest
from bridge_client import AuthenticatedClient
from bridge_client.api.program_enrollments import (
    delete_program_enrollment,
    enroll_program_learners,
    list_program_enrollments,
    replace_program_enrollment,
    update_program_enrollment,
)
from bridge_client.models import (
    ListProgramEnrollmentsSort,
    ProgramEnrollmentCreateForGroup,
    ProgramEnrollmentCreateForUser,
    ProgramEnrollmentCreateRequest,
    ProgramEnrollmentDates,
    ProgramEnrollmentPage,
    ProgramEnrollmentUpdated,
    ProgramEnrollmentUpdateRequest,
)

PROGRAM = 1


@pytest.fixture
def bridge(running_fake):
    fake = running_fake("bridge")
    return AuthenticatedClient(base_url=fake.base_url, token=fake.credentials["TOKEN"], raise_on_unexpected_status=True)


def enroll(client, *items) -> int:
    return enroll_program_learners.sync_detailed(
        PROGRAM, client=client, body=ProgramEnrollmentCreateRequest(enrollments=list(items))
    ).status_code


def listing(client, **filters) -> ProgramEnrollmentPage:
    page = list_program_enrollments.sync(PROGRAM, client=client, **filters)
    assert isinstance(page, ProgramEnrollmentPage)
    return page


def test_cursor_paging_returns_every_row_exactly_once(running_fake) -> None:
    fake = running_fake("bridge")
    users = [
        {"id": 100 + i, "first_name": f"L{i:03}", "last_name": "Learner", "uid": f"l{i}", "email": f"l{i}@example.com"}
        for i in range(57)
    ]
    seed = {"credentials": {"tokens": ["t"]}, "users": users, "programs": [{"id": 1, "title": "P", "total_items": 3}]}
    seed["enrollments"] = [{"program_id": 1, "user_id": u["id"], "created_at": "2020-01-01T00:00:00Z"} for u in users]
    assert fake.control("POST", "seed", seed).status_code == 200
    client = AuthenticatedClient(base_url=fake.base_url, token="t")
    seen: list[int] = []
    page = list_program_enrollments.sync(1, client=client, limit=10, sort=ListProgramEnrollmentsSort.NAME_DESC)
    while True:
        assert isinstance(page, ProgramEnrollmentPage)
        seen += [int(e.enrollment_id) for e in page.enrollments]
        if not page.meta.next_:
            break
        after = page.meta.next_.split("after=", 1)[1].split("&", 1)[0]
        assert "sort=-name" in page.meta.next_ and "limit=10" in page.meta.next_
        page = list_program_enrollments.sync(
            1, client=client, limit=10, sort=ListProgramEnrollmentsSort.NAME_DESC, after=after
        )
    assert len(seen) == len(set(seen)) == 57


def test_a_cursor_from_other_filters_is_refused(bridge) -> None:
    first = listing(bridge, limit=1)
    after = first.meta.next_.split("after=", 1)[1]  # type: ignore[union-attr]
    refused = list_program_enrollments.sync_detailed(PROGRAM, client=bridge, limit=1, search="ada", after=after)
    assert refused.status_code == 400


def test_soft_delete_hides_the_enrollment_unless_deleted_ones_are_asked_for(bridge) -> None:
    assert {int(e.enrollment_id) for e in listing(bridge).enrollments} == {7, 8}
    assert delete_program_enrollment.sync_detailed(PROGRAM, 7, client=bridge).status_code == 204
    assert {int(e.enrollment_id) for e in listing(bridge).enrollments} == {8}
    deleted = listing(bridge, only_deleted=True).enrollments
    assert {int(e.enrollment_id) for e in deleted} == {7, 9}
    assert all(e.deleted_at for e in deleted)
    assert {int(e.enrollment_id) for e in listing(bridge, with_deleted=True).enrollments} == {7, 8, 9}
    assert delete_program_enrollment.sync_detailed(PROGRAM, 7, client=bridge).status_code == 404


def test_sort_search_user_and_time_filters(bridge) -> None:
    assert [e.name for e in listing(bridge, sort=ListProgramEnrollmentsSort.NAME).enrollments] == [
        "Ada Lovelace",
        "Alan Turing",
    ]
    assert [e.name for e in listing(bridge, sort=ListProgramEnrollmentsSort.NAME_DESC).enrollments] == [
        "Alan Turing",
        "Ada Lovelace",
    ]
    assert [
        int(e.enrollment_id) for e in listing(bridge, sort=ListProgramEnrollmentsSort.PROGRESS_DESC).enrollments
    ] == [
        8,
        7,
    ]
    assert [e.email for e in listing(bridge, search="TURING").enrollments] == ["alan@example.com"]
    assert [int(e.enrollment_id) for e in listing(bridge, user_id=42).enrollments] == [7]
    moment = datetime.datetime(2017, 11, 1, 7, 30, tzinfo=datetime.UTC)
    assert [int(e.enrollment_id) for e in listing(bridge, created_after=moment).enrollments] == [8]
    assert [int(e.enrollment_id) for e in listing(bridge, updated_before=moment).enrollments] == []


def test_enroll_user_and_group_then_duplicate_is_taken(bridge) -> None:
    assert enroll(bridge, ProgramEnrollmentCreateForUser(user_id=44)) == 204
    assert (
        enroll(bridge, ProgramEnrollmentCreateForGroup(group_id=12)) == 422
    )  # 44 is in the group and enrolled already
    assert enroll(bridge, ProgramEnrollmentCreateForUser(user_id=45)) == 204
    assert enroll(bridge, ProgramEnrollmentCreateForUser(user_id=99999)) == 422
    assert {int(e.id) for e in listing(bridge).enrollments} == {42, 43, 44, 45}


def test_patch_and_put_change_the_dates(bridge) -> None:
    due = datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    body = ProgramEnrollmentUpdateRequest(enrollments=[ProgramEnrollmentDates(end_at=due)])
    patched = update_program_enrollment.sync(PROGRAM, 7, client=bridge, body=body)
    assert isinstance(patched, ProgramEnrollmentUpdated)
    assert patched.enrollments[0].end_at == due
    expiry = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    put = replace_program_enrollment.sync(
        PROGRAM,
        7,
        client=bridge,
        body=ProgramEnrollmentUpdateRequest(enrollments=[ProgramEnrollmentDates(expires_at=expiry)]),
    )
    assert isinstance(put, ProgramEnrollmentUpdated)
    assert (put.enrollments[0].end_at, put.enrollments[0].expires_at) == (due, expiry)
    assert update_program_enrollment.sync_detailed(PROGRAM, 9, client=bridge, body=body).status_code == 404  # deleted


def test_basic_auth_with_key_and_secret_and_wrong_token(running_fake) -> None:
    fake = running_fake("bridge")
    secret = base64.b64encode(f"{fake.credentials['KEY']}:{fake.credentials['SECRET']}".encode()).decode()
    basic = AuthenticatedClient(base_url=fake.base_url, token=secret, prefix="Basic")
    assert list_program_enrollments.sync_detailed(PROGRAM, client=basic).status_code == 200
    wrong = AuthenticatedClient(base_url=fake.base_url, token="nope")
    assert list_program_enrollments.sync_detailed(PROGRAM, client=wrong).status_code == 401
    assert list_program_enrollments.sync_detailed(404, client=basic).status_code == 404


def test_advance_completes_the_program(running_fake) -> None:
    fake = running_fake("bridge")
    result = fake.control("POST", "advance", {"enrollmentId": 7, "steps": 10}).json()
    assert result["state"] == "complete" and result["completed_at"]
