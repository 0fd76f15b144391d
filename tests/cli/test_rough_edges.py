"""Every command's --help: an example to copy, settings spelled as written (no markup eaten), and a one-line
summary in `lmskit --help`."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmskit.cli import app
from tests.conftest import REPO, invoke_lmskit

COMMANDS = [info.name or "" for info in app.registered_commands] + ["fixtures check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_help_page_has_an_example(command: str) -> None:
    result = invoke_lmskit(*command.split(), "--help", env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "Example" in result.stdout, command
    if "--no-config" in result.stdout:
        assert "[tool.lmskit]" in result.stdout  # rich markup would eat the brackets


def test_the_command_list_gives_one_line_each() -> None:
    result = invoke_lmskit("--help", env={"COLUMNS": "200", "NO_COLOR": "1"})
    for name in ("redact", "record", "diff"):
        [line] = [line for line in result.stdout.splitlines() if line.startswith(f"│ {name} ")]
        assert line.rstrip(" │").endswith((".", "breaking.", "drift`.")), line


def test_a_drift_overlay_with_nothing_to_correct_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "fix.yaml"
    fixture = REPO / "contracts" / "fixtures" / "absorb"
    valid = next(path for path in sorted(fixture.rglob("*.json")) if "200" in path.name and "evidence" not in str(path))
    result = invoke_lmskit("validate", valid, "--drift", "--drift-overlay", target)
    assert "nothing to correct" in result.stderr and not target.exists(), result.stderr


def test_a_folder_with_a_file_that_is_no_capture_still_gets_a_whole_json_report(tmp_path: Path) -> None:
    import json

    for path in sorted((REPO / "contracts" / "fixtures" / "absorb" / "authenticate").glob("*.json"))[:1]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "zz-notes.json").write_text('{"hello": 1}', encoding="utf-8")
    result = invoke_lmskit("validate", "--format", "json", tmp_path)
    report = json.loads(result.stdout)  # a whole document
    assert result.exit_code == 1 and report["valid"] == 1
    assert [item["file"] for item in report["unusable"]] == [str(tmp_path / "zz-notes.json")]
    strict = invoke_lmskit("validate", "--format", "json", "--strict", tmp_path)
    assert strict.exit_code == 2 and "zz-notes.json" in strict.stderr
