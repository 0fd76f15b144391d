"""Walking a value and its schema together: every value of the instance with the schema nodes that describe it.

``$ref`` is followed; ``allOf`` contributes all its branches; of ``oneOf``/``anyOf`` the branch naming most of an
object's keys (or the first that fits a scalar's type) is taken; ``properties``, ``additionalProperties``,
``items`` and ``prefixItems`` lead down. What redaction needs to find ``x-lmskit-personal`` fields in a body:

    list(iter_described(doc, "/components/schemas/Page", {"items": [{"email": "a@b.c"}]}))
    # [("", {...Page...}), ("/items", {...}), ("/items/0", {...Item...}), ("/items/0/email", {...})]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
    return iter_combined(
        document, pointer, lambda at, keyword, branches: _best_branch(document, at, keyword, branches, value)
    )


Chooser = Callable[[str, str, list[Any]], "str | None"]


def iter_combined(
    document: dict[str, Any], pointer: str, choose: Chooser | None = None, limit: int = 10_000
) -> Iterator[tuple[dict[str, Any], str]]:
    """``(node, pointer)`` for the schema at ``pointer`` and every schema its ``allOf`` combines, ``$ref``
    followed, each read once (a branch that refers back to itself, or a chain naming the same schema twice at
    every level, costs one visit per schema: no recursion error, no 2**depth visits). ``choose(at, keyword,
    branches)`` picks one ``oneOf``/``anyOf`` branch to follow too (by its pointer), or None for none."""
    pending = [pointer]
    seen: set[str] = set()
    while pending and len(seen) < limit:
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
        branches = node.get("allOf")
        if isinstance(branches, list):
            pending.extend(join_pointer(at, "allOf", index) for index in reversed(range(len(branches))))
        if choose is None:
            continue
        for keyword in ("oneOf", "anyOf"):
            alternatives = node.get(keyword)
            if isinstance(alternatives, list) and alternatives:
                best = choose(at, keyword, alternatives)
                if best is not None:
                    pending.append(best)


def declared_types(document: dict[str, Any], pointer: str) -> set[str] | None:
    """The JSON types a value must have to pass the schema at ``pointer`` and its ``allOf`` branches (None when
    none of them says)."""
    allowed: set[str] | None = None
    for node, _ in iter_combined(document, pointer):
        declared = node.get("type")
        types = {declared} if isinstance(declared, str) else set(declared) if isinstance(declared, list) else None
        if types is not None:
            allowed = types if allowed is None else allowed & types
    return allowed


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


def object_parts(
    document: dict[str, Any], node: dict[str, Any], at: str
) -> tuple[dict[str, tuple[Any, str]], set[str]]:
    """The properties (``name → (schema, pointer)``) and required names of the object schema ``node`` (found at
    ``at``) with those of its ``allOf`` branches (``iter_combined``: each schema read once)."""
    properties: dict[str, tuple[Any, str]] = {}
    required: set[str] = set()
    try:
        start = resolve(document, node, at).pointer
    except RefError:
        return properties, required
    for value, where in iter_combined(document, start):
        declared = value.get("properties")
        if isinstance(declared, dict):
            for name, child in declared.items():
                properties.setdefault(name, (child, join_pointer(where, "properties", name)))
        if isinstance(value.get("required"), list):
            required |= {name for name in value["required"] if isinstance(name, str)}
    return properties, required
