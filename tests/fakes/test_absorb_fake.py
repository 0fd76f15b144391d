"""The Absorb fake behaves as documented, driven over loopback HTTP by the generated client."""

from __future__ import annotations

from uuid import UUID

import pytest
from absorb_client import AuthenticatedClient, Client
from absorb_client.api.attempts import (
    finish_attempt,
    finish_user_lesson_attempt,
    list_user_lesson_attempts,
    start_lesson_attempt,
)
from absorb_client.api.authentication import authenticate
from absorb_client.api.chapter_enrollments import list_user_chapter_enrollments
from absorb_client.api.enrollments import (
    create_course_enrollment,
    create_or_update_course_enrollment,
    get_course_enrollment,
    get_user_course_enrollment,
    list_course_enrollments,
    list_user_course_enrollments,
    unenroll_course_enrollments,
)
from absorb_client.api.lesson_enrollments import get_user_lesson_enrollment, list_user_lesson_enrollments
from absorb_client.api.my_enrollments import (
    create_my_course_enrollment,
    get_my_course_enrollment,
    list_my_course_enrollments,
)
from absorb_client.api.session_enrollments import (
    create_ilc_enrollment,
    get_user_session_enrollment,
    list_session_enrollments,
)
from absorb_client.models import (
    AttemptStatus,
    AuthenticateRequest,
    CourseEnrollment,
    CourseEnrollmentPage,
    CourseEnrollmentWrite,
    EnrollmentStatus,
    FinishAttemptRequest,
)

ADA = UUID("6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e")
ALAN = UUID("7d3e0a2f-4b5c-4c6d-9e7f-8a9b0c1d2e3f")
ADMIN = UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
SAFETY = UUID("7c9e6679-7425-40de-944b-e07fc1f90ae7")
CLASSROOM = UUID("2b4d6f8a-0c1e-4a3b-9c5d-7e9f1a3b5c7d")
MONDAY = UUID("3b241101-e2bb-4255-8caf-4136c566a962")
THURSDAY = UUID("4c352212-f3cc-4366-9dbf-5247d677b073")
LESSONS = [
    UUID("e3a1b7c2-5d4f-4a8e-9b6c-1f2d3e4a5b6c"),
    UUID("f4b2c8d3-6e5a-4b9f-8c7d-2a3e4f5b6c7d"),
    UUID("a5c3d9e4-7f6b-4c0a-9d8e-3b4f5a6c7d8e"),
]
ADA_ENROLLMENT = UUID("a14c149a-2ce0-41d4-b532-02189ad3cb22")


def login(fake, username: str | None = None, password: str | None = None) -> str:
    anonymous = Client(base_url=fake.base_url, headers={"x-api-key": fake.credentials["API_KEY"]})
    body = AuthenticateRequest(
        username=username or fake.credentials["USERNAME"],
        password=password or fake.credentials["PASSWORD"],
        private_key=UUID(fake.credentials["API_KEY"]),
    )
    response = authenticate.sync_detailed(client=anonymous, body=body)
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, str)
    return response.parsed


def client_for(fake, token: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=fake.base_url, token=token, headers={"x-api-key": fake.credentials["API_KEY"]})


@pytest.fixture
def fake(running_fake):
    return running_fake("absorb")


@pytest.fixture
def absorb(fake):
    return client_for(fake, login(fake))


def test_a_new_token_invalidates_the_previous_one(fake) -> None:
    first = client_for(fake, login(fake))
    assert list_my_course_enrollments.sync_detailed(client=first).status_code == 200
    second = client_for(fake, login(fake))
    assert list_my_course_enrollments.sync_detailed(client=first).status_code == 401
    assert list_my_course_enrollments.sync_detailed(client=second).status_code == 200


def test_tokens_expire_after_four_hours(fake, absorb) -> None:
    fake.control("POST", "clock", {"advance_seconds": 4 * 3600 - 60})
    assert list_my_course_enrollments.sync_detailed(client=absorb).status_code == 200
    fake.control("POST", "clock", {"advance_seconds": 120})
    assert list_my_course_enrollments.sync_detailed(client=absorb).status_code == 401


