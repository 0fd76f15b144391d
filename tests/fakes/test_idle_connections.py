"""A connection that never sends a request is closed (a thousand of them would hold every file descriptor)."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

import lmskit.fakes.server as server_module
from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer


def test_a_silent_connection_is_closed_and_the_fake_keeps_answering(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "IDLE_SECONDS", 0.3)
    with FakeServer(build_app(get_fake("bridge"))) as server:
        silent = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(20)]
        started = time.monotonic()
        closed = [conn.recv(1) for conn in silent]  # b"" once the server closes its end
        waited = time.monotonic() - started
        for conn in silent:
            conn.close()
        assert closed == [b""] * 20 and waited < 4
        assert httpx.get(server.root_url + "/_lmskit/requests", timeout=5).status_code == 200
