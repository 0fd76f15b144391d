"""What a CI user relies on in a live run, tried against fakes served on loopback as if they were tenants:
distinctive canary credentials pushed through every failing path appear in no byte of output or any file; the
summary's request count is the fake's; failures read as one line or one report per operation."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
import yaml

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from tests.conftest import REPO
from tests.contract.samples import ABSORB_SAMPLE

pytestmark = pytest.mark.slow


def seed_of(vendor: str) -> dict[str, Any]:
    return yaml.safe_load(get_fake(vendor).default_seed.read_text())


def run(
    arguments: list[str], credentials: dict[str, str], vendor: str, cwd: Path, pytest_direct: bool = False
) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
    environment.update({f"LMSKIT_{vendor.upper()}_{name}": value for name, value in credentials.items()})
    if pytest_direct:
        command = [sys.executable, "-m", "pytest", str(REPO / "contracts" / vendor), "-p", "no:cacheprovider"]
    else:
        command = [sys.executable, "-m", "lmskit", "contract", vendor]
    return subprocess.run(
        command + arguments, capture_output=True, text=True, env=environment, timeout=300, cwd=cwd, check=False
    )


def everything_written(result: subprocess.CompletedProcess[str], folder: Path) -> str:
    texts = [result.stdout, result.stderr]
    texts += [path.read_text(encoding="utf-8", errors="replace") for path in folder.rglob("*") if path.is_file()]
    return "\n".join(texts)


def echoing(app: Any) -> Any:
    """The fake, except that every error response echoes the request's headers (some real APIs do)."""

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_lmskit/"):
            await app(scope, receive, send)
            return
        headers = {name.decode(): value.decode() for name, value in scope["headers"]}
        replaced: dict[str, bytes] = {}

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and message["status"] >= 400:
                # `errors` must be a list of strings: the echo also breaks the documented error shape.
                replaced["body"] = json.dumps({"errors": {"request_headers": headers}}).encode()
                length = str(len(replaced["body"])).encode()
                out = [(b"content-type", b"application/json"), (b"content-length", length)]
                await send({"type": "http.response.start", "status": message["status"], "headers": out})
            elif message["type"] == "http.response.body" and "body" in replaced:
                await send({"type": "http.response.body", "body": replaced["body"]})
            else:
                await send(message)

        await app(scope, receive, capture)

    wrapped.state = app.state  # type: ignore[attr-defined]
    return wrapped


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_canary_credentials_appear_nowhere_on_any_failing_path(tmp_path: Path) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    dc_seed = seed_of("digitalchalk")
    dc_seed["credentials"]["tokens"][0]["token"] = canary
    absorb_seed = seed_of("absorb")
    absorb_key, absorb_password = str(uuid.uuid4()), f"canary-pw-{uuid.uuid4().hex}"
    absorb_seed["credentials"]["api_key"] = absorb_key
    absorb_seed["credentials"]["admins"][0]["password"] = absorb_password
    absorb_credentials = {
        "API_KEY": absorb_key,
        "USERNAME": absorb_seed["credentials"]["admins"][0]["username"],
        "PASSWORD": absorb_password,
    }
    secrets = [canary, absorb_key, absorb_password]
    outcomes: dict[str, subprocess.CompletedProcess[str]] = {}
    folders: dict[str, Path] = {}

    def attempt(name: str, vendor: str, arguments: list[str], credentials: dict[str, str], **kw: Any) -> None:
        folder = folders[name] = tmp_path / name
        folder.mkdir()
        outcomes[name] = run(arguments, credentials, vendor, folder, **kw)

    dc_app = build_app(get_fake("digitalchalk"), seed=dc_seed)
    with FakeServer(dc_app) as server:
        url = server.base_url
        attempt("budget", "digitalchalk", ["--target", url, "--budget", "5", "--junit", "."], {"TOKEN": canary})
        attempt("wrong-token", "digitalchalk", ["--target", url], {"TOKEN": canary + "-wrong"})
    with FakeServer(echoing(build_app(get_fake("digitalchalk"), seed=dc_seed))) as server:
        url = server.root_url + "/dc/api/v5"
        attempt("echo", "digitalchalk", ["--target", url, "--max-examples", "5", "--junit", "."], {"TOKEN": canary})
        direct = ["--target", url, "--max-examples", "5", "--junitxml", "pytest.xml", "--lmskit-junit", "ours.xml"]
        attempt("echo-pytest", "digitalchalk", direct, {"TOKEN": canary}, pytest_direct=True)
    absorb_app = build_app(get_fake("absorb"), seed=absorb_seed)
    with FakeServer(absorb_app) as server:
        attempt(
            "absorb-budget",
            "absorb",
            ["--target", server.base_url, "--budget", "40", "--junit", "."],
            absorb_credentials,
        )
        tokens = [row["token"] for row in absorb_app.state.store.rows("SELECT token FROM absorb_tokens")]
    secrets += tokens
    attempt("unreachable", "digitalchalk", ["--target", f"http://127.0.0.1:{closed_port()}"], {"TOKEN": canary})

    # Each path failed the way it should, and said so.
    assert outcomes["budget"].returncode == 2  # the run could not finish: not a contract failure
    assert "the request budget of 5 is spent; raise --budget" in outcomes["budget"].stdout
    assert outcomes["wrong-token"].returncode == 2
    assert outcomes["wrong-token"].stderr.strip().splitlines() == [
        f"lmskit: digitalchalk at {dc_url(outcomes)} (read-only): the auth probe answered 401 with the configured"
        " credentials; check LMSKIT_DIGITALCHALK_TOKEN"
    ]
    assert outcomes["echo"].returncode == 1
    assert outcomes["echo-pytest"].returncode == 1
    assert outcomes["absorb-budget"].returncode == 2
    assert outcomes["unreachable"].returncode == 2
    assert len(outcomes["unreachable"].stderr.strip().splitlines()) == 1
    assert "cannot connect" in outcomes["unreachable"].stderr
    assert tokens, "the Absorb run fetched a token"
    # The echoing target really did send the secret back: the kit masked it.
    assert "[redacted]" in everything_written(outcomes["echo"], folders["echo"])
    for name, result in outcomes.items():
        assert "Traceback" not in result.stdout + result.stderr, name
        written = everything_written(result, folders[name])
        hits = [secret for secret in secrets if secret in written]
        assert hits == [], f"{name}: a secret leaked"