def test_api_key_is_required_on_every_call(fake, absorb) -> None:
    token = login(fake)
    no_key = AuthenticatedClient(base_url=fake.base_url, token=token)
    assert list_my_course_enrollments.sync_detailed(client=no_key).status_code == 401
    wrong = Client(base_url=fake.base_url, headers={"x-api-key": "00000000-0000-0000-0000-000000000000"})
    body = AuthenticateRequest(username="api.admin", password="x", private_key=UUID(fake.credentials["API_KEY"]))
    assert authenticate.sync_detailed(client=wrong, body=body).status_code == 401


def test_re_enroll_keeps_the_old_enrollment_as_history(absorb) -> None:
    again = create_course_enrollment.sync(ADA, SAFETY, client=absorb)
    assert again.enrollment_id == ADA_ENROLLMENT  # type: ignore[union-attr]  # no reEnroll: the active one
    fresh = create_course_enrollment.sync(ADA, SAFETY, client=absorb, re_enroll=True)
    assert fresh.enrollment_id != ADA_ENROLLMENT  # type: ignore[union-attr]
    page = list_user_course_enrollments.sync(ADA, client=absorb)
    assert isinstance(page, CourseEnrollmentPage)
    assert {(e.id, e.is_active) for e in page.enrollments} == {(ADA_ENROLLMENT, False), (fresh.enrollment_id, True)}  # type: ignore[union-attr]
    current = get_user_course_enrollment.sync(ADA, SAFETY, client=absorb)
    assert current.id == fresh.enrollment_id  # type: ignore[union-attr]


def test_create_or_update_changes_only_settable_fields(absorb) -> None:
    body = CourseEnrollmentWrite(
        course_id=SAFETY, status=EnrollmentStatus.COMPLETE, score=91.5, credits_=2, course_name="renamed", progress=5
    )
    result = create_or_update_course_enrollment.sync(ALAN, client=absorb, body=body)
    enrollment = get_course_enrollment.sync(result.enrollment_id, client=absorb)  # type: ignore[union-attr,arg-type]
    assert isinstance(enrollment, CourseEnrollment)
    assert (enrollment.status, enrollment.score, enrollment.credits_) == (EnrollmentStatus.COMPLETE, 91.5, 2)
    assert enrollment.course_name == "Safety Basics"  # read-only: ignored
    assert enrollment.progress == 100  # completing sets progress


def test_filter_sort_limit_and_page_index_offset(absorb) -> None:
    page = list_course_enrollments.sync(
        SAFETY, client=absorb, field_filter_="startswith(fullName,'a')", field_sort="-fullName"
    )
    assert [e.full_name for e in page.enrollments] == ["Alan Turing", "Ada Lovelace"]  # type: ignore[union-attr]
    page = list_course_enrollments.sync(
        SAFETY, client=absorb, field_filter_=f"userId eq guid'{ADA}' or not (fullName ne 'Alan Turing')"
    )
    assert {e.full_name for e in page.enrollments} == {"Ada Lovelace", "Alan Turing"}  # type: ignore[union-attr]
    page = list_course_enrollments.sync(
        SAFETY, client=absorb, field_filter_="dateAdded ge datetime'2024-01-09T00:00:00Z'"
    )
    assert page.total_items == 2  # type: ignore[union-attr]
    pages = [
        list_course_enrollments.sync(SAFETY, client=absorb, field_sort="dateAdded", field_limit=2, field_offset=n)
        for n in range(3)
    ]
    assert [[e.full_name for e in p.enrollments] for p in pages] == [
        ["Ada Lovelace", "Alan Turing"],
        ["Jeffrey Lebowski"],
        [],
    ]  # type: ignore[union-attr]
    assert (pages[1].total_items, pages[1].returned_items, pages[1].limit, pages[1].offset) == (3, 1, 2, 1)  # type: ignore[union-attr]
    bad = list_course_enrollments.sync_detailed(SAFETY, client=absorb, field_filter_="nosuchfield eq 1")
    assert bad.status_code == 400


