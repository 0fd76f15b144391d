"""OpenAPI Overlay 1.0: the merge rules, removal, copy, positions that follow the nodes, and one-line errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lmskit.errors import SpecError
from lmskit.spec.api import load_api
from lmskit.spec.loader import parse_spec
from lmskit.spec.overlay import OverlayError, apply_overlays, load_overlay
from tests.conftest import REPO, run_lmskit

SPEC = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths: {}
    tags:
      - name: a
      - name: b
      - name: c
    components:
      schemas:
        Item:
          type: object
          required: [id]
          properties:
            id: {type: string}
            state: {type: string, enum: [active, done]}
    """
)


def overlay(tmp_path: Path, body: str, name: str = "o.yaml") -> Path:
    path = tmp_path / name
    path.write_text("overlay: 1.0.0\ninfo: {title: test, version: '1'}\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def applied(tmp_path: Path, body: str):
    spec = parse_spec(SPEC, tmp_path / "spec.yaml")
    return apply_overlays(spec, [load_overlay(overlay(tmp_path, body))])


def test_update_merges_objects_appends_arrays_and_replaces_the_rest(tmp_path) -> None:
    spec = applied(
        tmp_path,
        """\
        actions:
          - target: $.components.schemas.Item
            update:
              required: [state]
              description: an item
              properties:
                state: {enum: [paused]}
                note: {type: string, example: hi}
          - target: $.tags
            update: {name: d}
        """,
    )
    item = spec.document["components"]["schemas"]["Item"]
    assert item["required"] == ["id", "state"]
    assert item["properties"]["state"] == {"type": "string", "enum": ["active", "done", "paused"]}
    assert item["properties"]["note"] == {"type": "string", "example": "hi"}
    assert item["description"] == "an item"
    assert [tag["name"] for tag in spec.document["tags"]] == ["a", "b", "c", "d"]


def test_nodes_an_overlay_adds_are_located_in_the_overlay_and_the_rest_in_the_spec(tmp_path) -> None:
    spec = applied(
        tmp_path,
        """\
        actions:
          - target: $.components.schemas.Item.properties
            update:
              note: {type: string}
        """,
    )
    note = "/components/schemas/Item/properties/note"
    assert spec.source_of(note) == tmp_path / "o.yaml"
    assert spec.locate(note).endswith("o.yaml:6:7")
    assert spec.source_of("/components/schemas/Item/properties/id") == tmp_path / "spec.yaml"


def test_remove_deletes_every_selected_node_and_later_items_keep_their_lines(tmp_path) -> None:
    spec = applied(
        tmp_path,
        """\
        actions:
          - target: $.tags[?@.name == 'a']
            remove: true
          - target: $.components.schemas.Item.properties.state
            remove: true
        """,
    )
    assert [tag["name"] for tag in spec.document["tags"]] == ["b", "c"]
    assert "state" not in spec.document["components"]["schemas"]["Item"]["properties"]
    # The tag that moved from /tags/1 to /tags/0 still points at its own line (b is on line 6).
    assert spec.position_of("/tags/0").line == 6


def test_copy_from_overlay_1_1_duplicates_a_node(tmp_path) -> None:
    spec = applied(
        tmp_path,
        """\
        actions:
          - target: $.components.schemas
            update: {Other: {}}
          - target: $.components.schemas.Other
            copy: $.components.schemas.Item
        """,
    )
    schemas = spec.document["components"]["schemas"]
    assert schemas["Other"] == schemas["Item"] and schemas["Other"] is not schemas["Item"]


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ("actions:\n  - target: $.components.schemas.Missing\n    update: {x: 1}\n", "selects nothing in", 4),
        ("actions:\n  - target: $.paths[\n    update: {x: 1}\n", "target is not JSONPath", 4),
        ("actions:\n  - target: components\n    update: {x: 1}\n", "a JSONPath query starting with $", 4),
        ("actions:\n  - target: $.info\n", "does nothing; give it `update`, `remove: true` or `copy`", 4),
        ("actions:\n  - target: $.info\n    remove: yes please\n", "`remove` must be true or false", 5),
        ("actions:\n  - target: $.info\n    merge: {x: 1}\n", "unknown key 'merge'", 5),
        ("actions:\n  - target: $.info.title\n    update: {x: 1}\n", "is a str value", 4),
        ("actions: []\n", "`actions` must be a non-empty list", 3),
    ],
)
def test_a_bad_overlay_is_one_line_with_its_place(tmp_path, body, message, line) -> None:
    spec = parse_spec(SPEC, tmp_path / "spec.yaml")
    with pytest.raises(OverlayError) as caught:
        apply_overlays(spec, [load_overlay(overlay(tmp_path, body))])
    text = str(caught.value)
    assert message in text
    assert text.startswith(f"{tmp_path / 'o.yaml'}:{line}:")
    assert "\n" not in text


def test_an_openapi_document_or_yaml_error_is_not_an_overlay(tmp_path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    with pytest.raises(OverlayError, match="this is an OpenAPI document, not an Overlay"):
        load_overlay(spec)
    broken = tmp_path / "broken.yaml"
    broken.write_text("overlay: 1.0.0\nactions: [\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"broken.yaml:3:1: YAML syntax error"):
        load_overlay(broken)
    (tmp_path / "v2.yaml").write_text("overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: []\n")
    with pytest.raises(OverlayError, match=r"overlay version '2\.0\.0' is not 1\.0\.x or 1\.1\.x"):
        load_overlay(tmp_path / "v2.yaml")


def test_the_overlay_changes_the_api_fingerprint_and_names_its_vendor() -> None:
    example = REPO / "examples" / "overlays" / "absorb-custom-fields.yaml"
    assert load_overlay(example).vendor == "absorb"
    plain, layered = load_api("absorb"), load_api("absorb", [example])
    assert plain.fingerprint != layered.fingerprint
    assert layered.from_overlay("/components/schemas/CourseEnrollment/properties/acmeCostCentre")
    assert not layered.from_overlay("/components/schemas/CourseEnrollment/properties/id")


def test_lint_reports_a_finding_in_an_overlay_at_the_overlays_line(tmp_path) -> None:
    bad = overlay(
        tmp_path,
        """\
        extends: absorb.yaml
        actions:
          - target: $.components.schemas.CourseEnrollment.properties
            update:
              acmeCostCentre: {type: string, example: 42}
        """,
    )
    result = run_lmskit("lint", "absorb", "--overlay", bad)
    assert result.exit_code == 1
    [finding] = result.stdout.splitlines()
    assert finding.startswith(f"{bad}:7:38:")  # the example itself
    assert "[examples]" in finding and '42 is not of type "string"' in finding
    assert "specs/absorb.yaml with 1 overlay(s): 28 operations, 1 finding(s)" in result.stderr
