"""What a person sees while a contract run goes: a live footer per vendor at a terminal, plain lines in CI, and
vendors run side by side with --workers."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from rich.console import Console

from lmskit.contract.live_view import LiveView
from lmskit.contract.stats import VendorStats
from lmskit.redaction.secrets import KnownSecrets
from tests.conftest import REPO, run_lmskit


def test_the_live_footer_names_each_vendor_its_progress_and_the_running_operation() -> None:
    stats = VendorStats("absorb", target="absorb fake (in-process)")
    running = stats.operation("GET /users/{userId}/enrollments")
    running.cases = 12
    stats.operation("GET /myenrollments").outcome = "passed"
    failed = stats.operation("GET /enrollments/{id}")
    failed.outcome = "failed"
    redactor = KnownSecrets()
    redactor.add("tok-secret-123")
    view = LiveView(lambda: [stats], redactor.scrub)
    view.began("absorb", running)
    console = Console(file=io.StringIO(), width=200)
    console.print(view)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "absorb" in text
    assert "2/6 tests, 12 cases, 1 failed" in text
    assert "running GET /users/{userId}/enrollments (12 cases, 0 s)" in text


@pytest.mark.slow
def test_at_a_terminal_the_run_draws_its_footer_and_still_ends_with_the_summary() -> None:
    controller, terminal = pty.openpty()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "lmskit", "contract", "digitalchalk", "--max-examples", "2"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**environment, "COLUMNS": "160", "TERM": "xterm"},
        cwd=REPO,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=120) == 0
    os.close(controller)
    output = b"".join(chunks).decode("utf-8", errors="replace")
    assert "digitalchalk ok      GET /registrations" in output
    assert "tests," in output, "the live footer was drawn"
    assert "digitalchalk fake (in-process): 4/4 operations passed" in output


@pytest.mark.slow
def test_workers_run_vendors_side_by_side_and_merge_their_junit(tmp_path: Path) -> None:
    result = run_lmskit(
        "contract",
        "digitalchalk",
        "bridge",
        "--workers",
        "2",
        "--max-examples",
        "2",
        "--junit",
        tmp_path,
        timeout=300,
        without_lmskit_env=True,
    )
    assert result.exit_code == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "digitalchalk fake (in-process): 4/4 operations passed" in result.stdout
    assert "bridge fake (in-process): 5/5 operations passed" in result.stdout
    suites = ElementTree.parse(tmp_path / "lmskit-contracts.xml").getroot().findall("testsuite")
    assert sorted(suite.get("name") for suite in suites) == ["bridge", "digitalchalk"]
