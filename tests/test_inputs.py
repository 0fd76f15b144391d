"""Inputs a careless or hostile user can hand the kit: each is one ``lmskit: …`` line and exit 2 (no traceback,
hang or runaway memory) — FIFOs and devices where a file is read, broken settings, specs that recurse or blow up,
overlays that multiply the document or break a schema, a revision that is an option, a binary file in git."""

from __future__ import annotations

import copy
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from lmskit.diff.compare import diff_documents
from tests.conftest import REPO, invoke_lmskit
from tests.diff.test_diff import base


def one_line_exit_2(result: Any, *expected: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lmskit: ") and "Traceback" not in result.stderr, result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "capture.json"
    os.mkfifo(path)
    return path


def test_a_fifo_or_a_device_where_a_file_is_read(fifo: Path, tmp_path: Path) -> None:
    spec = str(REPO / "specs" / "absorb.yaml")
    for device in (fifo, Path("/dev/zero")):
        one_line_exit_2(invoke_lmskit("redact", device, "--out", tmp_path / "out"), str(device), "not a file")
        one_line_exit_2(invoke_lmskit("fixtures", "check", device), str(device), "not a file")
        one_line_exit_2(invoke_lmskit("diff", device, spec), str(device), "not a file")
        one_line_exit_2(invoke_lmskit("lint", "--overlay", f"absorb={device}"), "not a file")


def test_a_folder_holding_a_fifo_is_redacted_without_waiting_for_it(fifo: Path, tmp_path: Path) -> None:
    result = invoke_lmskit("redact", fifo.parent, "--out", tmp_path / "out")
    assert result.exit_code == 0 and "0 file(s)" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'tool = "x"\n', "`tool` must be a table"),
        (b"tool = [1]\n", "`tool` must be a table"),
        (b'[tool.lmskit]\noverlays = ["\xff"]\n', "not UTF-8"),
        (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ],
    ids=["tool-string", "tool-list", "not-utf8", "deep-array"],
)
def test_broken_project_settings(
    content: bytes, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    monkeypatch.chdir(tmp_path)
    one_line_exit_2(invoke_lmskit("lint"), "pyproject.toml", expected)


# --- diff -------------------------------------------------------------------------------------------------------


def test_a_self_referencing_all_of_and_a_doubling_chain_are_read_once_per_schema() -> None:
    old = base()
    schemas = old["components"]["schemas"]
    schemas["Item"]["allOf"] = [{"$ref": "#/components/schemas/Item"}, {"$ref": "#/components/schemas/Level0"}]
    for level in range(40):  # each level names the next twice: 2**40 visits without a guard
        following = {"$ref": f"#/components/schemas/Level{level + 1}"}
        schemas[f"Level{level}"] = {"allOf": [following, copy.deepcopy(following)]}
    schemas["Level40"] = {"type": "object", "properties": {"deep": {"type": "string"}}}
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Level40"]["properties"]["deep"] = {"type": "integer"}
    changes = diff_documents(old, new, "client")
    assert [(c.kind, c.where) for c in changes] == [("response-type-changed", "response 200 /deep")]


def test_a_new_required_field_inside_a_one_of_branch_is_found() -> None:
    old = base()
    post = old["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]
    post["schema"] = {
        "oneOf": [
            {"type": "object", "properties": {"grade": {"type": "number"}}},
            {"type": "object", "properties": {"status": {"type": "string"}}},
        ]
    }
    new = copy.deepcopy(old)
    branch = new["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"]["oneOf"][0]
    branch["properties"]["comment"] = {"type": "string"}
    branch["required"] = ["comment"]
    kinds = [(c.severity, c.kind, c.where) for c in diff_documents(old, new, "client")]
    assert ("breaking", "request-field-required", "request body (oneOf 1)/comment") in kinds
    grown = copy.deepcopy(old)
    schema = grown["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    schema["oneOf"].append({"type": "object"})
    assert [c.kind for c in diff_documents(old, grown, "client")] == ["request-oneOf-branch-added"]


def _repo_with(tmp_path: Path, name: str, content: bytes) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / name).write_bytes(content)
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        subprocess.run(["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", *args], cwd=repo, check=True)
    return repo


def test_a_revision_is_never_an_option_and_a_binary_blob_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo_with(tmp_path, "blob.yaml", bytes(range(256)) * 4)
    monkeypatch.chdir(repo)
    spec = REPO / "specs" / "absorb.yaml"
    one_line_exit_2(invoke_lmskit("diff", "HEAD:blob.yaml", spec), "not UTF-8")
    written = repo / "written.txt"
    one_line_exit_2(invoke_lmskit("diff", "--", f"--output={written}:x", spec), "not REV:path")
    assert not written.exists()


# --- overlays ---------------------------------------------------------------------------------------------------


def _overlay(tmp_path: Path, actions: list[dict[str, Any]]) -> Path:
    path = tmp_path / "overlay.yaml"
    document = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": actions}
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_an_overlay_that_multiplies_the_document_is_refused(tmp_path: Path) -> None:
    grow = {"target": "$..[?@.*]", "update": {"x-copy": {f"k{n}": list(range(10)) for n in range(10)}}}
    path = _overlay(tmp_path, [grow] * 6)
    one_line_exit_2(invoke_lmskit("lint", "absorb", "--overlay", f"absorb={path}"), "would grow the document past")


def test_an_overlay_that_breaks_a_schema_is_refused_when_loaded(tmp_path: Path) -> None:
    broken = {"target": "$.components.schemas.TimeSpan", "update": {"pattern": "([unclosed"}}
    path = _overlay(tmp_path, [broken])
    result = invoke_lmskit("validate", "--overlay", f"absorb={path}", REPO / "contracts")
    one_line_exit_2(result, "is not valid JSON Schema", "/components/schemas/TimeSpan")


def test_a_huge_body_of_the_wrong_type_is_one_short_finding(tmp_path: Path) -> None:
    rows = ",".join(f'{{"id":{n}}}' for n in range(300_000))
    envelope = (
        '{"request": {"method": "GET", "url": "https://rest.myabsorb.com/users/'
        '0f8fad5b-d9cb-469f-a165-70867728950e/enrollments"}, "response": {"status": 200, "headers":'
        ' {"content-type": "application/json"}, "body": [' + rows + "]}}"
    )
    path = tmp_path / "huge.json"
    path.write_text(envelope, encoding="utf-8")
    result = invoke_lmskit("validate", path)
    assert result.exit_code == 1
    assert "an array of 300,000 items is not of type" in result.stdout and len(result.stdout) < 2000
