"""The CLI's answers to common mistakes, kept as reviewed snapshots (syrupy; `pytest --snapshot-update` rewrites
them after a deliberate change): the exit code, stdout and stderr of each, in this process. A changed word in an
error, a second line, a traceback or a different exit code shows up as a diff to review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_lmskit

CASES = {
    "unknown-vendor": ["operations", "nobody"],
    "serve-beyond-loopback": ["serve", "absorb", "--host", "0.0.0.0", "--port", "0"],
    "proxy-beyond-loopback": ["proxy", "absorb", "--target", "https://rest.myabsorb.com", "--host", "10.1.2.3"],
    "proxy-target-not-a-url": ["proxy", "absorb", "--target", "rest.myabsorb.com"],
    "lint-two-missing-specs": ["lint", "missing.yaml", "gone.yaml"],
    "lint-one-missing-spec": ["lint", "missing.yaml"],
    "validate-empty-folder": ["validate", "empty"],
    "validate-missing-file": ["validate", "nothing.json"],
    "validate-foreign-host": ["validate", "foreign.json"],
    "validate-unknown-operation": ["validate", "--vendor", "absorb", "--operation", "getNothing", "body.json"],
    "contract-writes-on-a-fake": ["contract", "digitalchalk", "--allow-writes"],
    "record-target-not-a-url": ["record", "absorb", "--target", "notaurl"],
    "diff-same-spec": ["diff", "absorb.yaml", "absorb.yaml"],
    "diff-missing-spec": ["diff", "absorb.yaml", "missing.yaml"],
    "generate-unknown-vendor": ["generate", "nobody", "--out", "client"],
    "fixtures-check-missing-folder": ["fixtures", "check", "nowhere"],
    "usage-option-of-the-wrong-type": ["serve", "absorb", "--port", "abc"],
    "usage-limit-out-of-range": ["--max-depth", "0", "lint"],
    "usage-unknown-option": ["fixtures", "check", "--nope"],
    "usage-missing-argument": ["serve"],
}


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "empty").mkdir()
    shutil.copy(REPO / "specs" / "absorb.yaml", tmp_path / "absorb.yaml")
    (tmp_path / "body.json").write_text("{}", encoding="utf-8")
    foreign = '{"request": {"method": "GET", "url": "https://example.com/x"}, "response": {"status": 200}}'
    (tmp_path / "foreign.json").write_text(foreign, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_cli_answer_matches_its_snapshot(case: str, workdir: Path, snapshot: object) -> None:
    result = run_lmskit(*CASES[case], cwd=workdir, without_lmskit_env=True)
    answer = {"exit": result.exit_code, "stdout": result.stdout, "stderr": result.stderr}
    assert "Traceback" not in result.stdout + result.stderr
    assert answer == snapshot
