"""The requests production clients really send, and what each fake answers them — as lenient as the vendor on
requests, as exact as the spec on responses. Each request is written from its source's description (cited
beside it); none of the sources' code is copied. Every answer is also validated against the spec, strictly.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import httpx

import lmskit
from lmskit.fakes import get_fake
from lmskit.fakes.app import FakeApp, build_app

ABSORB_USER = "6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e"


def send(app: FakeApp, *requests: dict[str, Any]) -> list[httpx.Response]:
    """The requests in order, in process (httpx's ASGI transport), as one client would send them."""

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1") as client:
            answers = []
            for request in requests:
                request = dict(request)
                headers = request.pop("headers", {})
                if callable(headers):
                    headers = headers(answers)
                answers.append(
                    await client.request(request.pop("method"), request.pop("url"), headers=headers, **request)
                )
            return answers

    return asyncio.run(run())


def strictly_valid(vendor: str, operation: str, answer: httpx.Response) -> None:
    result = lmskit.validate(vendor, operation, answer.status_code, answer.json() if answer.content else None)
    assert result.valid, [issue.message for issue in result.errors]


# --- Absorb -----------------------------------------------------------------------------------------------------


def absorb() -> tuple[FakeApp, dict[str, str]]:
    fake = get_fake("absorb")
    app = build_app(fake)
    return app, fake.credentials(app.state.seed)


def login(seed: dict[str, str]) -> dict[str, Any]:
    """The documented login (Absorb's docs and QA suite): camelCase JSON, x-api-key and x-api-version 2."""
    return {
        "method": "POST",
        "url": "/authenticate",
        "headers": {"x-api-key": seed["API_KEY"], "x-api-version": "2"},
        "json": {"username": seed["USERNAME"], "password": seed["PASSWORD"], "privateKey": seed["API_KEY"]},
    }


def bearer(seed: dict[str, str], login_index: int) -> Any:
    """The documented headers of a call, with the token the login at ``login_index`` answered."""
    return lambda answers: {
        "x-api-key": seed["API_KEY"],
        "x-api-version": "2",
        "Authorization": f"Bearer {answers[login_index].json()}",
    }


def test_absorb_the_all_of_us_client_unversioned_with_a_raw_token() -> None:
    # all-of-us/workbench AbsorbServiceImpl.java @0b5a8be9: POST /authenticate with x-api-key and a camelCase
    # JSON body, no x-api-version; then the token string alone as Authorization, still no x-api-version, and the
    # user's enrollments read by `name` (its acceptance test runs against a live tenant).
    app, seed = absorb()
    login, listed = send(
        app,
        {
            "method": "POST",
            "url": "/authenticate",
            "headers": {"x-api-key": seed["API_KEY"]},
            "json": {"username": seed["USERNAME"], "password": seed["PASSWORD"], "privateKey": seed["API_KEY"]},
        },
        {
            "method": "GET",
            "url": f"/users/{ABSORB_USER}/enrollments",
            "headers": lambda answers: {"x-api-key": seed["API_KEY"], "Authorization": answers[0].json()},
        },
    )
    assert login.status_code == 200 and isinstance(login.json(), str)
    assert listed.status_code == 200, listed.text
    enrollments = listed.json()["enrollments"]
    assert enrollments and all("name" in item and "courseName" not in item for item in enrollments)
    strictly_valid("absorb", "listUserCourseEnrollments", listed)


def test_absorb_versioned_calls_keep_the_v2_contract() -> None:
    # Absorb's docs and QA suite (research vendors.md A-QA): `Bearer`, x-api-version 2, `courseName`.
    app, seed = absorb()
    _, listed = send(
        app,
        login(seed),
        {
            "method": "GET",
            "url": f"/users/{ABSORB_USER}/enrollments",
            "headers": bearer(seed, 0),
        },
    )
    assert all("courseName" in item and "name" not in item for item in listed.json()["enrollments"])
    strictly_valid("absorb", "listUserCourseEnrollments", listed)


def test_absorb_pascal_case_login_at_a_capitalised_route() -> None:
    # research vendors.md A-QA (v1 files: PascalCase routes and bodies); ASP.NET routing and model binding ignore
    # case, so `/Authenticate` with Username/Password/PrivateKey logs in.
    app, seed = absorb()
    (login,) = send(
        app,
        {
            "method": "POST",
            "url": "/Authenticate",
            "headers": {"x-api-key": seed["API_KEY"], "x-api-version": "2"},
            "json": {"Username": seed["USERNAME"], "Password": seed["PASSWORD"], "PrivateKey": seed["API_KEY"]},
        },
    )
    assert login.status_code == 200 and isinstance(login.json(), str)


def test_absorb_a_page_size_over_1000_is_422() -> None:
    # chiddy23/Dasboard's commit history quotes production logs: `_limit` above 1000 gets 422 (ErrorGeneric).
    app, seed = absorb()
    _, answer = send(
        app,
        login(seed),
        {
            "method": "GET",
            "url": "/myenrollments",
            "params": {"_limit": 5000},
            "headers": bearer(seed, 0),
        },
    )
    assert answer.status_code == 422 and answer.json()["code"] == 422
    strictly_valid("absorb", "listMyCourseEnrollments", answer)


def test_absorb_known_bug_states_can_be_seeded_and_are_valid() -> None:
    # all-of-us/workbench AbsorbServiceImpl.java calls these "a known Absorb bug": completed with no score, and a
    # passing score with status Failed. The spec accepts both; the seed can put the fake into them.
    app, seed = absorb()
    state = copy.deepcopy(app.state.seed)
    first, second = state["enrollments"][:2]
    first.update({"status": 3, "score": None, "progress": 100, "date_completed": "2024-03-01T10:00:00Z"})
    second.update({"status": 5, "score": 100})
    reseeded, _, listed = send(
        app,
        {"method": "POST", "url": "/_lmskit/seed", "json": state},
        login(seed),
        {
            "method": "GET",
            "url": f"/courses/{first['course']}/enrollments",
            "headers": bearer(seed, 1),
        },
    )
    assert reseeded.status_code == 200, reseeded.text
    by_id = {item["id"]: item for item in listed.json()["enrollments"]}
    assert (by_id[first["id"]]["status"], by_id[first["id"]]["score"]) == (3, None)
    assert (by_id[second["id"]]["status"], by_id[second["id"]]["score"]) == (5, 100)
    strictly_valid("absorb", "listCourseEnrollments", listed)


# --- DigitalChalk -----------------------------------------------------------------------------------------------


def test_digitalchalk_pages_both_ways_by_the_names_its_own_code_reads() -> None:
    # DigitalChalk's PHP API harness (2016) and WooCommerce plugin (2026), research vendors.md D-PHP, D-WOO: a
    # Bearer token, `limit`/`offset`, and the links `next` and `previous` (not the docs' `prev`).
    fake = get_fake("digitalchalk")
    app = build_app(fake)
    headers = {"Authorization": f"Bearer {fake.credentials(app.state.seed)['TOKEN']}"}
    (middle,) = send(app, {"method": "GET", "url": "/dc/api/v5/registrations?limit=2&offset=2", "headers": headers})
    body = middle.json()
    assert middle.status_code == 200 and "prev" not in body and body["previous"] and body["next"]
    strictly_valid("digitalchalk", "listRegistrations", middle)
    back, forward = send(
        app,
        {"method": "GET", "url": body["previous"], "headers": headers},
        {"method": "GET", "url": body["next"], "headers": headers},
    )
    assert back.status_code == forward.status_code == 200
    seen = [r["id"] for r in back.json()["results"] + body["results"] + forward.json()["results"]]
    assert len(seen) == len(set(seen)) == 6  # three pages of two, nothing twice


# --- Bridge -----------------------------------------------------------------------------------------------------


def test_bridge_the_gem_enrolls_and_updates_form_encoded() -> None:
    # jayshaffer/bridge_api @dafe116 (Instructure-written): Faraday `request :url_encoded`, so writes are
    # forms with Rails' nested keys; Basic key:secret or Bearer; Accept: application/json.
    fake = get_fake("bridge")
    app = build_app(fake)
    headers = {
        "Authorization": f"Bearer {fake.credentials(app.state.seed)['TOKEN']}",
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    created, listed = send(
        app,
        {
            "method": "POST",
            "url": "/api/author/programs/1/learners",
            "content": "enrollments[][user_id]=47&enrollments[][end_at]=2027-12-31T07:00:00Z",
            "headers": headers,
        },
        {"method": "GET", "url": "/api/author/programs/1/learners?user_id=47", "headers": headers},
    )
    assert created.status_code == 204, created.text
    (enrollment,) = listed.json()["enrollments"]
    assert str(enrollment["id"]) == "47"
    strictly_valid("bridge", "listProgramEnrollments", listed)
    updated, again = send(
        app,
        {
            "method": "PUT",
            "url": f"/api/author/programs/1/learners/{enrollment['enrollment_id']}",
            "content": "enrollments[][end_at]=2028-06-30T07:00:00Z",
            "headers": headers,
        },
        {"method": "GET", "url": "/api/author/programs/1/learners?user_id=47", "headers": headers},
    )
    assert updated.status_code in (200, 204), updated.text
    assert again.json()["enrollments"][0]["end_at"].startswith("2028-06-30")
    wrong, _ = send(
        app,
        {
            "method": "POST",
            "url": "/api/author/programs/1/learners",
            "content": "enrollments[][user_id]=not-a-number",
            "headers": headers,
        },
        {"method": "GET", "url": "/api/author/programs/1/learners", "headers": headers},
    )
    assert wrong.status_code in (400, 422)  # a form is validated like its JSON twin
