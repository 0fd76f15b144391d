"""`lmskit diff` on hand-made spec pairs, one per change kind, and on a real edit of specs/absorb.yaml in git."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lmskit.diff.compare import diff_documents
from tests.conftest import REPO, run_lmskit


def base() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/items/{id}": {
                "get": {
                    "operationId": "getItem",
                    "tags": ["Items"],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "expand", "in": "query", "schema": {"type": "string", "enum": ["a", "b"]}},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                        },
                        "404": {"description": "no"},
                    },
                }
            },
            "/items": {
                "post": {
                    "operationId": "createItem",
                    "tags": ["Items"],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["name"],
                                    "properties": {"name": {"type": "string"}, "note": {"type": "string"}},
                                }
                            }
                        },
                    },
                    "responses": {"201": {"description": "made"}},
                }
            },
        },
        "components": {
            "schemas": {
                "Item": {
                    "type": "object",
                    "required": ["id", "state"],
                    "properties": {
                        "id": {"type": "string"},
                        "state": {"$ref": "#/components/schemas/State"},
                        "count": {"type": "integer"},
                        "seen": {"type": "string", "format": "date-time"},
                        "label": {"type": "string"},
                    },
                },
                "State": {"type": "string", "enum": ["active", "done"]},
            }
        },
    }


def item(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]["Item"]


def get_op(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"]["/items/{id}"]["get"]


def post_body(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"]


def post_responses(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["paths"]["/items"]["post"]["responses"]


OK = {"200": {"description": "x"}}
TEXT = {"type": "string"}

CASES: dict[str, tuple[Callable[[dict[str, Any]], Any], str, str, str]] = {
    "operation removed": (lambda d: d["paths"].pop("/items"), "breaking", "operation-removed", "api.items.create_item"),
    "operation renamed": (
        lambda d: get_op(d).update(operationId="fetchItem"),
        "breaking",
        "operation-renamed",
        "api.items.fetch_item",
    ),
    "operation moved": (
        lambda d: d["paths"].__setitem__("/things/{id}", d["paths"].pop("/items/{id}")),
        "breaking",
        "operation-moved",
        "api.items.get_item",
    ),
    "operation added": (
        lambda d: d["paths"].__setitem__(
            "/other", {"get": {"operationId": "other", "responses": {"200": {"description": "x"}}}}
        ),
        "info",
        "operation-added",
        "api.default.other",
    ),
    "new required parameter": (
        lambda d: get_op(d)["parameters"].append(
            {"name": "tenant", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        "breaking",
        "request-parameter-added",
        "api.items.get_item",
    ),
    "new optional parameter": (
        lambda d: get_op(d)["parameters"].append({"name": "page", "in": "query", "schema": {"type": "integer"}}),
        "info",
        "request-parameter-added",
        "api.items.get_item",
    ),
    "parameter became required": (
        lambda d: get_op(d)["parameters"][1].update(required=True),
        "breaking",
        "request-parameter-required",
        "api.items.get_item",
    ),
    "parameter removed": (lambda d: get_op(d)["parameters"].pop(1), "breaking", "request-parameter-removed", ""),
    "request enum value removed": (
        lambda d: get_op(d)["parameters"][1]["schema"].update(enum=["a"]),
        "breaking",
        "request-enum-value-removed",
        "",
    ),
    "request body field required": (
        lambda d: post_body(d)["required"].append("note"),
        "breaking",
        "request-field-required",
        "",
    ),
    "new required request field": (
        lambda d: (
            post_body(d)["properties"].update(size={"type": "integer"}),
            post_body(d)["required"].append("size"),
        ),
        "breaking",
        "request-field-required",
        "",
    ),
    "response field removed": (
        lambda d: item(d)["properties"].pop("label"),
        "breaking",
        "response-field-removed",
        "models.Item.label",
    ),
    "response type changed": (
        lambda d: item(d)["properties"]["count"].update(type="string"),
        "breaking",
        "response-type-changed",
        "models.Item.count",
    ),
    "response typed format changed": (
        lambda d: item(d)["properties"]["seen"].pop("format"),
        "breaking",
        "response-format-changed",
        "models.Item.seen",
    ),
    "response plain format changed": (
        lambda d: item(d)["properties"]["label"].update(format="email"),
        "warning",
        "response-format-changed",
        "models.Item.label",
    ),
    "new enum value in a response": (
        lambda d: d["components"]["schemas"]["State"]["enum"].append("archived"),
        "breaking",
        "response-enum-value-added",
        "models.State",
    ),
    "enum value no longer sent": (
        lambda d: d["components"]["schemas"]["State"]["enum"].remove("done"),
        "info",
        "response-enum-value-removed",
        "models.State",
    ),
    "field turned nullable": (
        lambda d: item(d)["properties"]["count"].update(type=["integer", "null"]),
        "breaking",
        "response-field-nullable",
        "models.Item.count",
    ),
    "field turned optional": (
        lambda d: item(d)["required"].remove("state"),
        "breaking",
        "response-field-optional",
        "models.Item.state",
    ),
    "new response field": (
        lambda d: item(d)["properties"].update(extra={"type": "string"}),
        "info",
        "response-field-added",
        "models.Item.extra",
    ),
    "success status removed": (
        lambda d: d["paths"]["/items"]["post"]["responses"].__setitem__(
            "200", d["paths"]["/items"]["post"]["responses"].pop("201")
        ),
        "breaking",
        "response-status-removed",
        "",
    ),
    "new error status": (
        lambda d: get_op(d)["responses"].update({"429": {"description": "slow down"}}),
        "warning",
        "response-status-added",
        "",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_each_change_kind_is_found_with_its_severity_and_client_symbol(case: str) -> None:
    edit, severity, kind, symbol = CASES[case]
    old = base()
    new = copy.deepcopy(old)
    edit(new)
    changes = diff_documents(old, new, "acme_client")
    found = [change for change in changes if change.kind == kind]
    assert found, [c.to_json() for c in changes]
    assert found[0].severity == severity
    if symbol:
        assert any(s.endswith(symbol) for s in found[0].symbols), found[0].symbols


def test_an_unchanged_spec_has_no_change() -> None:
    assert diff_documents(base(), base(), "acme_client") == []


def test_the_cli_diffs_a_real_edit_of_absorb_in_git_as_markdown(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    spec = repo / "specs" / "absorb.yaml"
    spec.write_text((REPO / "specs" / "absorb.yaml").read_text(encoding="utf-8"), encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "specs")
    text = spec.read_text(encoding="utf-8")
    old_enum = "enum: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]"
    assert text.count(old_enum) == 1
    text = text.replace(old_enum, "enum: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]")
    text = text.replace("PendingProctor, ReadyForReview]", "PendingProctor, ReadyForReview, Archived]")
    spec.write_text(text, encoding="utf-8")
    result = run_lmskit("diff", "HEAD:specs/absorb.yaml", "specs/absorb.yaml", "--format", "markdown", cwd=repo)
    assert result.exit_code == 1, result.stderr
    # Two entries (one per shared schema), standing for 35 changes by operation: the headline says both.
    assert result.stdout.startswith(
        "### lmskit diff: 1 breaking, 0 warning, 1 info (35 changes by operation: 18 breaking, 0 warning, 17 info)\n"
    )
    assert (
        "| **breaking** | new value(s) 14: code that handles each value meets one it does not know |" in result.stdout
    )
    assert "`absorb_client.models.EnrollmentStatus`" in result.stdout
    same = run_lmskit("diff", "HEAD:specs/absorb.yaml", "HEAD:specs/absorb.yaml", "--format", "json", cwd=repo)
    assert same.exit_code == 0 and json.loads(same.stdout)["summary"] == {"breaking": 0, "warning": 0, "info": 0}


def test_a_revision_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    result = run_lmskit("diff", "nosuchrev:specs/absorb.yaml", "specs/absorb.yaml")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("lmskit: nosuchrev:specs/absorb.yaml: not a spec at that revision")