def dc_url(outcomes: dict[str, subprocess.CompletedProcess[str]]) -> str:
    """The served URL, as the wrong-token run printed it (the port is chosen by the OS)."""
    line = outcomes["wrong-token"].stderr
    return line.split("digitalchalk at ", 1)[1].split(" (read-only)", 1)[0]


@pytest.mark.parametrize(
    ("vendor", "credentials"),
    [
        ("digitalchalk", {"TOKEN": "dc-demo-token"}),
        ("bridge", {"TOKEN": "bridge-demo-token"}),
        (
            "absorb",
            {
                "API_KEY": "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c",
                "USERNAME": "api.admin",
                "PASSWORD": "fake-admin-password",
            },
        ),
    ],
)
def test_read_only_runs_pass_and_count_exactly_what_the_fake_received(vendor, credentials, tmp_path) -> None:
    app = build_app(get_fake(vendor))
    with FakeServer(app) as server:
        sample = ABSORB_SAMPLE if vendor == "absorb" else []
        arguments = ["--target", server.base_url, "--budget", "2500", *sample, "--junit", "."]
        result = run(arguments, credentials, vendor, tmp_path)
        received = app.state.log.total
        methods = {entry["method"] for entry in app.state.log.page(0, 10_000)["requests"]}
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    summary = [line for line in result.stdout.splitlines() if line.startswith(f"{vendor} at ")][-1]
    assert f", {received} requests of a budget of 2500," in summary
    assert received <= 2500
    assert methods <= {"GET", "POST"} if vendor == "absorb" else methods == {"GET"}
    assert "failed" not in summary
    junit = ElementTree.parse(tmp_path / "lmskit-contracts.xml").getroot()
    names = [case.get("name") for case in junit.iter("testcase")]
    assert any(name.startswith("GET /") for name in names)
    assert len(names) == len(set(names)), "a test case per operation, each named after it"


def test_a_failing_operation_is_its_own_junit_case_with_a_readable_report(tmp_path) -> None:
    with FakeServer(echoing(build_app(get_fake("digitalchalk")))) as server:
        url = server.root_url + "/dc/api/v5"
        result = run(["--target", url, "--junit", "."], {"TOKEN": "dc-demo-token"}, "digitalchalk", tmp_path)
    assert result.returncode == 1
    junit = ElementTree.parse(tmp_path / "lmskit-contracts.xml").getroot()
    failed = {case.get("name"): case for case in junit.iter("testcase") if case.find("failure") is not None}
    assert "GET /registrations" in failed
    per_check = [name for name in failed if name.startswith("GET /registrations · ")]
    assert per_check, f"each failing check is a test case of its own: {sorted(failed)}"
    report = failed[per_check[0]].find("failure").text or ""
    assert "response: 4" in report and "reproduce: curl" in report and "seed: 20261123" in report
    assert "Authorization: [redacted]" in report or "[redacted]" in report
    # The terminal says the same thing in a few lines, without a traceback.
    assert "GET /registrations" in result.stdout and "Traceback" not in result.stdout
    assert "FAILED" in result.stdout


def test_a_schemathesis_toml_in_the_working_folder_does_not_change_a_run(tmp_path) -> None:
    (tmp_path / "schemathesis.toml").write_text('base-url = "http://127.0.0.1:9"\n[generation]\nmax-examples = 500\n')
    result = run(["--include", "getRegistration", "--max-examples", "3"], {}, "digitalchalk", tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "digitalchalk fake (in-process): 1/1 operations passed" in result.stdout
