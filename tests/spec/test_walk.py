"""The one schema walker (lmskit.spec.walk) on the shapes specs really use: $ref chains, allOf, oneOf/anyOf
branches (the chosen one, or every one), cycles, and a document walked as data."""

from __future__ import annotations

from typing import Any

from lmskit.spec.walk import (
    SchemaIndex,
    branch_for,
    every_branch,
    iter_combined,
    iter_described,
    iter_tree,
    object_parts,
    schema_at,
)

DOCUMENT: dict[str, Any] = {
    "components": {
        "schemas": {
            "Base": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
            "ByUser": {"type": "object", "properties": {"userId": {"type": "integer"}}, "required": ["userId"]},
            "ByEmail": {"type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]},
            "Alias": {"$ref": "#/components/schemas/Create"},
            "Create": {
                "allOf": [{"$ref": "#/components/schemas/Base"}],
                "oneOf": [{"$ref": "#/components/schemas/ByUser"}, {"$ref": "#/components/schemas/ByEmail"}],
                "anyOf": [{"type": "object", "properties": {"note": {"type": "string"}}}],
            },
            "Loop": {"allOf": [{"$ref": "#/components/schemas/Loop"}], "properties": {"x": {"type": "string"}}},
        }
    }
}
SCHEMAS = "/components/schemas"


def pointers(found: Any) -> list[str]:
    return [at for _, at in found]


def test_schema_at_follows_a_ref_chain_and_says_where_it_landed() -> None:
    node, at = schema_at(DOCUMENT, f"{SCHEMAS}/Alias") or ({}, "")
    assert at == f"{SCHEMAS}/Create" and "oneOf" in node
    assert schema_at(DOCUMENT, f"{SCHEMAS}/Missing") is None
    index = SchemaIndex(DOCUMENT)
    assert index.at(f"{SCHEMAS}/Alias") == schema_at(DOCUMENT, f"{SCHEMAS}/Alias")


def test_every_branch_reaches_oneof_and_anyof_branches_through_nested_refs() -> None:
    found = pointers(iter_combined(DOCUMENT, f"{SCHEMAS}/Alias", every_branch))
    assert found == [
        f"{SCHEMAS}/Create",
        f"{SCHEMAS}/Base",
        f"{SCHEMAS}/Create/anyOf/0",
        f"{SCHEMAS}/ByUser",
        f"{SCHEMAS}/ByEmail",
    ]
    # Without a chooser only allOf is combined: what every value must satisfy.
    assert pointers(iter_combined(DOCUMENT, f"{SCHEMAS}/Alias")) == [f"{SCHEMAS}/Create", f"{SCHEMAS}/Base"]


def test_branch_for_picks_the_branch_that_names_the_values_keys() -> None:
    by_email = pointers(iter_combined(DOCUMENT, f"{SCHEMAS}/Create", branch_for(DOCUMENT, {"email": "a@b.c"})))
    assert f"{SCHEMAS}/ByEmail" in by_email and f"{SCHEMAS}/ByUser" not in by_email
    by_user = pointers(iter_combined(SchemaIndex(DOCUMENT), f"{SCHEMAS}/Create", branch_for(DOCUMENT, {"userId": 1})))
    assert f"{SCHEMAS}/ByUser" in by_user and f"{SCHEMAS}/ByEmail" not in by_user


def test_object_parts_and_described_values_see_through_combinations() -> None:
    properties, required = object_parts(DOCUMENT, {"$ref": f"#{SCHEMAS}/Create"}, f"{SCHEMAS}/x")
    assert set(properties) == {"id"} and required == {"id"}
    described = {at for at, _ in iter_described(DOCUMENT, f"{SCHEMAS}/Create", {"id": "1", "email": "e"})}
    assert described == {"", "/id", "/email"}


def test_a_schema_that_combines_itself_is_visited_once() -> None:
    assert pointers(iter_combined(DOCUMENT, f"{SCHEMAS}/Loop", every_branch)) == [f"{SCHEMAS}/Loop"]


def test_iter_tree_walks_data_without_recursion_and_skips_what_it_is_told() -> None:
    deep: Any = "leaf"
    for _ in range(5000):
        deep = [deep]
    assert sum(1 for _ in iter_tree(deep, max_depth=10_000)) == 5001
    document = {"a": {"example": {"hidden": 1}, "b": [1, {"c": 2}]}}
    assert [at for at, _ in iter_tree(document, skip=("example",))] == [
        "",
        "/a",
        "/a/b",
        "/a/b/0",
        "/a/b/1",
        "/a/b/1/c",
    ]
    assert [at for at, _ in iter_tree(document["a"]["b"], "/b", items_as="*")] == ["/b", "/b/*", "/b/*", "/b/*/c"]
