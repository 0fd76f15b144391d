"""Every command's --help: an example to copy, settings spelled as written (no markup eaten), and a one-line
summary in `lmskit --help`."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmskit.cli import app
from lmskit.fakes import get_fake
from lmskit.fakes.app import build_app
from lmskit.fakes.server import FakeServer
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


def test_fixtures_check_judges_sidecar_fixtures_and_says_when_there_is_no_git(tmp_path: Path) -> None:
    import json

    kit = invoke_lmskit("fixtures", "check", REPO / "contracts" / "fixtures")
    assert kit.exit_code == 0, kit.stdout + kit.stderr
    assert "failing as their sidecar expects" in kit.stdout
    envelope = {
        "lmskit": {"vendor": "bridge", "operationId": "listProgramEnrollments", "spec_sha256": "0" * 64},
        "request": {"method": "GET", "url": "https://acme.bridgeapp.com/api/author/programs/1/learners"},
        "response": {"status": 200, "headers": {"content-type": "application/json"}, "body": {"enrollments": 1}},
    }
    (tmp_path / "stale.json").write_text(json.dumps(envelope), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    outside = invoke_lmskit("fixtures", "check", tmp_path)
    assert outside.exit_code == 1
    assert "not in a git checkout" in outside.stdout and "broken.json: not JSON" in outside.stdout


def test_a_har_whose_page_title_says_entries_is_read(tmp_path: Path) -> None:
    import json

    fixture = json.loads(
        (REPO / "contracts" / "fixtures" / "absorb" / "authenticate")
        .joinpath(
            sorted(p.name for p in (REPO / "contracts" / "fixtures" / "absorb" / "authenticate").glob("*.json"))[0]
        )
        .read_text(encoding="utf-8")
    )
    entry = {
        "request": {"method": fixture["request"]["method"], "url": fixture["request"]["url"], "headers": []},
        "response": {
            "status": fixture["response"]["status"],
            "headers": [{"name": "Content-Type", "value": "application/json"}],
            "content": {"mimeType": "application/json", "text": json.dumps(fixture["response"]["body"])},
        },
    }
    har = {"log": {"version": "1.2", "pages": [{"title": 'the "entries": [ page'}], "entries": [entry]}}
    (tmp_path / "titled.har").write_text(json.dumps(har), encoding="utf-8")
    result = invoke_lmskit("validate", tmp_path / "titled.har")
    assert result.exit_code == 0 and "1 response(s)" in result.stdout, result.stdout + result.stderr


def test_recordings_made_behind_a_path_prefix_validate(tmp_path: Path) -> None:
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer

    fake = get_fake("bridge")
    app = build_app(fake)
    environment = {f"LMSKIT_BRIDGE_{key}": value for key, value in fake.credentials(app.state.seed).items()}

    async def prefixed(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
        if scope["type"] == "http" and scope["path"].startswith("/gw"):
            scope = {**scope, "path": scope["path"][3:], "raw_path": scope["raw_path"][3:]}
        await app(scope, receive, send)  # type: ignore[arg-type]

    with FakeServer(prefixed, base_path="") as server:  # type: ignore[arg-type]
        recorded = invoke_lmskit(
            "record",
            "bridge",
            "--target",
            server.root_url + "/gw",
            "--out",
            tmp_path,
            "--param",
            "program_id=1",
            "--budget",
            "10",
            env=environment,
        )
    assert recorded.exit_code == 0, recorded.stderr
    checked = invoke_lmskit("validate", tmp_path / "bridge")
    assert checked.exit_code == 0 and "not covered" not in checked.stdout, checked.stdout


def test_record_with_partial_credentials_names_each_one_once(tmp_path: Path) -> None:
    partial = {"LMSKIT_ABSORB_API_KEY": "", "LMSKIT_ABSORB_USERNAME": "x", "LMSKIT_ABSORB_PASSWORD": None}
    with FakeServer(build_app(get_fake("absorb"))) as server:
        result = invoke_lmskit("record", "absorb", "--target", server.base_url, "--out", tmp_path, env=partial)
    assert (result.exit_code, result.stderr.strip()) == (
        2,
        "lmskit: absorb: no credentials for any security requirement of the spec; provide API_KEY + USERNAME +"
        " PASSWORD (LMSKIT_ABSORB_API_KEY, LMSKIT_ABSORB_USERNAME, LMSKIT_ABSORB_PASSWORD)",
    )
    assert list(tmp_path.iterdir()) == []


def test_envelope_headers_as_a_list_are_read_and_a_wrong_shape_is_the_documented_line(tmp_path: Path) -> None:
    import json

    envelope = {
        "request": {"method": "GET", "url": "https://acme.bridgeapp.com/api/author/programs/1/learners"},
        "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "application/json"}], "body": {}},
    }
    listed = tmp_path / "listed.json"
    listed.write_text(json.dumps(envelope), encoding="utf-8")
    assert "must be" not in invoke_lmskit("validate", listed).stderr
    envelope["response"]["headers"] = "content-type: application/json"  # type: ignore[index]
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(envelope), encoding="utf-8")
    result = invoke_lmskit("validate", wrong)
    quoted = "/response/headers must be an object {name: value} or a list of {name, value} objects, not a string"
    assert result.exit_code == 2 and quoted in result.stderr
    assert quoted in (REPO / "docs" / "validation.md").read_text(encoding="utf-8")  # the docs quote what users get
