"""The control API and the vendor routes against hostile and careless requests: every one gets a 4xx that names
the problem, none gets a 5xx, none leaves the fake unusable, and a web page cannot drive the control API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmskit.fakes import get_fake
from lmskit.fakes.app import FakeApp, build_app

HEADERS = {
    "digitalchalk": {"Authorization": "Bearer dc-demo-token"},
    "bridge": {"Authorization": "Bearer bridge-demo-token"},
}
# A call each vendor answers 200 with its built-in seed: the fake still works.
PROBES = {
    "digitalchalk": "/dc/api/v5/registrations/65ade781cc98d136543678191005431a",
    "bridge": "/api/author/programs/1/learners",
}


class AsgiClient:
    """A blocking client over ``httpx.ASGITransport`` (exceptions inside the app reach the test)."""

    def __init__(self, app: FakeApp) -> None:
        self._loop = asyncio.new_event_loop()
        self._client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._loop.run_until_complete(self._client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)

    def __enter__(self) -> AsgiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.run_until_complete(self._client.aclose())
        self._loop.close()


def client(vendor: str, **options: Any) -> AsgiClient:
    return AsgiClient(build_app(get_fake(vendor), strict=True, options=options))


ABSORB_KEY = {"x-api-key": "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c", "x-api-version": "2"}


def works(fake: AsgiClient, vendor: str) -> bool:
    if vendor == "absorb":
        login = {"username": "api.admin", "password": "fake-admin-password", "privateKey": ABSORB_KEY["x-api-key"]}
        token = fake.post("/authenticate", json=login, headers=ABSORB_KEY)
        if token.status_code != 200:
            return False
        mine = fake.get("/myenrollments", headers={**ABSORB_KEY, "Authorization": f"Bearer {token.json()}"})
        return mine.status_code == 200
    return fake.get(PROBES[vendor], headers=HEADERS[vendor]).status_code == 200


def post_raw(fake: AsgiClient, path: str, text: str) -> Any:
    return fake.post(f"/_lmskit/{path}", content=text.encode(), headers={"Content-Type": "application/json"})


ABUSES = {
    "clock by 3e11 seconds": ("clock", '{"advance_seconds": 300000000000}', "at most"),
    "clock by 1e18": ("clock", '{"advance_seconds": 1e18}', "at most"),
    "clock by NaN": ("clock", '{"advance_seconds": NaN}', "NaN is not JSON"),
    "clock by Infinity": ("clock", '{"advance_seconds": Infinity}', "is not JSON"),
    "clock by true": ("clock", '{"advance_seconds": true}', "advance_seconds"),
    "clock by text": ("clock", '{"advance_seconds": "60"}', "advance_seconds"),
    "clock with an extra key": ("clock", '{"advance_seconds": 1, "x": 2}', "advance_seconds"),
    "clock as a list": ("clock", "[300]", "advance_seconds"),
    "seed with credentials 5": ("seed", '{"credentials": 5}', "/credentials"),
    "seed with duplicate user ids": (
        "seed",
        json.dumps({"users": [{"id": "a"}, {"id": "a"}]}),
        "UNIQUE constraint failed",
    ),
    "seed with users a string": ("seed", '{"users": "everyone"}', "/users"),
    "seed user without an id": ("seed", '{"users": [{"name": "x"}]}', "/users/0"),
    "seed with an unknown key": ("seed", '{"registration": []}', "registration"),
    "seed nested 5000 deep": ("seed", "[" * 5000 + "]" * 5000, "nested deeper"),
    "seed that is not JSON": ("seed", "users: []", "not JSON"),
    "seed with a duplicate key": ("seed", '{"users": [], "users": []}', "appears twice"),
    "seed empty": ("seed", "", "empty"),
    "advance a 20-digit id": ("advance", '{"registrationId": 12345678901234567890}', "/registrationId"),
    "advance without an id": ("advance", "{}", "registrationId"),
    "advance with a grade of 1e308": (
        "advance",
        '{"registrationId": "65ade781cc98d136543678191005431a", "grade": 1e308}',
        "/grade",
    ),
}


@pytest.mark.parametrize("abuse", list(ABUSES), ids=list(ABUSES))
def test_a_control_abuse_is_a_400_naming_it_and_reset_restores_a_working_fake(abuse: str) -> None:
    path, body, message = ABUSES[abuse]
    with client("digitalchalk") as fake:
        answer = post_raw(fake, path, body)
        assert answer.status_code == 400, answer.text
        assert message in answer.json()["error"], answer.json()
        assert works(fake, "digitalchalk")
        assert fake.post("/_lmskit/reset").status_code == 200
        assert works(fake, "digitalchalk")
        assert fake.get("/_lmskit/info").json()["internal_errors"] == 0


def test_a_seed_that_fails_halfway_changes_nothing() -> None:
    with client("digitalchalk") as fake:
        before = fake.get("/dc/api/v5/registrations", headers=HEADERS["digitalchalk"]).json()
        # Valid for the schema; the registration names a user the seed lacks, so the load fails at its end.
        seed = {
            "credentials": {"tokens": [{"token": "new-token", "user": "u1"}]},
            "users": [{"id": "u1"}],
            "offerings": [{"id": "o1", "title": "t"}],
            "registrations": [{"id": "r1", "userId": "nobody", "offeringId": "o1"}],
        }
        answer = fake.post("/_lmskit/seed", json=seed)
        assert answer.status_code == 400 and "nothing changed" in answer.json()["error"]
        after = fake.get("/dc/api/v5/registrations", headers=HEADERS["digitalchalk"]).json()
        assert after == before
        assert fake.get(PROBES["digitalchalk"], headers={"Authorization": "Bearer new-token"}).status_code == 401
        assert fake.post("/_lmskit/reset").status_code == 200
        assert fake.get("/_lmskit/info").json()["credentials"] == {"TOKEN": "dc-demo-token"}


def test_a_seed_that_loads_replaces_the_state_and_reset_returns_to_it() -> None:
    seed = {
        "credentials": {"tokens": [{"token": "new-token", "user": "u1"}]},
        "users": [{"id": "u1"}],
        "offerings": [{"id": "o1", "title": "t"}],
        "registrations": [{"id": "r1", "userId": "u1", "offeringId": "o1", "createdDate": "2020-01-01"}],
    }
    with client("digitalchalk") as fake:
        assert fake.post("/_lmskit/seed", json=seed).status_code == 200
        new = {"Authorization": "Bearer new-token"}
        assert [r["id"] for r in fake.get("/dc/api/v5/registrations", headers=new).json()["results"]] == ["r1"]
        assert fake.get("/dc/api/v5/registrations", headers=HEADERS["digitalchalk"]).status_code == 401
        assert fake.post("/_lmskit/reset").status_code == 200
        assert fake.get("/dc/api/v5/registrations/r1", headers=new).status_code == 200


def test_reset_puts_the_clock_back() -> None:
    with client("digitalchalk") as fake:
        moved = fake.post("/_lmskit/clock", json={"advance_seconds": 10 * 365 * 86400}).json()["now"]
        assert int(moved[:4]) >= 2035
        fake.post("/_lmskit/reset")
        now = fake.post("/_lmskit/clock", json={"advance_seconds": 0}).json()["now"]
        assert int(now[:4]) < int(moved[:4])


def test_the_clock_cannot_leave_the_years_a_datetime_holds() -> None:
    with client("digitalchalk") as fake:
        century = 100 * 365 * 86400
        answers = [fake.post("/_lmskit/clock", json={"advance_seconds": century}).status_code for _ in range(80)]
        assert 400 in answers and set(answers) <= {200, 400}
        assert works(fake, "digitalchalk")
        back = fake.post("/_lmskit/clock", json={"advance_seconds": -century})
        assert back.status_code == 200
        assert fake.post("/_lmskit/reset").status_code == 200


def test_bridge_advance_with_an_id_past_64_bits_is_a_400() -> None:
    with client("bridge") as fake:
        answer = fake.post("/_lmskit/advance", json={"enrollmentId": 10**20})
        assert answer.status_code == 400 and "/enrollmentId" in answer.json()["error"]
        huge_seed = {"programs": [{"id": 10**30, "title": "x"}]}
        assert fake.post("/_lmskit/seed", json=huge_seed).status_code == 400
        assert works(fake, "bridge")


def test_requests_paging_past_64_bits_is_a_400() -> None:
    with client("digitalchalk") as fake:
        assert fake.get(f"/_lmskit/requests?after={10**30}").status_code == 400
        assert fake.get("/_lmskit/requests?limit=x").status_code == 400


# --- a web page the developer visits must not drive the control API -------------------------------------------


def test_a_cross_origin_post_is_refused() -> None:
    with client("digitalchalk") as fake:
        answer = fake.post("/_lmskit/reset", headers={"Origin": "https://evil.example"})
        assert answer.status_code == 403
        assert fake.post("/_lmskit/reset", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
        same = fake.post("/_lmskit/reset", headers={"Origin": "http://testserver"})
        assert same.status_code == 200


def test_a_text_plain_post_is_refused() -> None:
    with client("digitalchalk") as fake:
        answer = fake.post("/_lmskit/reset", content=b"{}", headers={"Content-Type": "text/plain"})
        assert answer.status_code == 415
        form = fake.post("/_lmskit/clock", data={"advance_seconds": "5"})
        assert form.status_code == 415


def test_a_dns_rebound_host_is_refused_and_loopback_names_are_not() -> None:
    with client("digitalchalk") as fake:
        assert fake.get("/_lmskit/info", headers={"Host": "attacker.example:8000"}).status_code == 403
        assert fake.get("/_lmskit/info", headers={"Host": "192.168.1.10:8000"}).status_code == 403
        for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "app.localhost", "lmskit-fake"):
            assert fake.get("/_lmskit/info", headers={"Host": host}).status_code == 200, host


def test_an_exposed_fake_needs_the_control_token() -> None:
    with client("digitalchalk", control_token="s3cret-control") as fake:
        assert fake.get("/_lmskit/info").status_code == 401
        assert fake.get("/_lmskit/info", headers={"Authorization": "Bearer wrong"}).status_code == 401
        good = {"Authorization": "Bearer s3cret-control", "Host": "fake.internal.example"}
        assert fake.get("/_lmskit/info", headers=good).status_code == 200
        assert works(fake, "digitalchalk")  # vendor routes are the vendor's own business


def test_a_fake_server_beyond_loopback_needs_a_control_token() -> None:
    from lmskit.fakes.server import FakeServer

    with pytest.raises(ValueError, match="control_token"):
        FakeServer(build_app(get_fake("digitalchalk")), host="0.0.0.0")


# --- vendor routes: hostile bodies get the vendor's documented error ----------------------------------------


@pytest.mark.parametrize(
    ("vendor", "method", "path", "body", "status"),
    [
        ("digitalchalk", "POST", "/dc/api/v5/registrations", "[" * 5000 + "]" * 5000, 400),
        ("digitalchalk", "POST", "/dc/api/v5/registrations", '{"userId": 123456789012345678901234}', 400),
        ("bridge", "GET", "/api/author/programs/123456789012345678901234/learners", "", 400),
        ("bridge", "PATCH", "/api/author/programs/1/learners/99999999999999999999", "{}", 400),
        ("bridge", "GET", "/api/author/programs/1/learners?limit=99999999999999999999999", "", 400),
    ],
)
def test_hostile_vendor_requests_get_the_vendor_error_not_a_bug(
    vendor: str, method: str, path: str, body: str, status: int
) -> None:
    with client(vendor) as fake:
        headers = {**HEADERS[vendor], "Content-Type": "application/json"}
        answer = fake.request(method, path, content=body.encode() if body else None, headers=headers)
        assert answer.status_code == status, answer.text
        assert "lmskit_internal_error" not in answer.text
        assert fake.get("/_lmskit/info").json()["internal_errors"] == 0
        assert works(fake, vendor)


def test_a_body_past_the_limit_is_a_413_before_it_is_held() -> None:
    with client("digitalchalk") as fake:
        big = b'{"userId": "' + b"x" * (17 * 1024 * 1024) + b'"}'
        headers = {**HEADERS["digitalchalk"], "Content-Type": "application/json"}
        answer = fake.post("/dc/api/v5/registrations", content=big, headers=headers)
        assert answer.status_code == 413
        assert answer.json() == {"errors": ["The request body is larger than 16 MiB."]}


# --- a bug in the fake is seen, not hidden behind a plausible 400 ---------------------------------------------


def _broken(vendor: str, strict: bool) -> FakeApp:
    fake = get_fake(vendor)

    def explode(call: Any) -> Any:
        raise ZeroDivisionError("a bug")

    handlers = {**fake.handlers, "getRegistration": explode}
    broken = type(fake)(**{**{f: getattr(fake, f) for f in fake.__dataclass_fields__}, "handlers": handlers})
    return build_app(broken, strict=strict)


def test_a_strict_fake_answers_a_bug_with_500_naming_it() -> None:
    with AsgiClient(_broken("digitalchalk", strict=True)) as fake:
        answer = fake.get(PROBES["digitalchalk"], headers=HEADERS["digitalchalk"])
        assert answer.status_code == 500
        assert "ZeroDivisionError" in answer.json()["lmskit_internal_error"]
        assert fake.get("/_lmskit/info").json()["internal_errors"] == 1


def test_a_served_fake_answers_a_bug_with_the_vendor_400_and_counts_it() -> None:
    with AsgiClient(_broken("digitalchalk", strict=False)) as fake:
        answer = fake.get(PROBES["digitalchalk"], headers=HEADERS["digitalchalk"])
        assert answer.status_code == 400
        assert answer.json() == {"errors": ["The request could not be processed."]}
        assert fake.get("/_lmskit/info").json()["internal_errors"] == 1


# --- Bridge cursors are signed ------------------------------------------------------------------------------


def _pages(fake: AsgiClient) -> Iterator[dict[str, Any]]:
    url: str | None = "/api/author/programs/1/learners?limit=1"
    while url:
        body = fake.get(url, headers=HEADERS["bridge"]).json()
        yield body
        url = body["meta"].get("next")


def test_bridge_cursors_page_and_cannot_be_forged_or_moved() -> None:
    import base64

    with client("bridge") as fake, client("bridge") as other:
        pages = list(_pages(fake))
        assert len(pages) >= 2
        next_url = pages[0]["meta"]["next"]
        cursor = next_url.split("after=", 1)[1].split("&", 1)[0]
        # A cursor made up the way an unsigned one would be: base64 of the position and filters.
        forged = base64.urlsafe_b64encode(b'{"p":0,"f":"x"}').decode().rstrip("=")
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        tampered = base64.urlsafe_b64encode(raw[:16] + raw[16:].replace(b'"p":1', b'"p":9')).decode().rstrip("=")
        for bad in (forged, tampered, "!!!", "A" * 5000):
            answer = fake.get(f"/api/author/programs/1/learners?limit=1&after={bad}", headers=HEADERS["bridge"])
            assert answer.status_code == 400, bad
            assert answer.json()["errors"][0]["code"] == "invalid_cursor"
        # Another fake's cursor is not this one's.
        elsewhere = other.get(f"/api/author/programs/1/learners?limit=1&after={cursor}", headers=HEADERS["bridge"])
        assert elsewhere.status_code == 400


# --- property: no JSON value makes the control API answer 5xx or break the fake ---------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=25,
)
KEYS = st.sampled_from(
    [
        "faults",
        "fault",
        "at",
        "every",
        "probability",
        "with",
        "operations",
        "times",
        "advance_seconds",
        "users",
        "credentials",
        "tokens",
        "registrations",
        "offerings",
        "registrationId",
        "grade",
        "id",
        "userId",
        "offeringId",
        "programs",
        "enrollmentId",
        "steps",
        "lessonId",
        "status",
        "api_key",
        "courses",
        "enrollments",
        "user",
        "course",
    ]
)
BODIES = JSON | st.dictionaries(KEYS, JSON | st.lists(st.dictionaries(KEYS, JSON, max_size=4), max_size=3))


BUILT_IN_SEEDS = {vendor: build_app(get_fake(vendor)).state.seed for vendor in ("digitalchalk", "bridge", "absorb")}


@pytest.fixture(scope="module")
def shared_fakes() -> Iterator[dict[str, AsgiClient]]:
    with client("digitalchalk") as digitalchalk, client("bridge") as bridge, client("absorb") as absorb:
        yield {"digitalchalk": digitalchalk, "bridge": bridge, "absorb": absorb}


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    vendor=st.sampled_from(["digitalchalk", "bridge", "absorb"]),
    path=st.sampled_from(["seed", "advance", "clock", "weather"]),
    body=BODIES,
)
def test_any_json_body_at_the_control_api_is_never_a_5xx_and_reset_recovers(
    shared_fakes: dict[str, AsgiClient], vendor: str, path: str, body: Any
) -> None:
    fake = shared_fakes[vendor]
    answer = fake.post(f"/_lmskit/{path}", json=body)
    assert answer.status_code < 500, answer.text
    assert fake.get("/_lmskit/info").json()["internal_errors"] == 0
    assert fake.post("/_lmskit/reset").status_code == 200
    assert fake.delete("/_lmskit/weather").status_code == 200  # a body that was a schedule: fair weather again
    if path == "seed" and answer.status_code == 200:
        # A body that is a valid seed became the fake's seed: put the built-in one back.
        assert fake.post("/_lmskit/seed", json=BUILT_IN_SEEDS[vendor]).status_code == 200
    assert works(fake, vendor)
