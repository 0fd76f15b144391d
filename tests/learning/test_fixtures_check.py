"""`lmskit fixtures check`: a fixture recorded against one version of a spec, then a spec edit that breaks it."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from tests.conftest import ABSORB_ENROLLMENT, REPO, run_lmskit

ENROLLMENT = ABSORB_ENROLLMENT


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.email=t@example.invalid", "-c", "user.name=t"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def test_a_spec_edit_makes_a_recorded_fixture_stale_and_the_change_is_named(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    specs = repo / "specs"
    specs.mkdir(parents=True)
    original = (REPO / "specs" / "absorb.yaml").read_text(encoding="utf-8")
    (specs / "absorb.yaml").write_text(original, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "v1")
    stamp = hashlib.sha256(original.encode()).hexdigest()
    for name, status in (("still-valid", 3), ("broken", 1)):
        envelope = {
            "lmskit": {"vendor": "absorb", "operationId": "getCourseEnrollment", "spec_sha256": stamp},
            "request": {"method": "GET", "url": f"https://rest.myabsorb.com/enrollments/{ENROLLMENT['id']}"},
            "response": {"status": 200, "headers": {}, "body": {**ENROLLMENT, "status": status}},
        }
        folder = repo / "recordings" / "absorb" / "getCourseEnrollment"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.json").write_text(json.dumps(envelope), encoding="utf-8")

    current = run_lmskit("fixtures", "check", "recordings", "--specs-dir", "specs", cwd=repo)
    assert current.exit_code == 0, current.stdout + current.stderr
    assert "2 fixture(s): 2 current" in current.stdout

    old_enum = "enum: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"
    edited = original.replace(old_enum, "enum: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]").replace(
        "x-enum-varnames: [NotStarted, InProgress, ", "x-enum-varnames: [NotStarted, "
    )
    assert edited != original
    (specs / "absorb.yaml").write_text(edited, encoding="utf-8")
    git(repo, "commit", "-qam", "v2: InProgress is gone")

    stale = run_lmskit("fixtures", "check", "recordings", "--specs-dir", "specs", cwd=repo)
    assert stale.exit_code == 1, stale.stdout + stale.stderr
    assert "2 fixture(s): 0 current, 1 stale but valid, 1 stale and failing" in stale.stdout
    assert "broken.json [stale, now failing; recorded against" in stale.stdout
    assert "(the spec at git " in stale.stdout
    assert "/status: 1 is not one of" in stale.stdout
    assert "spec change (info): response 200 /status: value(s) 1 are no longer sent" in stale.stdout
