"""`lmskit serve` and the optional rate limit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

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


STARTUP_CASES = {
    "seed whose users is a string": ("users: everyone\n", "s.yaml:1:1: /users:"),
    "seed user missing its id": ("users:\n  - {name: x}\n", 's.yaml:2:5: /users/0: "id" is a required property'),
    "seed with duplicate ids": ("users:\n  - {id: a}\n  - {id: a}\n", "UNIQUE constraint failed: dc_users.id"),
    "seed with an unknown key": ("registration: []\n", "registration"),
    "seed that is not YAML": ("users: [1\n", "YAML syntax error"),
    "seed that is a list": ("- 1\n", "is not of type"),
    "seed alias bomb": (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n",
        "alias bomb",
    ),
}


def _serve_and_fail(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lmskit", "serve", "digitalchalk", "--port", "0", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize("case", list(STARTUP_CASES), ids=list(STARTUP_CASES))
def test_serve_with_a_bad_seed_is_one_line_naming_where_and_exit_2(case: str, tmp_path: Path) -> None:
    text, message = STARTUP_CASES[case]
    seed = tmp_path / "s.yaml"
    seed.write_text(text, encoding="utf-8")
    result = _serve_and_fail("--seed-file", str(seed))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(seed.parent) in lines[0] and message in lines[0], lines[0]


def test_serve_with_a_db_that_cannot_be_made_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = _serve_and_fail("--db", str(blocker / "sub" / "state.sqlite"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "state.sqlite" in result.stderr


def test_serve_refuses_a_non_loopback_host_without_expose() -> None:
    result = _serve_and_fail("--host", "0.0.0.0")
    assert result.returncode == 2
    assert "--expose" in result.stderr and "Traceback" not in result.stderr


def test_serve_exposed_protects_the_control_api_with_the_token() -> None:
    env = {**os.environ, "LMSKIT_CONTROL_TOKEN": "control-canary-token"}
    process = subprocess.Popen(
        [sys.executable, "-m", "lmskit", "serve", "digitalchalk", "--host", "0.0.0.0", "--port", "0", "--expose"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = [process.stdout.readline() for _ in range(3)]  # type: ignore[union-attr]
        assert "control-canary-token" not in "".join(lines)
        port = re.search(r":(\d+)/", lines[0]).group(1)  # type: ignore[union-attr]
        url = f"http://127.0.0.1:{port}/_lmskit/info"
        deadline = time.monotonic() + 10
        while True:
            try:
                refused = httpx.get(url)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert refused.status_code == 401
        allowed = httpx.get(url, headers={"Authorization": "Bearer control-canary-token"})
        assert allowed.status_code == 200 and allowed.json()["vendor"] == "digitalchalk"
    finally:
        process.terminate()
        process.wait(timeout=10)