def test_attempts_move_the_lesson_and_course_on(absorb) -> None:
    for lesson, finisher in zip(LESSONS, ["plain", "scoped", "plain"], strict=True):
        started = start_lesson_attempt.sync(ADA, SAFETY, lesson, client=absorb)
        body = FinishAttemptRequest(status=AttemptStatus.COMPLETE, score=80)
        if finisher == "plain":
            finished = finish_attempt.sync(started.attempt_id, client=absorb, body=body)  # type: ignore[union-attr,arg-type]
        else:
            finished = finish_user_lesson_attempt.sync(
                ADA, SAFETY, lesson, started.attempt_id, client=absorb, body=body
            )  # type: ignore[union-attr,arg-type]
        assert finished.attempt_id == started.attempt_id  # type: ignore[union-attr]
        lesson_enrollment = get_user_lesson_enrollment.sync(ADA, SAFETY, lesson, client=absorb)
        assert lesson_enrollment.status is EnrollmentStatus.COMPLETE and lesson_enrollment.attempts == 1  # type: ignore[union-attr]
    course = get_user_course_enrollment.sync(ADA, SAFETY, client=absorb)
    assert (course.status, course.progress, course.score) == (EnrollmentStatus.COMPLETE, 100, 80)  # type: ignore[union-attr]
    chapters = list_user_chapter_enrollments.sync(ADA, SAFETY, client=absorb)
    assert [c.status for c in chapters] == [EnrollmentStatus.COMPLETE, EnrollmentStatus.COMPLETE]  # type: ignore[union-attr]
    attempts = list_user_lesson_attempts.sync(ADA, SAFETY, LESSONS[0], client=absorb)
    assert [a.status for a in attempts] == [AttemptStatus.COMPLETE]  # type: ignore[union-attr]


def test_a_failed_attempt_counts_a_failure_and_a_finished_attempt_cannot_finish_again(absorb) -> None:
    started = start_lesson_attempt.sync(ADA, SAFETY, LESSONS[1], client=absorb)
    body = FinishAttemptRequest(status=AttemptStatus.FAILED, score=20)
    assert finish_attempt.sync_detailed(started.attempt_id, client=absorb, body=body).status_code == 200  # type: ignore[union-attr,arg-type]
    lesson = get_user_lesson_enrollment.sync(ADA, SAFETY, LESSONS[1], client=absorb)
    assert (lesson.status, lesson.failures) == (EnrollmentStatus.FAILED, 1)  # type: ignore[union-attr]
    assert finish_attempt.sync_detailed(started.attempt_id, client=absorb, body=body).status_code == 400  # type: ignore[union-attr,arg-type]
    course = get_user_course_enrollment.sync(ADA, SAFETY, client=absorb)
    assert course.status is EnrollmentStatus.IN_PROGRESS  # type: ignore[union-attr]


def test_my_enrollments_answer_for_the_token_user(fake, absorb) -> None:
    mine = list_my_course_enrollments.sync(client=absorb)
    assert {e.user_id for e in mine.enrollments} == {ADMIN}  # type: ignore[union-attr]
    learner = client_for(fake, login(fake, "learner.two", "example-password-2"))
    assert {e.user_id for e in list_my_course_enrollments.sync(client=learner).enrollments} == {ADA}  # type: ignore[union-attr]
    assert get_my_course_enrollment.sync(SAFETY, client=learner).id == ADA_ENROLLMENT  # type: ignore[union-attr]
    created = create_my_course_enrollment.sync(CLASSROOM, client=learner)
    assert created.user_id == ADA  # type: ignore[union-attr]


