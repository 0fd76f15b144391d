"""The live-tenant code path, run against fakes on loopback as if they were tenants."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest

from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from tests.conftest import REPO
from tests.contract.samples import ABSORB_SAMPLE


def run_contract(
    vendor: str, url: str, credentials: dict[str, str], *extra: str, junit: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
    environment.update({f"LMSKIT_{vendor.upper()}_{name}": value for name, value in credentials.items()})
    arguments = [sys.executable, "-m", "lmskit", "contract", vendor, "--target", url, *extra]
    if junit is not None:
        arguments += ["--junit", str(junit)]
    return subprocess.run(
        arguments, capture_output=True, text=True, env=environment, timeout=300, cwd=REPO, check=False
    )


def served(vendor: str, seed: dict) -> FakeServer:
    fake = get_fake(vendor)
    return FakeServer(build_app(fake, seed=seed))


def request_log(server: FakeServer) -> list[dict]:
    """Every request the fake logged, paging through the control API."""
    found: list[dict] = []
    after = 0
    while after is not None:
        page = httpx.get(f"{server.root_url}/_lmskit/requests", params={"after": after, "limit": 10_000}).json()
        found += page["requests"]
        after = page["next"]
    return found


def default_seed(vendor: str) -> dict:
    import yaml

    return yaml.safe_load(get_fake(vendor).default_seed.read_text())


def test_read_only_by_default_and_the_canary_token_appears_nowhere(tmp_path) -> None:
    canary = f"lmskit-canary-{uuid.uuid4().hex}"
    seed = default_seed("digitalchalk")
    seed["credentials"]["tokens"][0]["token"] = canary
    with served("digitalchalk", seed) as server:
        result = run_contract("digitalchalk", server.base_url, {"TOKEN": canary}, junit=tmp_path)
        log = request_log(server)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    methods = Counter(entry["method"] for entry in log)
    assert set(methods) == {"GET"}, methods
    assert methods["GET"] > 20
    report = (tmp_path / "lmskit-contracts.xml").read_text(encoding="utf-8")
    for text in (result.stdout, result.stderr, report):
        assert canary not in text
    assert "(read-only): 2/2 operations passed" in result.stdout


def test_absorb_fetches_its_token_once_and_sends_nothing_but_gets(tmp_path) -> None:
    password, api_key = f"canary-{uuid.uuid4().hex}", str(uuid.uuid4())
    seed = default_seed("absorb")
    seed["credentials"]["api_key"] = api_key
    seed["credentials"]["admins"][0]["password"] = password
    credentials = {"API_KEY": api_key, "USERNAME": seed["credentials"]["admins"][0]["username"], "PASSWORD": password}
    with served("absorb", seed) as server:
        result = run_contract(
            "absorb", server.base_url, credentials, "--budget", "3000", *ABSORB_SAMPLE, junit=tmp_path
        )
        log = request_log(server)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    writes = [(entry["method"], entry["path"]) for entry in log if entry["method"] != "GET"]
    # The token request is the only POST: it is how every Absorb call authenticates.
    assert writes == [("POST", "/authenticate")]
    report = (tmp_path / "lmskit-contracts.xml").read_text(encoding="utf-8")
    for text in (result.stdout, result.stderr, report):
        assert password not in text and api_key not in text


def test_writes_need_the_opt_in(tmp_path) -> None:
    seed = default_seed("digitalchalk")
    with served("digitalchalk", seed) as server:
        result = run_contract("digitalchalk", server.base_url, {"TOKEN": "dc-demo-token"}, "--allow-writes")
        log = request_log(server)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert {"POST", "PUT"} <= {entry["method"] for entry in log}


@pytest.mark.parametrize(
    ("arguments", "environment", "message"),
    [
        (
            ["--target", "https://rest.myabsorb.com", "--allow-writes"],
            {"LMSKIT_ABSORB_API_KEY": "k"},
            "rest.myabsorb.com: not a sandbox (the spec's sandbox servers are https://rest.sandbox.myabsorb.{region})",
        ),
        (["--target", "https://rest.myabsorb.com"], {}, "no credentials for absorb: set LMSKIT_ABSORB_API_KEY"),
        (["--target", "ftp://x"], {"LMSKIT_ABSORB_API_KEY": "k"}, "is not an http(s) URL"),
    ],
)
def test_unsafe_or_incomplete_live_runs_stop_before_any_request(arguments, environment, message) -> None:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
    result = subprocess.run(
        [sys.executable, "-m", "lmskit", "contract", "absorb", *arguments],
        capture_output=True,
        text=True,
        env={**clean, **environment},
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_the_budget_stops_a_live_run(tmp_path) -> None:
    with served("digitalchalk", default_seed("digitalchalk")) as server:
        result = run_contract("digitalchalk", server.base_url, {"TOKEN": "dc-demo-token"}, "--budget", "5")
        log = request_log(server)
    assert result.returncode == 2  # the run could not finish; no check failed
    assert "the request budget of 5 is spent" in result.stdout
    assert len(log) == 5  # every request counts: the auth probe, the id discovery, the cases


def test_a_vendor_base_url_in_the_environment_selects_its_tenant(tmp_path) -> None:
    with served("digitalchalk", default_seed("digitalchalk")) as server:
        environment = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
        environment |= {"LMSKIT_DIGITALCHALK_BASE_URL": server.base_url, "LMSKIT_DIGITALCHALK_TOKEN": "dc-demo-token"}
        result = subprocess.run(
            [sys.executable, "-m", "lmskit", "contract", "digitalchalk", "--budget", "2500"],
            capture_output=True,
            text=True,
            env=environment,
            timeout=300,
            cwd=REPO,
            check=False,
        )
        log = request_log(server)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"digitalchalk at {server.base_url} (read-only)" in result.stdout
    assert f", {len(log)} requests of a budget of 2500" in result.stdout, "the tenant named by the environment"
