"""Walking a value and its schema together: every value of the instance with the schema nodes that describe it.

``$ref`` is followed; ``allOf`` contributes all its branches; of ``oneOf``/``anyOf`` the branch naming most of an
object's keys (or the first that fits a scalar's type) is taken; ``properties``, ``additionalProperties``,
``items`` and ``prefixItems`` lead down. What redaction needs to find ``x-lmskit-personal`` fields in a body:

    list(iter_described(doc, "/components/schemas/Page", {"items": [{"email": "a@b.c"}]}))
    # [("", {...Page...}), ("/items", {...}), ("/items/0", {...Item...}), ("/items/0/email", {...})]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve

MAX_DEPTH = 64
_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def iter_tree(
    value: Any,
    pointer: str = "",
    *,
    skip: Collection[str] = (),
    skip_extensions: bool = False,
    items_as: str | None = None,
    max_depth: int = MAX_DEPTH,
) -> Iterator[tuple[str, Any]]:
    """``(pointer, value)`` for ``value`` and every value inside it, parents first, without recursion: the walk
    over a document as data (extensions in a spec, the paths a body holds). Keys in ``skip`` are not entered
    (examples inside a spec are data, not spec), nor ``x-`` keys with ``skip_extensions``; a list's items are
    named by index, or all by ``items_as`` (``"*"``: one path for the items of a list, to compare bodies with
    each other); nothing deeper than ``max_depth`` levels is visited. A caller may change a node it was given
    before the walk goes on: its children are read after it is yielded (how the client view and the closed spec
    rewrite in place)."""
    stack: list[tuple[str, Any, int]] = [(pointer, value, 0)]
    while stack:
        at, node, depth = stack.pop()
        yield at, node
        if depth >= max_depth:
            continue
        children: list[tuple[str, Any, int]] = []
        if isinstance(node, dict):
            children = [
                (join_pointer(at, str(key)), child, depth + 1)
                for key, child in node.items()
                if key not in skip and not (skip_extensions and str(key).startswith("x-"))
            ]
        elif isinstance(node, list):
            children = [
                (join_pointer(at, index if items_as is None else items_as), child, depth + 1)
                for index, child in enumerate(node)
            ]
        stack.extend(reversed(children))


def iter_refs(document: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every ``(pointer of the $ref key's owner, ref string)`` in the document."""
    for at, node in iter_tree(document, pointer, max_depth=10_000):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            yield at, node["$ref"]


def schema_at(document: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str] | None:
    """The schema object at ``pointer``, ``$ref`` chains followed, with the pointer where it really is; None when
    the pointer leads nowhere, into a cycle, or to something that is no schema object."""
    try:
        found = resolve(document, {"$ref": "#" + pointer}, pointer)
    except RefError:
        return None
    return (found.value, found.pointer) if isinstance(found.value, dict) else None


class SchemaIndex:
    """``schema_at`` remembered per pointer: a walk over many values of one schema (every item of a page) looks
    each pointer up once. For one document that does not change while the index is used."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._found: dict[str, tuple[dict[str, Any], str] | None] = {}

    def at(self, pointer: str) -> tuple[dict[str, Any], str] | None:
        try:
            return self._found[pointer]
        except KeyError:
            found = self._found[pointer] = schema_at(self.document, pointer)
            return found


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
    return iter_combined(document, pointer, branch_for(document, value))


Chooser = Callable[[str, str, list[Any]], "str | list[str] | None"]


def every_branch(at: str, keyword: str, branches: list[Any]) -> list[str]:
    """A chooser for ``iter_combined`` that follows every ``oneOf``/``anyOf`` branch: for questions about what a
    schema could declare (a property anywhere, every documented path), not about one value."""
    return [join_pointer(at, keyword, index) for index in range(len(branches))]


Schemas = dict[str, Any] | SchemaIndex  # a document, or an index over one


def _lookup(schemas: Schemas) -> Callable[[str], tuple[dict[str, Any], str] | None]:
    if isinstance(schemas, SchemaIndex):
        return schemas.at
    return lambda pointer: schema_at(schemas, pointer)


def iter_combined(
    document: Schemas, pointer: str, choose: Chooser | None = None, limit: int = 10_000
) -> Iterator[tuple[dict[str, Any], str]]:
    """``(node, pointer)`` for the schema at ``pointer`` and every schema its ``allOf`` combines, ``$ref``
    followed, each read once (a branch that refers back to itself, or a chain naming the same schema twice at
    every level, costs one visit per schema: no recursion error, no 2**depth visits). ``choose(at, keyword,
    branches)`` picks the ``oneOf``/``anyOf`` branches to follow too (a pointer, a list of them, or None for
    none; ``every_branch`` follows all). Nodes come depth first: a schema, then its ``allOf`` branches in
    order, then the chosen ``anyOf`` and ``oneOf`` branches."""
    lookup = _lookup(document)
    pending = [pointer]
    seen: set[str] = set()
    while pending and len(seen) < limit:
        found = lookup(pending.pop())
        if found is None or found[1] in seen:
            continue
        node, at = found
        seen.add(at)
        yield node, at
        following: list[str] = []
        branches = node.get("allOf")
        if isinstance(branches, list):
            following.extend(join_pointer(at, "allOf", index) for index in range(len(branches)))
        if choose is not None:
            for keyword in ("anyOf", "oneOf"):
                alternatives = node.get(keyword)
                if isinstance(alternatives, list) and alternatives:
                    chosen = choose(at, keyword, alternatives)
                    following.extend([chosen] if isinstance(chosen, str) else chosen or [])
        pending.extend(reversed(following))


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


def branch_for(schemas: Schemas, value: Any) -> Chooser:
    """A chooser for ``iter_combined``: the ``oneOf``/``anyOf`` branch that describes ``value`` best (its type
    fits, then the most of an object's keys among its properties; the first on a tie)."""
    lookup = _lookup(schemas)

    def choose(at: str, keyword: str, branches: list[Any]) -> str | None:
        scored: list[tuple[int, int, str]] = []
        for index, _ in enumerate(branches):
            pointer = join_pointer(at, keyword, index)
            found = lookup(pointer)
            if found is None:
                continue
            branch = found[0]
            declared = branch.get("type")
            kinds = declared if isinstance(declared, list) else [declared] if declared else []
            fits = not kinds or any(_fits(kind, value) for kind in kinds)
            names = set(branch.get("properties") or {}) & set(value) if isinstance(value, dict) else set()
            scored.append((int(fits), len(names), pointer))
        if not scored:
            return None
        return max(scored, key=lambda item: (item[0], item[1]))[2]

    return choose


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
