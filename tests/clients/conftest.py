"""Fakes with large seeds on loopback, and the environment a sync service would give ``client_from_env``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from lmskit.fakes import get_fake
from lmskit.fakes.app import FakeApp, build_app
from lmskit.fakes.server import FakeServer

ROWS = 10_000


def guid(kind: int, index: int) -> str:
    return str(uuid.UUID(int=(kind << 64) + index + 1))


@dataclass
class Served:
    app: FakeApp
    server: FakeServer
    env: dict[str, str]
    expected: dict[str, list[Any]]  # what each list should yield, in order

    def requests(self) -> int:
        return int(self.app.state.log.total)


def built_in_seed(vendor: str) -> dict[str, Any]:
    return dict(build_app(get_fake(vendor)).state.seed)


def digitalchalk_seed(rows: int) -> tuple[dict[str, Any], list[str]]:
    seed = built_in_seed("digitalchalk")
    offering = seed["offerings"][0]["id"]
    users = [{"id": f"u{index:06d}", "name": f"Learner {index}"} for index in range(rows)]
    registrations = [
        {"id": f"r{index:06d}", "userId": user["id"], "offeringId": offering, "createdDate": "2024-01-01T00:00:00Z"}
        for index, user in enumerate(users)
    ]
    expected = [item["id"] for item in seed["registrations"]] + [item["id"] for item in registrations]
    return {**seed, "users": seed["users"] + users, "registrations": seed["registrations"] + registrations}, expected


def bridge_seed(rows: int) -> tuple[dict[str, Any], list[int]]:
    seed = built_in_seed("bridge")
    users = [
        {"id": 1000 + index, "first_name": "Zz", "last_name": f"L{index:06d}", "email": f"l{index}@example.com"}
        for index in range(rows)
    ]
    enrollments = [
        {"id": 100_000 + index, "program_id": 2, "user_id": user["id"], "created_at": "2024-01-01T00:00:00Z"}
        for index, user in enumerate(users)
    ]
    # Program 2 is sorted by name (the default): "Zz L000000" … in seeded order.
    expected = [item["user_id"] for item in enrollments]
    return {**seed, "users": seed["users"] + users, "enrollments": seed["enrollments"] + enrollments}, expected


def absorb_seed(rows: int) -> tuple[dict[str, Any], dict[str, list[str]]]:
    seed = built_in_seed("absorb")
    online, ilc = seed["courses"][0], seed["courses"][1]
    session = ilc["sessions"][0]["id"]
    admin = seed["credentials"]["admins"][0]["user"]
    users = [{"id": guid(1, index), "full_name": f"Learner {index}"} for index in range(rows)]
    courses = [{"id": guid(2, index), "name": f"Course {index}"} for index in range(rows)]
    in_online = [{"id": guid(3, index), "user": u["id"], "course": online["id"]} for index, u in enumerate(users)]
    in_session = [
        {"id": guid(4, index), "user": u["id"], "course": ilc["id"], "session": session}
        for index, u in enumerate(users)
    ]
    admin_courses = [{"id": guid(5, index), "user": admin, "course": c["id"]} for index, c in enumerate(courses)]
    enrollments = seed["enrollments"] + in_online + in_session + admin_courses
    by_course = [e["id"] for e in enrollments if e["course"] == online["id"]]
    expected = {
        "course": by_course,
        "session_users": [e["user"] for e in in_session],
        "admin": [e["id"] for e in enrollments if e["user"] == admin],
        "lesson_users": [e["user"] for e in enrollments if e["course"] == online["id"]],
    }
    grown = {**seed, "users": seed["users"] + users, "courses": seed["courses"] + courses, "enrollments": enrollments}
    return grown, expected


def env_for(vendor: str, base_url: str, credentials: dict[str, str]) -> dict[str, str]:
    prefix = f"LMSKIT_{vendor.upper()}_"
    return {f"{prefix}BASE_URL": base_url, **{prefix + name: value for name, value in credentials.items()}}


def serve(vendor: str, seed: dict[str, Any], **options: Any) -> tuple[FakeApp, FakeServer, dict[str, str]]:
    fake = get_fake(vendor)
    app = build_app(fake, seed=seed, strict=True, options=options)
    server = FakeServer(app).start()
    return app, server, env_for(vendor, server.base_url, fake.credentials(app.state.seed))


def large(vendor: str, seed: dict[str, Any], expected: dict[str, list[Any]]) -> Iterator[Served]:
    app, server, env = serve(vendor, seed)
    yield Served(app, server, env, expected)
    server.stop()


@pytest.fixture(scope="module")
def large_digitalchalk() -> Iterator[Served]:
    seed, expected = digitalchalk_seed(ROWS)
    yield from large("digitalchalk", seed, {"registrations": expected})


@pytest.fixture(scope="module")
def large_bridge() -> Iterator[Served]:
    seed, expected = bridge_seed(ROWS)
    yield from large("bridge", seed, {"program2": expected})


@pytest.fixture(scope="module")
def large_absorb() -> Iterator[Served]:
    seed, expected = absorb_seed(ROWS)
    yield from large("absorb", seed, expected)
