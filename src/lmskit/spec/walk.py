"""Walking a value and its schema together: every value of the instance with the schema nodes that describe it.

``$ref`` is followed; ``allOf`` contributes all its branches; of ``oneOf``/``anyOf`` the branch naming most of an
object's keys (or the first that fits a scalar's type) is taken; ``properties``, ``additionalProperties``,
``items`` and ``prefixItems`` lead down. What redaction needs to find ``x-lmskit-personal`` fields in a body:

    list(iter_described(doc, "/components/schemas/Page", {"items": [{"email": "a@b.c"}]}))
    # [("", {...Page...}), ("/items", {...}), ("/items/0", {...Item...}), ("/items/0/email", {...})]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve

MAX_DEPTH = 64
_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def iter_described(
    document: dict[str, Any], schema_pointer: str, instance: Any
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(instance pointer, schema node)`` pairs, a value appearing once per node that describes it."""
    stack: list[tuple[str, Any, str, int]] = [(schema_pointer, instance, "", 0)]
    while stack:
        pointer, value, at, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        for node, node_pointer in _nodes(document, pointer, value):
            yield at, node
            if isinstance(value, dict):
                found = node.get("properties")
                properties: dict[str, Any] = found if isinstance(found, dict) else {}
                additional = node.get("additionalProperties")
                for key, child in value.items():
                    if key in properties:
                        stack.append(
                            (join_pointer(node_pointer, "properties", key), child, join_pointer(at, key), depth + 1)
                        )
                    elif isinstance(additional, dict):
                        child_at = join_pointer(at, key)
                        stack.append((join_pointer(node_pointer, "additionalProperties"), child, child_at, depth + 1))
            elif isinstance(value, list):
                listed = node.get("prefixItems")
                prefix: list[Any] = listed if isinstance(listed, list) else []
                items = node.get("items")
                for index, child in enumerate(value):
                    if index < len(prefix):
                        schema_at = join_pointer(node_pointer, "prefixItems", index)
                    elif isinstance(items, dict):
                        schema_at = join_pointer(node_pointer, "items")
                    else:
                        continue
                    stack.append((schema_at, child, join_pointer(at, index), depth + 1))


def _nodes(document: dict[str, Any], pointer: str, value: Any) -> Iterator[tuple[dict[str, Any], str]]:
    """The schema at ``pointer`` and, through allOf and the best oneOf/anyOf branch, those it combines."""
    pending = [pointer]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        try:
            found = resolve(document, {"$ref": "#" + current}, current)
        except RefError:
            continue
        node, at = found.value, found.pointer
        if not isinstance(node, dict) or at in seen:
            continue
        seen.add(at)
        yield node, at
        for index, _ in enumerate(node.get("allOf") or []):
            pending.append(join_pointer(at, "allOf", index))
        for keyword in ("oneOf", "anyOf"):
            branches = node.get(keyword)
            if isinstance(branches, list) and branches:
                best = _best_branch(document, at, keyword, branches, value)
                if best is not None:
                    pending.append(best)


def _best_branch(document: dict[str, Any], at: str, keyword: str, branches: list[Any], value: Any) -> str | None:
    scored: list[tuple[int, int, str]] = []
    for index, _ in enumerate(branches):
        pointer = join_pointer(at, keyword, index)
        try:
            branch = resolve(document, {"$ref": "#" + pointer}, pointer).value
        except RefError:
            continue
        if not isinstance(branch, dict):
            continue
        declared = branch.get("type")
        kinds = declared if isinstance(declared, list) else [declared] if declared else []
        fits = not kinds or any(_fits(kind, value) for kind in kinds)
        names = set(branch.get("properties") or {}) & set(value) if isinstance(value, dict) else set()
        scored.append((int(fits), len(names), pointer))
    if not scored:
        return None
    return max(scored, key=lambda item: (item[0], item[1]))[2]


def _fits(kind: Any, value: Any) -> bool:
    if kind == "null":
        return value is None
    if kind in ("integer", "number"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    expected = _TYPES.get(str(kind))
    return expected is not None and isinstance(value, expected)
