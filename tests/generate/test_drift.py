from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lmskit.errors import GenerationError
from lmskit.generate import client as client_module
from lmskit.generate.drift import DriftKind, check_drift, compare_trees
from lmskit.spec.api import load_api
from tests.conftest import REPO, SPECS, run_lmskit


def test_committed_clients_match_a_fresh_generation(vendor_name: str) -> None:
    assert check_drift(load_api(vendor_name), REPO / "generated") == []


def test_one_field_spec_edit_is_caught_with_a_per_file_diff(spec_copy) -> None:
    copy = spec_copy("digitalchalk")
    copy.replace(
        "        graderComment:\n          type: string\n          description: The grader's comment.\n",
        "        graderComment:\n          type: string\n          description: The grader's comment.\n"
        "        graderEmail:\n          type: string\n",
    )
    drifts = check_drift(load_api("digitalchalk", spec_path=copy.path), REPO / "generated")
    assert [(d.relative_path, d.kind) for d in drifts] == [
        ("generated/digitalchalk_client/models/registration.py", DriftKind.changed)
    ]
    [drift] = drifts
    assert drift.diff.startswith("--- a/generated/digitalchalk_client/models/registration.py (committed)\n")
    assert "+    grader_email: str | Unset = UNSET\n" in drift.diff


def test_cli_check_exits_1_and_prints_the_diff_when_a_spec_changed(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    bridge = specs / "bridge.yaml"
    bridge.write_text(
        bridge.read_text().replace(
            '        program_due: {type: [integer, "null"], ', '        program_due: {type: [number, "null"], '
        )
    )
    result = run_lmskit("generate", "bridge", "--check", "--specs-dir", specs, "--output-dir", REPO / "generated")
    assert result.exit_code == 1
    assert "generated/bridge_client/models/program_enrollment_response.py: changed" in result.stdout
    assert "-    program_due: int | None | Unset = UNSET" in result.stdout
    assert "+    program_due: float | None | Unset = UNSET" in result.stdout
    assert "the committed clients are stale; run `nox -s generate` (or `lmskit generate`)" in result.stderr


def test_cli_check_passes_on_the_clean_tree() -> None:
    result = run_lmskit("generate", "--check")
    assert result.exit_code == 0, result.stdout[-2000:] + result.stderr
    assert result.stderr.count("up to date") == 3


def test_generate_writes_a_client_that_matches_the_committed_one(tmp_path: Path) -> None:
    result = run_lmskit("generate", "absorb", "--output-dir", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert compare_trees(REPO / "generated" / "absorb_client", tmp_path / "absorb_client", "x") == []
    assert not (tmp_path / ".lmskit-staging").exists()


def test_compare_trees_reports_missing_and_extra_files(tmp_path: Path) -> None:
    committed, fresh = tmp_path / "committed", tmp_path / "fresh"
    committed.mkdir()
    fresh.mkdir()
    (committed / "old.py").write_text("x = 1\n")
    (fresh / "new.py").write_text("y = 2\n")
    (committed / "same.py").write_text("z = 3\n")
    (fresh / "same.py").write_text("z = 3\n")
    drifts = compare_trees(committed, fresh, "pkg")
    assert [(d.relative_path, d.kind) for d in drifts] == [
        ("pkg/new.py", DriftKind.missing),
        ("pkg/old.py", DriftKind.extra),
    ]


def test_generation_refuses_other_generator_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module.metadata, "version", lambda package: "0.28.0")
    with pytest.raises(
        GenerationError, match=r'openapi-python-client is 0.28.0, .* run `pip install "openapi-python-client==0.29.1"`'
    ):
        client_module.check_pinned_versions()


def test_generator_failure_is_one_readable_line(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    # A mixed-type enum makes openapi-python-client drop the schema; --fail-on-warning turns that into a failure.
    (specs / "bridge.yaml").write_text(
        (SPECS / "bridge.yaml").read_text().replace("      enum: [active, complete]", "      enum: [active, 1]")
    )
    result = run_lmskit("generate", "bridge", "--specs-dir", specs, "--output-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"lmskit: {specs / 'bridge.yaml'}: openapi-python-client failed (exit 1):")
    assert not (tmp_path / "out" / "bridge_client").exists()


def test_a_missing_specs_dir_says_so(tmp_path: Path) -> None:
    result = run_lmskit("generate", "--specs-dir", tmp_path / "nowhere", cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"lmskit: {tmp_path / 'nowhere'}: no such folder; pass the folder holding <vendor>.yaml"
    )


def test_overlays_never_overwrite_the_committed_clients(tmp_path: Path) -> None:
    overlay = tmp_path / "acme.yaml"
    overlay.write_text(
        "overlay: 1.0.0\ninfo: {title: acme, version: '1'}\nextends: absorb.yaml\n"
        "actions: [{target: $.info, update: {x-acme: true}}]\n"
    )
    result = run_lmskit("generate", "absorb", "--overlay", overlay)
    assert result.exit_code == 2
    assert "overlays change the client: pass --out DIR" in result.stderr
    assert "Traceback" not in result.stderr
