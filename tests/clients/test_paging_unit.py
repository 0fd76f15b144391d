"""The pager over ``httpx.MockTransport``: the page shapes a fake does not send (Bridge's 2017 ``learners`` key,
relative links), and every way a walk must stop instead of looping or reading another host."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bridge_client.api.program_enrollments import list_program_enrollments
from digitalchalk_client.api.registrations import get_registration, list_registrations

from lmskit.clients import ClientSetupError, PageError, client_from_env, paginate

DC = {"LMSKIT_DIGITALCHALK_BASE_URL": "https://api.digitalchalk.com/dc/api/v5", "LMSKIT_DIGITALCHALK_TOKEN": "t"}
BRIDGE = {"LMSKIT_BRIDGE_BASE_URL": "https://acme.bridgeapp.com", "LMSKIT_BRIDGE_TOKEN": "t"}


def registration(index: int) -> dict[str, Any]:
    return {
        "id": f"r{index}",
        "userId": "u",
        "offeringId": "o",
        "status": "active",
        "createdDate": "2024-01-01T00:00:00Z",
    }


def client_for(vendor: str, pages: dict[str, httpx.Response], seen: list[str]) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        key = f"{request.url.path}?{request.url.query.decode()}"
        seen.append(key)
        return pages[key]

    env = {"digitalchalk": DC, "bridge": BRIDGE}[vendor]
    return client_from_env(vendor, environ=env, transport=httpx.MockTransport(answer), pace=False)


def test_a_relative_next_link_is_followed_with_the_page_size_at_its_maximum() -> None:
    seen: list[str] = []
    pages = {
        "/dc/api/v5/registrations?limit=100&offset=0": httpx.Response(
            200, json={"results": [registration(1)], "next": "registrations?limit=100&offset=100"}
        ),
        "/dc/api/v5/registrations?limit=100&offset=100": httpx.Response(200, json={"results": [registration(2)]}),
    }
    client = client_for("digitalchalk", pages, seen)
    assert [r.id for r in paginate(list_registrations, client=client)] == ["r1", "r2"]
    assert seen == list(pages)


def test_bridge_2017_pages_under_learners_are_read() -> None:
    seen: list[str] = []
    learner = {"id": "42", "state": "active", "name": "fakeperson", "email": None}
    pages = {
        "/api/author/programs/1/learners?limit=1000": httpx.Response(
            200,
            json={
                "meta": {"next": "https://acme.bridgeapp.com/api/author/programs/1/learners?after=abc"},
                "learners": [learner],
            },
        ),
        "/api/author/programs/1/learners?after=abc": httpx.Response(
            200, json={"meta": {}, "learners": [{**learner, "id": "43"}]}
        ),
    }
    client = client_for("bridge", pages, seen)
    assert [str(item.id) for item in paginate(list_program_enrollments, client=client, program_id=1)] == ["42", "43"]


def test_a_link_to_the_same_page_stops_the_walk() -> None:
    seen: list[str] = []
    pages = {
        "/dc/api/v5/registrations?limit=100&offset=0": httpx.Response(
            200, json={"results": [registration(1)], "next": "/dc/api/v5/registrations?limit=100&offset=0"}
        )
    }
    client = client_for("digitalchalk", pages, seen)
    with pytest.raises(PageError, match="page 1 links to itself"):
        list(paginate(list_registrations, client=client))


def test_an_error_status_mid_walk_names_the_page_and_what_was_read() -> None:
    seen: list[str] = []
    pages = {
        "/dc/api/v5/registrations?limit=2&offset=0": httpx.Response(
            200, json={"results": [registration(1), registration(2)], "next": "registrations?limit=2&offset=2"}
        ),
        "/dc/api/v5/registrations?limit=2&offset=2": httpx.Response(400, json={"errors": ["bad offset"]}),
    }
    client = client_for("digitalchalk", pages, seen)
    found: list[str] = []
    with pytest.raises(PageError) as caught:
        found.extend(r.id for r in paginate(list_registrations, client=client, page_size=2))
    assert found == ["r1", "r2"]
    assert str(caught.value) == "GET /registrations: page 2 answered 400 after 2 item(s); nothing more was read"


def test_max_items_zero_sends_nothing_and_bad_arguments_are_refused() -> None:
    seen: list[str] = []
    client = client_for("digitalchalk", {}, seen)
    assert list(paginate(list_registrations, client=client, max_items=0)) == []
    with pytest.raises(ClientSetupError, match="does not page"):
        next(paginate(get_registration, client=client, id="x"))
    with pytest.raises(ClientSetupError, match="page_size is 1 or more"):
        next(paginate(list_registrations, client=client, page_size=0))
    assert seen == []