def test_ilc_session_enrollment_and_cancel_session(absorb) -> None:
    first = create_ilc_enrollment.sync(ALAN, CLASSROOM, MONDAY, client=absorb)
    assert get_user_session_enrollment.sync(ALAN, CLASSROOM, MONDAY, client=absorb).id == first.session_enrollment_id  # type: ignore[union-attr]
    assert create_ilc_enrollment.sync_detailed(ALAN, CLASSROOM, THURSDAY, client=absorb).status_code == 400
    moved = create_ilc_enrollment.sync(ALAN, CLASSROOM, THURSDAY, client=absorb, cancel_session=True)
    assert moved.enrollment_id == first.enrollment_id  # type: ignore[union-attr]
    assert list_session_enrollments.sync(CLASSROOM, MONDAY, client=absorb).total_items == 0  # type: ignore[union-attr]
    assert list_session_enrollments.sync(CLASSROOM, THURSDAY, client=absorb).total_items == 1  # type: ignore[union-attr]


def test_unenroll_removes_the_enrollments(absorb) -> None:
    assert unenroll_course_enrollments.sync_detailed(client=absorb, body=[ADA_ENROLLMENT]).status_code == 204
    assert get_course_enrollment.sync_detailed(ADA_ENROLLMENT, client=absorb).status_code == 404
    assert list_user_lesson_enrollments.sync_detailed(ADA, SAFETY, client=absorb).status_code == 404
    assert unenroll_course_enrollments.sync_detailed(client=absorb, body=[]).status_code == 400


def test_malformed_ids_get_422_invalid_format(fake, absorb) -> None:
    response = absorb.get_httpx_client().get(
        f"{fake.base_url}/users/not-a-guid/enrollments", headers={"x-api-version": "2"}
    )
    assert response.status_code == 422
    assert response.json()["message"] == "Invalid format provided for userId"


def test_a_disabled_portal_answers_403_to_authenticate(fake) -> None:
    import yaml

    from lmskit.fakes import get_fake

    seed = yaml.safe_load(get_fake("absorb").default_seed.read_text())
    assert fake.control("POST", "seed", {**seed, "portal_disabled": True}).status_code == 200
    anonymous = Client(base_url=fake.base_url, headers={"x-api-key": fake.credentials["API_KEY"]})
    body = AuthenticateRequest(
        username="api.admin", password="fake-admin-password", private_key=UUID(fake.credentials["API_KEY"])
    )
    response = authenticate.sync_detailed(client=anonymous, body=body)
    assert response.status_code == 403
    assert response.parsed.message == "Portal disabled."  # type: ignore[union-attr]


def test_a_new_enrollment_has_its_chapter_and_lesson_enrollments_dated_when_it_was_made(fake, absorb) -> None:
    # They are stored on first use, not at enrollment; a client sees them as if made with the enrollment.
    fake.control("POST", "clock", {"advance_seconds": 3600})
    made = create_course_enrollment.sync(ADA, SAFETY, client=absorb, re_enroll=True)
    fake.control("POST", "clock", {"advance_seconds": 600})
    lessons = list_user_lesson_enrollments.sync(ADA, SAFETY, client=absorb)
    again = list_user_lesson_enrollments.sync(ADA, SAFETY, client=absorb)
    assert isinstance(lessons, list) and isinstance(again, list)
    assert [lesson.lesson_id for lesson in lessons] == LESSONS
    assert [lesson.id for lesson in again] == [lesson.id for lesson in lessons]  # stable once made
    assert len({lesson.id for lesson in lessons}) == 3 and all(lesson.id.version == 4 for lesson in lessons)
    course = get_course_enrollment.sync(made.enrollment_id, client=absorb)  # type: ignore[union-attr,arg-type]
    assert {lesson.date_enrolled for lesson in lessons} == {course.date_added}  # type: ignore[union-attr]
    chapters = list_user_chapter_enrollments.sync(ADA, SAFETY, client=absorb)
    assert [c.lesson_enrollment_ids for c in chapters] == [[lessons[0].id, lessons[1].id], [lessons[2].id]]  # type: ignore[union-attr]
