"""Green means checked: an operation that never answered 2xx is not a pass, a target that is not the vendor's API
at its base path is one line before any case, and plain schemathesis agrees with the kit on the bundled fakes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from lmskit.contract.wiring import schemathesis_toml
from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
from lmskit.spec.api import load_api
from lmskit.vendors import VENDORS
from tests.conftest import REPO
from tests.contract.test_live_promises import run

DC = {"TOKEN": "dc-demo-token"}


def junit_cases(folder: Path) -> dict[str, ElementTree.Element]:
    root = ElementTree.parse(folder / "lmskit-contracts.xml").getroot()
    return {case.get("name", ""): case for case in root.iter("testcase")}


def test_the_committed_schemathesis_toml_is_the_one_the_specs_give() -> None:
    generated = schemathesis_toml([load_api(vendor) for vendor in VENDORS])
    assert (REPO / "schemathesis.toml").read_text(encoding="utf-8") == generated, (
        "schemathesis.toml is stale: run `lmskit contract --schemathesis-config > schemathesis.toml`"
    )


@pytest.mark.slow
def test_a_missing_base_path_is_one_line_and_exit_2_before_any_case(tmp_path) -> None:
    app = build_app(get_fake("digitalchalk"))
    with FakeServer(app) as server:
        started = time.monotonic()
        result = run(["--target", server.root_url], DC, "digitalchalk", tmp_path)
        seconds = time.monotonic() - started
        received = app.state.log.total
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "GET /registrations answered 404" in lines[0]
    assert f"--target {server.root_url}/dc/api/v5" in lines[0]
    assert received == 1  # the probe, and not one case
    assert seconds < 30  # generous: the point is that no suite ran (the note gives the measured time)


@pytest.mark.slow
def test_another_vendors_server_is_one_line_and_exit_2(tmp_path) -> None:
    with FakeServer(build_app(get_fake("absorb"))) as server:
        result = run(["--target", server.base_url], {"TOKEN": "bridge-demo-token"}, "bridge", tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "not this vendor's API" in line and "Traceback" not in line


@pytest.mark.slow
def test_against_a_tenant_an_operation_without_data_is_not_checked_never_passed(tmp_path) -> None:
    seed = yaml.safe_load(get_fake("digitalchalk").default_seed.read_text())
    seed["registrations"] = []  # a tenant with no registration: GET /registrations/{id} has nothing to read
    with FakeServer(build_app(get_fake("digitalchalk"), seed=seed)) as server:
        result = run(["--target", server.base_url, "--junit", "."], DC, "digitalchalk", tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    summary = [line for line in result.stdout.splitlines() if line.startswith("digitalchalk at ")][-1]
    assert "NOT CHECKED: 1 of 2 operations got no 2xx answer (GET /registrations/{id})" in summary
    case = junit_cases(tmp_path)["GET /registrations/{id}"]
    skipped = case.find("skipped")
    assert skipped is not None and skipped.get("message", "").startswith("not checked: no 2xx among")
    assert case.find("failure") is None
    assert "UNCHECKED" in result.stdout


@pytest.mark.slow
def test_against_a_fake_an_operation_that_never_answers_2xx_fails(tmp_path) -> None:
    # The fake's GET /registrations/{id} answers 404 for every id: its success path cannot be reached.
    patch = (
        "import dataclasses, lmskit.fakes.digitalchalk as m\n"
        "from lmskit.fakes.vendor import not_found\n"
        "def gone(call):\n    raise not_found('Registration')\n"
        "m.FAKE = dataclasses.replace(m.FAKE, handlers={**m.FAKE.handlers, 'getRegistration': gone})\n"
        "import sys; from lmskit.cli import main\n"
        "sys.argv = ['lmskit', 'contract', 'digitalchalk', '--include', 'getRegistration', '--junit', '.']\n"
        "main()\n"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
    result = subprocess.run(
        [sys.executable, "-c", patch], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=environment
    )
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-2000:]
    case = junit_cases(tmp_path)["GET /registrations/{id}"]
    failure = case.find("failure")
    assert failure is not None and "not checked: no 2xx among" in (failure.text or failure.get("message", ""))
    assert "UNCHECKED" in result.stdout and "NOT CHECKED: 1 of 1" in result.stdout


@pytest.mark.slow
def test_served_the_fake_reaches_every_success_path_over_real_http(tmp_path) -> None:
    result = run(["--target", "served", "--junit", "."], {}, "digitalchalk", tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    summary = [line for line in result.stdout.splitlines() if line.startswith("digitalchalk fake (served at")][-1]
    assert "4/4 operations passed" in summary
    fewest = int(summary.split("(each with ", 1)[1].split(" ", 1)[0])
    assert fewest >= 5


@pytest.mark.slow
@pytest.mark.parametrize("vendor", VENDORS)
def test_plain_schemathesis_passes_on_the_unmodified_fake(vendor) -> None:
    # The documented plain-schemathesis command (docs/contracts.md), with the repository's schemathesis.toml
    # (mutants.launch serves the fake and passes the credential headers a user passes with -H).
    result = subprocess.run(
        [sys.executable, "-m", "mutants.launch", "none", "plain", vendor, "--max-examples", "10"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:]
