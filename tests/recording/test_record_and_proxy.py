"""`lmskit record` and `lmskit proxy` against fakes on loopback: valid, redacted envelopes, answers passed on
unchanged, violations logged, and nothing but reads sent to the vendor."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from lmskit.fakes import get_fake
from lmskit.fakes.app import FakeApp, build_app
from lmskit.fakes.server import FakeServer
from lmskit.proxy.app import ValidatingProxy, recorder
from lmskit.redaction.redactor import Redactor
from lmskit.spec.api import load_api
from tests.conftest import run_lmskit

SALT = {"LMSKIT_REDACT_SALT": "0123456789abcdef0123456789abcdef"}
SEED_NAMES = ("Lovelace", "Turing", "Lebowski", "Hopper", "Dijkstra", "Liskov", "Learner One", "Admin Grader")


def log_of(app: FakeApp) -> list[tuple[str, str, int]]:
    return [(e["method"], e["path"], e["status"]) for e in app.state.log.page(0, 10_000)["requests"]]


@pytest.mark.parametrize("vendor", ["digitalchalk", "bridge", "absorb"])
def test_record_writes_valid_redacted_envelopes_and_sends_only_reads(vendor: str, tmp_path: Path) -> None:
    fake = get_fake(vendor)
    app = build_app(fake, strict=True)
    with FakeServer(app) as server:
        prefix = f"LMSKIT_{vendor.upper()}_"
        env = {prefix + key: value for key, value in fake.credentials(app.state.seed).items()}
        params = ["--param", "program_id=1"] if vendor == "bridge" else []
        result = run_lmskit(
            "record", vendor, "--target", server.base_url, "--out", tmp_path / "rec", "--budget", "60", *params,
            env={**env, **SALT}, cwd=tmp_path, without_lmskit_env=True,
        )  # fmt: skip
        sent = log_of(app)
    assert result.exit_code == 0, result.stdout + result.stderr
    files = sorted((tmp_path / "rec").rglob("*.json"))
    assert len(files) >= (1 if vendor == "bridge" else 2), result.stdout  # Bridge documents one GET
    assert f"{len(sent)} request(s) of a budget of 60" in result.stdout
    writes = [entry for entry in sent if entry[0] != "GET"]
    assert writes == ([("POST", "/authenticate", 200)] if vendor == "absorb" else [])  # a login is not a write
    text = "".join(path.read_text() for path in files)
    for secret in env.values():
        assert secret not in text
    for name in SEED_NAMES:
        assert name not in text, name
    envelope = json.loads(files[0].read_text())
    assert envelope["lmskit"]["vendor"] == vendor and len(envelope["lmskit"]["spec_sha256"]) == 64
    checked = run_lmskit("validate", "--drift", tmp_path / "rec")
    assert checked.exit_code == 0, checked.stdout[-3000:]


def test_record_stops_at_the_budget_with_every_request_counted(tmp_path: Path) -> None:
    fake = get_fake("absorb")
    app = build_app(fake, strict=True)
    with FakeServer(app) as server:
        env = {f"LMSKIT_ABSORB_{k}": v for k, v in fake.credentials(app.state.seed).items()}
        result = run_lmskit(
            "record", "absorb", "--target", server.base_url, "--out", tmp_path / "rec", "--budget", "4",
            env={**env, **SALT}, cwd=tmp_path, without_lmskit_env=True,
        )  # fmt: skip
        sent = log_of(app)
    assert len(sent) == 4  # the login and three reads, then nothing
    assert "the request budget of 4 is spent" in result.stderr
    assert result.exit_code == 0  # what was recorded is kept
    assert len(list((tmp_path / "rec").rglob("*.json"))) == 3


class Proxied:
    def __init__(self, vendor: str, app: FakeApp | None = None, **options: Any) -> None:
        self.fake_app = app or build_app(get_fake(vendor), strict=True)
        self.upstream = FakeServer(self.fake_app).start()
        self.stderr = io.StringIO()
        self.proxy = ValidatingProxy(load_api(vendor), self.upstream.base_url, stderr=self.stderr, **options)
        self.server = FakeServer(self.proxy, base_path=self.fake_app.state.api.default_base_path).start()

    def close(self) -> None:
        self.server.stop()
        self.upstream.stop()


def test_the_proxy_passes_the_vendor_answer_on_unchanged_and_refuses_writes(tmp_path: Path) -> None:
    proxied = Proxied("digitalchalk", log=(tmp_path / "v.jsonl").open("a"))
    headers = {"Authorization": "Bearer dc-demo-token"}
    try:
        path = "/registrations?limit=2"
        direct = httpx.get(proxied.upstream.base_url + path, headers=headers)
        through = httpx.get(proxied.server.base_url + path, headers=headers)
        write = httpx.post(proxied.server.base_url + "/registrations", headers=headers, json={"userId": "x"})
        sent = log_of(proxied.fake_app)
    finally:
        proxied.close()
    assert through.status_code == direct.status_code == 200
    assert through.json()["results"] == direct.json()["results"]  # the next link names the host it was asked on
    assert through.headers["content-type"] == direct.headers["content-type"]
    assert write.status_code == 403 and "read-only" in write.json()["lmskit_proxy"]
    assert [entry[0] for entry in sent] == ["GET", "GET"]  # the write never reached the vendor
    assert proxied.stderr.getvalue() == ""  # nothing wrong with the fake's answers
    assert (tmp_path / "v.jsonl").read_text() == ""


def test_the_proxy_logs_each_violation_and_records_redacted_envelopes(tmp_path: Path) -> None:
    fake = get_fake("bridge")
    handlers = dict(fake.handlers)
    original = handlers["listProgramEnrollments"]

    def drifted(call: Any) -> Any:
        reply = original(call)
        reply.body["enrollments"][0]["state"] = "paused"  # a state the spec does not list
        return reply

    broken = build_app(
        type(fake)(
            **{
                **{f: getattr(fake, f) for f in fake.__dataclass_fields__},
                "handlers": {**handlers, "listProgramEnrollments": drifted},
            }
        )
    )
    api = load_api("bridge")
    redactor = Redactor({"bridge": api}, b"0123456789abcdef0123", default_vendor="bridge")
    redactor.remember(["bridge-demo-token"])
    log_path = tmp_path / "violations.jsonl"
    proxied = Proxied("bridge", broken, log=log_path.open("a"), record=recorder(tmp_path / "rec"), redactor=redactor)
    try:
        answer = httpx.get(
            proxied.server.base_url + "/api/author/programs/1/learners",
            headers={"Authorization": "Bearer bridge-demo-token"},
        )
    finally:
        proxied.close()
    assert answer.json()["enrollments"][0]["state"] == "paused"  # the sync service sees what the vendor sent
    lines = proxied.stderr.getvalue().splitlines()
    assert len(lines) == 1 and "listProgramEnrollments" in lines[0] and "/enrollments/0/state" in lines[0]
    logged = [json.loads(line) for line in log_path.read_text().splitlines()]
    assert logged[0]["operationId"] == "listProgramEnrollments"
    assert logged[0]["violations"][0]["pointer"] == "/enrollments/0/state"
    recorded = list((tmp_path / "rec").rglob("*.json"))
    assert len(recorded) == 1
    text = recorded[0].read_text()
    assert "bridge-demo-token" not in text and "Lovelace" not in text and "ada@example.com" not in text
    assert "bridge-demo-token" not in log_path.read_text() + proxied.stderr.getvalue()
