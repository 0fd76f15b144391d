"""`lmskit serve` and the optional rate limit."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import httpx

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer, bind


def test_serve_prints_its_url_and_credentials_and_answers(tmp_path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lmskit",
            "serve",
            "bridge",
            "--port",
            "0",
            "--db",
            str(tmp_path / "b.sqlite"),
            "--log-size",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [process.stdout.readline() for _ in range(5)]  # type: ignore[union-attr]
        url = re.search(r"fake at (http://127\.0\.0\.1:\d+)", lines[0]).group(1)  # type: ignore[union-attr]
        assert "credential TOKEN=bridge-demo-token  (LMSKIT_BRIDGE_TOKEN)" in "".join(lines)
        deadline = time.monotonic() + 10
        while True:
            try:
                response = httpx.get(
                    f"{url}/api/author/programs/1/learners", headers={"Authorization": "Bearer bridge-demo-token"}
                )
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert response.status_code == 200
        assert len(response.json()["enrollments"]) == 2
        for _ in range(4):
            httpx.get(f"{url}/api/author/programs/1/learners")
        log = httpx.get(f"{url}/_lmskit/requests").json()
        assert (log["total"], log["dropped"], len(log["requests"])) == (5, 2, 3)
        assert [entry["status"] for entry in log["requests"]] == [401, 401, 401]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_refuses_an_empty_request_log() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lmskit", "serve", "bridge", "--log-size", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "--log-size" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_on_a_taken_port_says_so() -> None:
    taken = bind("127.0.0.1", 0)
    try:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "lmskit", "serve", "absorb", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        taken.close()
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_rate_limit_answers_429_with_retry_after_and_remaining() -> None:
    app = build_app(get_fake("bridge"), options={"rate_limit": 5})
    assert app.dispatcher.limiter is not None
    app.dispatcher.limiter.clock = lambda: 1000.0  # all six requests fall in the same second, however slow the machine
    with (
        FakeServer(app) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": "Bearer bridge-demo-token"}) as client,
    ):
        responses = [client.get("/api/author/programs/1/learners") for _ in range(6)]
        other = httpx.get(
            f"{server.base_url}/api/author/programs/1/learners", auth=("bridge-demo-key", "bridge-demo-secret")
        )
    assert [r.status_code for r in responses] == [200] * 5 + [429]
    assert [r.headers["x-rate-limit-remaining"] for r in responses] == ["4", "3", "2", "1", "0", "0"]
    assert int(responses[-1].headers["retry-after"]) >= 1
    assert responses[-1].json()["errors"][0]["code"] == "rate_limited"
    assert other.status_code == 200  # the limit is per credential
