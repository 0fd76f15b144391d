"""State that a contract suite cannot see: restarts with --db, concurrent writers, the control API."""

from __future__ import annotations

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import httpx

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer, bind

COURSE_1 = "89cd2eada89133acedfad6d766a2d931"
LEARNER = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"
DC = {"Authorization": "Bearer dc-demo-token"}


# The seed's registrations: every count below is relative to them.
SEEDED = len(build_app(get_fake("digitalchalk")).state.seed["registrations"])


def registrations(base_url: str) -> list[dict]:
    return httpx.get(f"{base_url}/registrations", params={"limit": 100}, headers=DC).json()["results"]


def test_db_file_keeps_state_across_a_restart(tmp_path) -> None:
    db = tmp_path / "dc.sqlite"
    with FakeServer(build_app(get_fake("digitalchalk"), db=db), base_path="/dc/api/v5") as first:
        created = httpx.post(
            f"{first.base_url}/registrations", json={"userId": LEARNER, "offeringId": COURSE_1}, headers=DC
        )
        new_id = created.headers["location"].rsplit("/", 1)[1]
    with FakeServer(build_app(get_fake("digitalchalk"), db=db), base_path="/dc/api/v5") as second:
        ids = [r["id"] for r in registrations(second.base_url)]
    assert new_id in ids
    assert len(ids) == SEEDED + 1  # the seeded ones once, plus the new one: a restart does not seed again


def test_changes_after_a_reset_survive_a_restart(tmp_path) -> None:
    db = tmp_path / "dc.sqlite"
    with FakeServer(build_app(get_fake("digitalchalk"), db=db)) as first:
        assert httpx.post(f"{first.root_url}/_lmskit/reset").status_code == 200
        created = httpx.post(
            f"{first.base_url}/registrations", json={"userId": LEARNER, "offeringId": COURSE_1}, headers=DC
        )
        assert created.status_code == 201
    with FakeServer(build_app(get_fake("digitalchalk"), db=db)) as second:
        # A reset must not forget that the database was seeded, or the restart would seed over this change.
        assert len(registrations(second.base_url)) == SEEDED + 1


def test_the_request_log_is_a_bounded_ring_with_an_exact_total() -> None:
    app = build_app(get_fake("digitalchalk"), options={"log_size": 5})

    async def exchange() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://fake") as client:
            for index in range(12):
                await client.get(f"/dc/api/v5/registrations/r{index}", headers=DC)
            return [
                await client.get("/_lmskit/requests"),
                await client.get("/_lmskit/requests", params={"after": 9, "limit": 2}),
                await client.get("/_lmskit/requests", params={"after": -1}),
                await client.get("/_lmskit/requests", params={"limit": "all"}),
                await client.delete("/_lmskit/requests"),
                await client.get("/_lmskit/requests"),
            ]

    whole, page, negative, wordy, _, cleared = asyncio.run(exchange())
    assert (whole.json()["total"], whole.json()["dropped"], whole.json()["next"]) == (12, 7, None)
    assert [r["seq"] for r in whole.json()["requests"]] == [8, 9, 10, 11, 12]
    for entry in whole.json()["requests"]:
        assert (entry["method"], entry["status"]) == ("GET", 404)
        assert 0 < entry["duration_ms"] == round(entry["duration_ms"], 3)
        assert datetime.fromisoformat(entry["at"]).tzinfo is not None
    assert [r["path"] for r in page.json()["requests"]] == [
        "/dc/api/v5/registrations/r9",
        "/dc/api/v5/registrations/r10",
    ]
    assert page.json()["next"] == 11
    assert negative.status_code == wordy.status_code == 400
    assert cleared.json() == {"total": 0, "dropped": 0, "requests": [], "next": None}


def test_fakes_listen_and_accept_with_tcp_nodelay() -> None:
    listening = bind("127.0.0.1", 0)
    with listening, socket.create_connection(listening.getsockname()[:2]) as client:
        accepted, _ = listening.accept()
        with accepted:
            # IPPROTO_TCP lets asyncio set TCP_NODELAY on every accepted connection; Linux passes the listening
            # socket's own option on as well. Without it, each response waited ~40 ms for a delayed ACK.
            assert listening.proto == socket.IPPROTO_TCP
            assert listening.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
            assert client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0  # a plain socket does not have it


