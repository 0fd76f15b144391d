from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from lmskit.fakes import get_fake
from lmskit.fakes.app import FakeApp, build_app
from lmskit.fakes.server import FakeServer


@dataclass
class LoopbackFake:
    app: FakeApp
    server: FakeServer
    credentials: dict[str, str]

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def control(self, method: str, path: str, json: Any = None) -> httpx.Response:
        return httpx.request(method, f"{self.server.root_url}/_lmskit/{path}", json=json, timeout=10)

    def request_log(self) -> list[dict[str, Any]]:
        return list(self.control("GET", "requests").json()["requests"])


def start(vendor: str, **kwargs: Any) -> FakeServer:
    fake = get_fake(vendor)
    app = build_app(fake, **kwargs)
    return FakeServer(app)


@pytest.fixture
def running_fake() -> Iterator[Any]:
    """``running_fake("absorb")`` → a LoopbackFake served on 127.0.0.1 for the test, stopped after it."""
    servers: list[FakeServer] = []

    def make(vendor: str, **kwargs: Any) -> LoopbackFake:
        server = start(vendor, **kwargs).start()
        servers.append(server)
        app = server.app
        return LoopbackFake(app, server, get_fake(vendor).credentials(app.state.seed))

    yield make
    for server in servers:
        server.stop()
