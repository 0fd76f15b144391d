"""The DigitalChalk fake behaves as documented, driven over loopback HTTP by the generated client."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from digitalchalk_client import AuthenticatedClient
from digitalchalk_client.api.registrations import (
    create_registration,
    get_registration,
    list_registrations,
    update_registration,
)
from digitalchalk_client.models import (
    Ejection,
    EjectionStatus,
    Error,
    GradeAssignment,
    Registration,
    RegistrationCreate,
    RegistrationPage,
    RegistrationStatus,
)

from lmskit.errors import InputError
from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app

COURSE_1 = "89cd2eada89133acedfad6d766a2d931"  # passing grade 70, retakes allowed
COURSE_2 = "5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d"  # passing grade 80, no retakes
CLOSED = "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"
LEARNER = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"
IN_PROGRESS = "65ade781cc98d136543678191005431a"
PASSED = "2319ac8de813d1365436781910787721"
PASSED_LEARNER = "4893212a29887dcaedf0084472869c3d"  # who holds PASSED (in Course 1)


@pytest.fixture
def dc(running_fake):
    fake = running_fake("digitalchalk")
    return AuthenticatedClient(base_url=fake.base_url, token=fake.credentials["TOKEN"], raise_on_unexpected_status=True)


def register(client: AuthenticatedClient, offering: str, user: str = LEARNER) -> str:
    response = create_registration.sync_detailed(
        client=client, body=RegistrationCreate(user_id=user, offering_id=offering)
    )
    assert response.status_code == 201, response.content
    assert response.content == b""
    location = response.headers["location"]
    assert location.startswith("/dc/api/v5/registrations/")
    return location.rsplit("/", 1)[1]


def test_create_answers_201_with_location_and_the_new_registration_is_active(dc) -> None:
    new_id = register(dc, COURSE_2)
    registration = get_registration.sync(id=new_id, client=dc)
    assert isinstance(registration, Registration)
    assert registration.status is RegistrationStatus.ACTIVE
    assert registration.offering_id == COURSE_2
    assert registration.title == "Course 2"


@pytest.mark.parametrize(("grade", "status"), [(80, RegistrationStatus.PASSED), (79.9, RegistrationStatus.FAILED)])
def test_grade_sets_passed_or_failed_by_the_offerings_passing_grade(
    dc, grade: float, status: RegistrationStatus
) -> None:
    new_id = register(dc, COURSE_2)  # passing grade 80
    response = update_registration.sync_detailed(id=new_id, client=dc, body=GradeAssignment(grade=grade))
    assert response.status_code == 204
    registration = get_registration.sync(id=new_id, client=dc)
    assert isinstance(registration, Registration)
    assert (registration.status, registration.grade) == (status, grade)
    assert registration.grader_id  # graded by the token's user, not computed


def test_the_same_grade_passes_one_offering_and_fails_another(dc) -> None:
    in_course_1, in_course_2 = register(dc, COURSE_1), register(dc, COURSE_2)
    for registration_id in (in_course_1, in_course_2):
        update_registration.sync_detailed(id=registration_id, client=dc, body=GradeAssignment(grade=75))
    statuses = [get_registration.sync(id=i, client=dc).status for i in (in_course_1, in_course_2)]  # type: ignore[union-attr]
    assert statuses == [RegistrationStatus.PASSED, RegistrationStatus.FAILED]


def test_eject_works_only_while_active(dc) -> None:
    eject = Ejection(status=EjectionStatus.EJECTED)
    assert update_registration.sync_detailed(id=IN_PROGRESS, client=dc, body=eject).status_code == 204
    assert get_registration.sync(id=IN_PROGRESS, client=dc).status is RegistrationStatus.EJECTED  # type: ignore[union-attr]
    again = update_registration.sync_detailed(id=PASSED, client=dc, body=eject)
    assert again.status_code == 400
    assert isinstance(again.parsed, Error)
    assert "eject status not available" in again.parsed.field_errors["status"]  # type: ignore[union-attr,index]


def test_second_registration_is_refused_unless_the_offering_allows_retakes(dc) -> None:
    register(dc, COURSE_2)
    refused = create_registration.sync_detailed(
        client=dc, body=RegistrationCreate(user_id=LEARNER, offering_id=COURSE_2)
    )
    assert refused.status_code == 400
    assert "does not allow retakes" in refused.content.decode()
    register(dc, COURSE_1)
    register(dc, COURSE_1)  # retakes allowed


def test_without_retakes_a_graded_registration_still_counts_and_an_ejected_one_does_not(dc) -> None:
    def second_refused() -> bool:
        answer = create_registration.sync_detailed(
            client=dc, body=RegistrationCreate(user_id=LEARNER, offering_id=COURSE_2)
        )
        return answer.status_code == 400 and "does not allow retakes" in answer.content.decode()

    first = register(dc, COURSE_2)
    update_registration.sync_detailed(id=first, client=dc, body=GradeAssignment(grade=10))  # failed: still live
    assert second_refused()
    second = register(dc, COURSE_2, user=PASSED_LEARNER)  # another learner is not affected
    update_registration.sync_detailed(id=second, client=dc, body=Ejection(status=EjectionStatus.EJECTED))
    register(dc, COURSE_2, user=PASSED_LEARNER)  # ejected: no longer live, so a new one may start
    assert second_refused()


def test_a_seed_with_two_live_registrations_of_an_offering_without_retakes_does_not_load() -> None:
    seed = dict(build_app(get_fake("digitalchalk")).state.seed)
    twice = [
        {"id": f"{index:032x}", "userId": LEARNER, "offeringId": COURSE_2, "status": status}
        for index, status in enumerate(["passed", "active"], start=1)
    ]
    rule = r"registration 0+2 is a second live registration of user \w+ in offering \w+ \(after 0+1\), which does not"
    with pytest.raises(InputError, match=rf"does not load into the digitalchalk fake \({rule}"):
        build_app(get_fake("digitalchalk"), seed={**seed, "registrations": twice})
    running = build_app(get_fake("digitalchalk"))

    async def post_seed() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=running), base_url="http://fake") as client:
            return await client.post("/_lmskit/seed", json={**seed, "registrations": twice})

    refused = asyncio.run(post_seed())
    assert refused.status_code == 400
    assert "which does not allow retakes; eject one of them" in refused.text
    seeded = len(seed["registrations"])
    assert running.state.store.row("SELECT count(*) AS n FROM dc_registrations")["n"] == seeded  # type: ignore[index]
    ejected_first = [{**twice[0], "status": "ejected"}, twice[1]]
    app = build_app(get_fake("digitalchalk"), seed={**seed, "registrations": ejected_first})
    assert app.state.store.row("SELECT count(*) AS n FROM dc_registrations")["n"] == 2  # type: ignore[index]


def test_closed_offering_and_unknown_user_are_refused(dc) -> None:
    closed = create_registration.sync_detailed(client=dc, body=RegistrationCreate(user_id=LEARNER, offering_id=CLOSED))
    assert closed.status_code == 400 and "not open" in closed.content.decode()
    unknown = create_registration.sync_detailed(
        client=dc, body=RegistrationCreate(user_id="nobody", offering_id=COURSE_1)
    )
    assert unknown.status_code == 400 and "userId" in unknown.content.decode()
    no_offering = create_registration.sync_detailed(
        client=dc, body=RegistrationCreate(user_id=LEARNER, offering_id="f" * 32)
    )
    assert no_offering.status_code == 400
    assert isinstance(no_offering.parsed, Error)
    assert no_offering.parsed.field_errors["offeringId"] == "No offering has this id."  # type: ignore[index]


def test_list_filters_and_pages_with_next_and_prev(dc) -> None:
    for _ in range(4):
        register(dc, COURSE_1)
    seen: list[str] = []
    page = list_registrations.sync(client=dc, offering_id=COURSE_1, limit=2)
    pages = 0
    while True:
        assert isinstance(page, RegistrationPage)
        pages += 1
        seen += [r.id for r in page.results]
        if not page.next_:
            break
        offset = int(page.next_.rsplit("offset=", 1)[1])
        assert "offeringId=" + COURSE_1 in page.next_
        page = list_registrations.sync(client=dc, offering_id=COURSE_1, limit=2, offset=offset)
        assert page.previous and not page.prev  # the name DigitalChalk's own code reads  # type: ignore[union-attr]
    seed = build_app(get_fake("digitalchalk")).state.seed["registrations"]
    in_course = len([r for r in seed if r["offeringId"] == COURSE_1])
    assert len(seen) == len(set(seen)) == in_course + 4  # the seeded registrations plus four new ones
    assert pages == (in_course + 4 + 1) // 2
    passed = list_registrations.sync(client=dc, status=RegistrationStatus.PASSED)
    assert PASSED in [r.id for r in passed.results]  # type: ignore[union-attr]
    assert [r.id for r in passed.results] == [r["id"] for r in seed if r.get("status") == "passed"]  # type: ignore[union-attr]


def test_limit_default_is_15_and_maximum_100(dc) -> None:
    for _ in range(14):
        register(dc, COURSE_1)
    page = list_registrations.sync(client=dc)
    assert len(page.results) == 15 and page.next_  # type: ignore[union-attr]
    too_many = list_registrations.sync_detailed(client=dc, limit=101)
    assert too_many.status_code == 400


def test_bearer_token_is_required(running_fake) -> None:
    fake = running_fake("digitalchalk")
    anonymous = AuthenticatedClient(base_url=fake.base_url, token="not-the-token")
    assert list_registrations.sync_detailed(client=anonymous).status_code == 401


def test_advance_completes_the_course_by_passing_grade_without_a_grader(running_fake, dc) -> None:
    fake = running_fake("digitalchalk")
    client = AuthenticatedClient(base_url=fake.base_url, token=fake.credentials["TOKEN"])
    new_id = register(client, COURSE_2)
    done = fake.control("POST", "advance", {"registrationId": new_id, "grade": 91})
    assert done.status_code == 200
    registration = get_registration.sync(id=new_id, client=client)
    assert registration.status is RegistrationStatus.PASSED  # type: ignore[union-attr]
    assert not registration.grader_id  # type: ignore[union-attr]


def _create_in_process(app, monkeypatch, misses: int) -> httpx.Response:
    """POST a registration while the store claims the first ``misses`` INSERTs changed nothing (as when the
    control API changes the offering between the INSERT and the question why it was refused)."""
    store = app.state.store
    real = store.execute
    calls = {"n": 0}

    def flaky(sql: str, parameters=()) -> int:
        calls["n"] += 1
        return 0 if calls["n"] <= misses else real(sql, parameters)

    monkeypatch.setattr(store, "execute", flaky)

    async def post() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://fake") as client:
            return await client.post(
                "/dc/api/v5/registrations",
                json={"userId": LEARNER, "offeringId": COURSE_1},
                headers={"Authorization": "Bearer dc-demo-token"},
            )

    return asyncio.run(post())


def test_a_create_refused_for_no_reason_it_can_name_is_tried_again(monkeypatch) -> None:
    app = build_app(get_fake("digitalchalk"), strict=True)
    made = _create_in_process(app, monkeypatch, misses=2)
    assert made.status_code == 201
    assert made.headers["location"].startswith("/dc/api/v5/registrations/")
    gone = _create_in_process(build_app(get_fake("digitalchalk"), strict=True), monkeypatch, misses=99)
    assert gone.status_code == 400
    assert "kept changing" in gone.text