def test_twenty_concurrent_writers_lose_nothing(tmp_path) -> None:
    app = build_app(get_fake("absorb"), db=tmp_path / "absorb.sqlite")
    seed = app.state.seed
    api_key = seed["credentials"]["api_key"]
    course = seed["courses"][0]["id"]
    with FakeServer(app) as server:
        base = {"x-api-key": api_key, "x-api-version": "2"}
        login = {"username": "api.admin", "password": "fake-admin-password", "privateKey": api_key}
        token = httpx.post(f"{server.base_url}/authenticate", json=login, headers=base).json()
        headers = {**base, "Authorization": f"Bearer {token}"}
        users = [seed["users"][i % 3]["id"] for i in range(20)]

        def enroll_fifty(user: str) -> list[int]:
            with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as client:
                return [
                    client.post(f"/users/{user}/enrollments/{course}", params={"reEnroll": "true"}).status_code
                    for _ in range(50)
                ]

        with ThreadPoolExecutor(max_workers=20) as pool:
            statuses = [status for batch in pool.map(enroll_fifty, users) for status in batch]
        assert statuses == [200] * 1000
        total = sum(
            httpx.get(
                f"{server.base_url}/users/{user['id']}/enrollments", params={"_limit": 1}, headers=headers
            ).json()["totalItems"]
            for user in seed["users"]
        )
    # 1000 re-enrollments, each leaving one more enrollment behind, plus the seeded ones.
    assert total == 1000 + len(seed["enrollments"])
    with FakeServer(build_app(get_fake("absorb"), db=tmp_path / "absorb.sqlite")) as restarted:
        headers["Authorization"] = (
            "Bearer " + httpx.post(f"{restarted.base_url}/authenticate", json=login, headers=base).json()
        )
        active = httpx.get(
            f"{restarted.base_url}/courses/{course}/enrollments",
            params={"_filter": "isActive eq true"},
            headers=headers,
        )
        assert active.json()["totalItems"] == 3


def test_control_api_resets_seeds_and_logs_requests_without_secrets(tmp_path) -> None:
    with FakeServer(build_app(get_fake("digitalchalk")), base_path="/dc/api/v5") as server:
        control = f"{server.root_url}/_lmskit"
        httpx.post(f"{server.base_url}/registrations", json={"userId": LEARNER, "offeringId": COURSE_1}, headers=DC)
        assert len(registrations(server.base_url)) == SEEDED + 1
        assert httpx.post(f"{control}/reset").status_code == 200
        assert len(registrations(server.base_url)) == SEEDED
        log = httpx.get(f"{control}/requests").json()["requests"]
        assert [(r["method"], r["path"], r["status"]) for r in log] == [
            ("POST", "/dc/api/v5/registrations", 201),
            ("GET", "/dc/api/v5/registrations", 200),
            ("GET", "/dc/api/v5/registrations", 200),
        ]
        assert "dc-demo-token" not in str(log)
        empty = {"credentials": {"tokens": [{"token": "t2", "user": "u"}]}, "users": [{"id": "u"}]}
        assert httpx.post(f"{control}/seed", json=empty).status_code == 200
        assert (
            httpx.get(f"{server.base_url}/registrations", headers={"Authorization": "Bearer t2"}).json()["results"]
            == []
        )
        assert httpx.post(f"{control}/seed", json=["not", "a", "seed"]).status_code == 400


def test_no_request_gets_a_5xx_even_with_garbage(tmp_path) -> None:
    garbage = [
        ("POST", "/authenticate", b"{not json", {"content-type": "application/json"}),
        ("POST", "/enrollments/unenroll", b"[1, 2", {"content-type": "application/json"}),
        ("GET", "/users/%00/enrollments", b"", {}),
        ("PATCH", "/myenrollments", b"", {}),
        ("GET", "/" + "x" * 5000, b"", {}),
        (
            "POST",
            "/users/0f8fad5b-d9cb-469f-a165-70867728950e/enrollments",
            b"\xff\xfe",
            {"content-type": "application/json"},
        ),
    ]
    with FakeServer(build_app(get_fake("absorb"))) as server:
        for method, path, body, headers in garbage:
            response = httpx.request(
                method, server.base_url + path, content=body, headers={"x-api-key": "k", **headers}
            )
            assert response.status_code < 500, (method, path, response.status_code)


def test_absorb_answers_bad_formats_with_422_and_incomplete_requests_with_400() -> None:
    app = build_app(get_fake("absorb"))
    seed = app.state.seed
    base = {"x-api-key": seed["credentials"]["api_key"], "x-api-version": "2"}
    with FakeServer(app) as server:
        login = {"username": "api.admin", "password": "fake-admin-password", "privateKey": base["x-api-key"]}
        token = httpx.post(f"{server.base_url}/authenticate", json=login, headers=base).json()
        headers = {**base, "Authorization": f"Bearer {token}"}
        empty = httpx.post(f"{server.base_url}/enrollments/unenroll", json=[], headers=headers)
        malformed = httpx.post(f"{server.base_url}/enrollments/unenroll", json=["not-a-guid"], headers=headers)
        bad_limit = httpx.get(f"{server.base_url}/myenrollments", params={"_limit": "many"}, headers=headers)
    assert (empty.status_code, malformed.status_code, bad_limit.status_code) == (400, 422, 422)
    assert malformed.json()["message"] == '/0: "not-a-guid" is not a "uuid"'


def test_a_db_file_from_another_version_is_refused_with_the_fix(tmp_path) -> None:
    import sqlite3

    from lmskit.fakes.store import StoreError

    old = tmp_path / "absorb.sqlite"
    with sqlite3.connect(old) as connection:  # an absorb_enrollments table without the newer columns
        connection.execute("CREATE TABLE absorb_enrollments (seq INTEGER PRIMARY KEY, id TEXT)")
    try:
        build_app(get_fake("absorb"), db=old)
    except StoreError as error:
        message = str(error)
    else:
        raise AssertionError("an incompatible --db file was accepted")
    assert message.startswith(f"{old}: table absorb_enrollments lacks column(s) ")
    assert "activities" in message and message.endswith("remove it or pass a new --db path")
