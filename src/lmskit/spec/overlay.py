"""OpenAPI Overlay Specification 1.0 (and 1.1's ``copy``): a tenant's reality layered on a shipped spec.

    overlay: 1.0.0
    info: {title: Acme's Absorb portal, version: 1.0.0}
    extends: absorb.yaml                      # or info.x-lmskit-vendor: absorb
    actions:
      - target: $.components.schemas.CourseEnrollment.properties
        update:
          acmeCostCentre: {type: string, example: CC-1001}

Targets are RFC 9535 JSONPath queries (python-jsonpath in its strict mode). ``update`` merges an object
into every selected object (objects recursively, arrays appended, anything else replaced) or appends an
entry to every selected array; ``remove: true`` deletes every selected node. Every node an overlay puts
in the document keeps its place in the overlay file, so lint findings and drift locations name the
overlay's own line.

We write the application ourselves (about a hundred lines) instead of using oas-patch: it pulls in
jsonpath-ng (not RFC 9535), Jinja2, click and deepdiff, and loses the file positions we report with.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath

from lmskit.errors import OverlayError as OverlayError
from lmskit.errors import SpecError
from lmskit.settings import current
from lmskit.spec.loader import Position, Spec, display_path, node_positions, parse_yaml, read_text
from lmskit.spec.pointers import join_pointer, split_pointer

_VERSION = re.compile(r"^1\.[01]\.\d+$")
_ACTION_KEYS = {"target", "description", "update", "remove", "copy"}
_JSONPATH = jsonpath.JSONPathEnvironment(strict=True)


@dataclass(frozen=True, slots=True)
class Action:
    index: int
    target: str
    pointer: str  # of the action inside the overlay file: /actions/2
    update: Any = None
    has_update: bool = False
    remove: bool = False
    copy: str | None = None


@dataclass(frozen=True, slots=True)
class Overlay:
    path: Path
    title: str
    extends: str | None
    vendor: str | None  # from `extends` (…/absorb.yaml) or info.x-lmskit-vendor, when it says
    actions: tuple[Action, ...]
    source: Spec  # the overlay file itself, with positions


def load_overlay(path: Path | str) -> Overlay:
    """Read an Overlay document, checking its shape; every problem is one line with file, line and column."""
    path = Path(path)
    text = read_text(path, "an OpenAPI Overlay document (overlay: 1.0.0)")
    try:
        document, node = parse_yaml(text, path)
    except SpecError as exc:
        raise OverlayError(path, exc.message, exc.line, exc.column) from None
    positions, _ = node_positions(node, path)
    source = Spec(path, document if isinstance(document, dict) else {}, positions, (), text)
    return _read_overlay(path, document, source)


def _read_overlay(path: Path, document: Any, source: Spec) -> Overlay:
    def fail(pointer: str, message: str) -> OverlayError:
        position = source.position_of(pointer)
        return OverlayError(path, message, position.line if position else None, position.column if position else None)

    if not isinstance(document, dict) or "overlay" not in document:
        if isinstance(document, dict) and "openapi" in document:
            raise fail("", "this is an OpenAPI document, not an Overlay; an overlay starts with `overlay: 1.0.0`")
        raise fail("", "not an Overlay document; it starts with `overlay: 1.0.0`, `info` and `actions`")
    if not isinstance(document["overlay"], str) or not _VERSION.match(document["overlay"]):
        raise fail("/overlay", f"overlay version {document['overlay']!r} is not 1.0.x or 1.1.x; write `overlay: 1.0.0`")
    info = document.get("info")
    if not isinstance(info, dict) or not isinstance(info.get("title"), str) or not isinstance(info.get("version"), str):
        raise fail("/info", "`info` needs a string `title` and `version`")
    extends = document.get("extends")
    if extends is not None and not isinstance(extends, str):
        raise fail("/extends", "`extends` is the URL or path of the spec it applies to, a string")
    raw_actions = document.get("actions")
    if not isinstance(raw_actions, list) or not raw_actions:
        raise fail("/actions", "`actions` must be a non-empty list of {target, update | remove}")
    actions = []
    for index, raw in enumerate(raw_actions):
        pointer = join_pointer("/actions", index)
        if not isinstance(raw, dict):
            raise fail(pointer, f"action {index + 1} is not a mapping of {{target, update | remove}}")
        unknown = sorted(key for key in raw if key not in _ACTION_KEYS and not str(key).startswith("x-"))
        if unknown:
            raise fail(join_pointer(pointer, unknown[0]), f"action {index + 1} has an unknown key {unknown[0]!r}")
        target = raw.get("target")
        if not isinstance(target, str) or not target.startswith("$"):
            raise fail(pointer, f"action {index + 1} needs a `target`, a JSONPath query starting with $")
        try:
            _JSONPATH.compile(target)
        except jsonpath.JSONPathError as exc:
            first = str(exc).splitlines()[0]
            raise fail(join_pointer(pointer, "target"), f"action {index + 1} target is not JSONPath: {first}") from None
        remove = raw.get("remove", False)
        if not isinstance(remove, bool):
            raise fail(join_pointer(pointer, "remove"), f"action {index + 1}: `remove` must be true or false")
        copy_from = raw.get("copy")
        if copy_from is not None and not isinstance(copy_from, str):
            raise fail(join_pointer(pointer, "copy"), f"action {index + 1}: `copy` must be a JSONPath string")
        if not remove and "update" not in raw and copy_from is None:
            raise fail(pointer, f"action {index + 1} does nothing; give it `update`, `remove: true` or `copy`")
        actions.append(Action(index, target, pointer, raw.get("update"), "update" in raw, remove, copy_from))
    vendor = info.get("x-lmskit-vendor")
    if not isinstance(vendor, str) and extends:
        vendor = Path(extends.split("?", 1)[0].rstrip("/")).stem
    return Overlay(
        path, str(info["title"]), extends, vendor if isinstance(vendor, str) else None, tuple(actions), source
    )


def apply_overlays(spec: Spec, overlays: Sequence[Overlay]) -> Spec:
    """A new Spec: the document with every overlay applied in order, positions following the nodes."""
    if not overlays:
        return spec
    document = copy.deepcopy(spec.document)
    positions = dict(spec.positions)
    size = [_node_count(document)]
    for overlay in overlays:
        for action in overlay.actions:
            _apply(document, positions, overlay, action, spec, size)
        _check_schemas(document, overlay, spec)
    return Spec(spec.path, document, positions, spec.duplicate_keys, spec.text)


def _node_count(value: Any, limit: int | None = None) -> int:
    """Values in ``value`` (containers and scalars), counting stops past ``limit``."""
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        count += 1
        if limit is not None and count > limit:
            return count
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def _check_schemas(document: dict[str, Any], overlay: Overlay, spec: Spec) -> None:
    """Every schema of the overlaid document still compiles: an overlay that writes an invalid ``pattern`` is
    refused here, naming itself, instead of failing every later validation."""
    from lmskit.spec.schemas import SchemaCompileError, SchemaValidators

    validators = SchemaValidators(document)
    for pointer in _schema_pointers(document):
        try:
            validators.validator(pointer)
        except SchemaCompileError as exc:
            raise OverlayError(
                overlay.path,
                f"after this overlay, the schema at {pointer} of {display_path(spec.path)} is not valid JSON Schema"
                f" ({exc}); fix the overlay's update",
            ) from None


def _schema_pointers(document: dict[str, Any]) -> Iterator[str]:
    components = document.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    if isinstance(schemas, dict):
        yield from (join_pointer("/components/schemas", name) for name in schemas)
    stack: list[tuple[Any, str]] = [(document.get("paths"), "/paths")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                child_pointer = join_pointer(pointer, key)
                if key == "schema" and isinstance(child, dict):
                    yield child_pointer
                elif key != "schema":
                    stack.append((child, child_pointer))
        elif isinstance(node, list):
            stack.extend((child, join_pointer(pointer, index)) for index, child in enumerate(node))


def _apply(
    document: dict[str, Any],
    positions: dict[str, Position],
    overlay: Overlay,
    action: Action,
    spec: Spec,
    size: list[int],
) -> None:
    where = _line_column(overlay, join_pointer(action.pointer, "target"))
    matches = []
    for match in _JSONPATH.finditer(action.target, document):
        matches.append(tuple(match.parts))
        if len(matches) > current().max_spec_nodes:
            raise OverlayError(
                overlay.path, f"action {action.index + 1} target {action.target} selects too much", *where
            )
    if not matches:
        raise OverlayError(
            overlay.path,
            f"action {action.index + 1} target {action.target} selects nothing in {display_path(spec.path)}; "
            "fix the target (the spec may have changed since the overlay was written)",
            *where,
        )
    if action.remove:
        # Deepest and last first, so removing one node never moves another that is still to go.
        for parts in sorted(matches, key=lambda p: (len(p), p), reverse=True):
            if not parts:
                raise OverlayError(overlay.path, f"action {action.index + 1} removes the whole document", *where)
            _remove(document, positions, [str(part) for part in parts])
        return
    if action.has_update:
        value, value_pointer, value_positions = (
            action.update,
            join_pointer(action.pointer, "update"),
            overlay.source.positions,
        )
    else:
        assert action.copy is not None
        found = [tuple(match.parts) for match in _JSONPATH.finditer(action.copy, document)]
        if len(found) != 1:
            raise OverlayError(
                overlay.path,
                f"action {action.index + 1} copy {action.copy} selects {len(found)} nodes; it must select exactly one",
                *_line_column(overlay, join_pointer(action.pointer, "copy")),
            )
        value_pointer = join_pointer("", *found[0])
        value, value_positions = _resolve(document, value_pointer), dict(positions)
    # Each match receives a copy of the value: refuse an action whose copies would pass the document size limit
    # (a few `$..[?@.*]` updates double the document each time) before making any.
    limit = current().max_spec_nodes
    growth = len(matches) * _node_count(value, limit)
    if size[0] + growth > limit:
        raise OverlayError(
            overlay.path,
            f"action {action.index + 1} would grow the document past {limit:,} values ({len(matches):,}"
            f" targets); narrow its target, or raise LMSKIT_MAX_SPEC_NODES",
            *where,
        )
    size[0] += growth
    cache: dict[str, list[str]] = {}
    for parts in matches:
        target_pointer = join_pointer("", *parts)
        target = _resolve(document, target_pointer)
        if isinstance(target, list):
            destination = join_pointer(target_pointer, len(target))
            _move_positions(positions, value_positions, value_pointer, destination, cache)
            target.append(copy.deepcopy(value))
        elif isinstance(target, dict) and isinstance(value, dict):
            _merge(target, value, target_pointer, value_pointer, positions, value_positions, cache)
        else:
            kind = "an object" if isinstance(target, dict) else f"a {type(target).__name__} value"
            raise OverlayError(
                overlay.path,
                f"action {action.index + 1}: target {target_pointer or '$'} is {kind}; "
                "`update` merges an object into objects or appends an entry to arrays",
                *where,
            )


def _merge(
    target: dict[str, Any],
    update: dict[str, Any],
    target_pointer: str,
    update_pointer: str,
    positions: dict[str, Position],
    update_positions: dict[str, Position],
    cache: dict[str, list[str]],
) -> None:
    """Objects merge recursively, arrays are appended to, anything else is replaced."""
    for key, value in update.items():
        child_target, child_update = join_pointer(target_pointer, key), join_pointer(update_pointer, key)
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value, child_target, child_update, positions, update_positions, cache)
        elif isinstance(current, list) and isinstance(value, list):
            for index, item in enumerate(value):
                _move_positions(
                    positions,
                    update_positions,
                    join_pointer(child_update, index),
                    join_pointer(child_target, len(current)),
                    cache,
                )
                current.append(copy.deepcopy(item))
        else:
            if isinstance(current, (dict, list)):
                _drop_positions(positions, child_target)
            else:
                positions.pop(child_target, None)  # a scalar (or nothing) has no positions below it
            _move_positions(positions, update_positions, child_update, child_target, cache)
            target[key] = copy.deepcopy(value)


def _remove(document: dict[str, Any], positions: dict[str, Position], parts: list[str]) -> None:
    parent = _resolve(document, join_pointer("", *parts[:-1]))
    pointer = join_pointer("", *parts)
    _drop_positions(positions, pointer)
    if isinstance(parent, dict):
        del parent[parts[-1]]
        return
    index = int(parts[-1])
    del parent[index]
    # The later items moved up by one: so do their positions.
    base = join_pointer("", *parts[:-1])
    for later in range(index + 1, len(parent) + 1):
        old, new = join_pointer(base, later), join_pointer(base, later - 1)
        for key in [k for k in positions if k == old or k.startswith(old + "/")]:
            positions[new + key[len(old) :]] = positions.pop(key)


def _resolve(document: Any, pointer: str) -> Any:
    node = document
    for token in split_pointer(pointer):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _subtree(positions: dict[str, Position], pointer: str) -> Iterator[str]:
    return iter([key for key in positions if key == pointer or key.startswith(pointer + "/")])


def _drop_positions(positions: dict[str, Position], pointer: str) -> None:
    for key in list(_subtree(positions, pointer)):
        del positions[key]


def _move_positions(
    positions: dict[str, Position],
    source_positions: dict[str, Position],
    source: str,
    destination: str,
    cache: dict[str, list[str]] | None = None,
) -> None:
    """Copy the positions under ``source`` to ``destination``. ``cache`` keeps each source's keys for the
    action: one update merged into thousands of targets scans the positions once, not once per target."""
    keys = cache.get(source) if cache is not None else None
    if keys is None:
        keys = list(_subtree(source_positions, source))
        if cache is not None:
            cache[source] = keys
    for key in keys:
        positions[destination + key[len(source) :]] = source_positions[key]


def _line_column(overlay: Overlay, pointer: str) -> tuple[int | None, int | None]:
    position = overlay.source.position_of(pointer)
    return (position.line, position.column) if position is not None else (None, None)
