"""The drift report: what captured traffic says the spec gets wrong, each finding with the Overlay actions that
would correct it.

Findings: fields seen but undocumented, documented fields never seen, enum values outside the spec, nulls
the spec does not allow, values in another shape than the spec's format or pattern, other type mismatches,
and error bodies that share no field with the documented one (another service answered). Each says how
many responses and distinct files back it, where the schema to change is (the spec's or an overlay's own
line), and, where a correction can be proposed, the Overlay 1.0 actions: ``--drift-overlay FILE`` writes
them as a document ``--overlay`` accepts as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from lmskit.spec.api import Api
from lmskit.spec.patterns import DATE_TIME_ANY_OFFSET, DOTNET_TIMESPAN
from lmskit.spec.pointers import join_pointer, split_pointer
from lmskit.spec.walk import every_branch, iter_combined, iter_tree, schema_at
from lmskit.validation.results import ValidationResult

_INDEX = re.compile(r"/\d+(?=/|$)")
_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}
# Shapes a value can be seen in, and the schema that describes each: what a format finding proposes.
_SHAPES: tuple[tuple[str, re.Pattern[str], dict[str, Any]], ...] = (
    (".NET TimeSpan", re.compile(DOTNET_TIMESPAN), {"pattern": DOTNET_TIMESPAN}),
    (
        "date-time, with or without a UTC offset",
        re.compile(DATE_TIME_ANY_OFFSET),
        {"pattern": DATE_TIME_ANY_OFFSET, "x-lmskit-client-format": "date-time"},
    ),
    (
        "uuid",
        re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"),
        {"format": "uuid"},
    ),
)


def general(pointer: str) -> str:
    """``/enrollments/3/id`` → ``/enrollments/*/id``."""
    return _INDEX.sub("/*", pointer)


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), "string")


def source_file(source: str) -> str:
    """``capture.har entry 17`` → ``capture.har``."""
    return source.split(" entry ", 1)[0]


@dataclass(frozen=True, slots=True)
class DriftItem:
    kind: str  # undocumented-field | never-seen | enum-value | null | format | type | foreign-body
    vendor: str
    operation: str
    path: str  # JSON path in the response, arrays as *
    count: int  # occurrences
    responses: int  # responses that show it
    files: int  # distinct files those came from
    detail: str
    pointer: str  # the spec node to change
    location: str  # its file:line:column, in the spec or the overlay that wrote it
    actions: tuple[dict[str, Any], ...] = ()  # Overlay 1.0 actions; empty when no correction is proposed

    @property
    def patch(self) -> str:
        if not self.actions:
            return f"# {self.pointer}: no correction proposed; see the values above"
        return yaml.safe_dump(list(self.actions), sort_keys=False, allow_unicode=True, width=120).rstrip()

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "vendor": self.vendor,
            "operation": self.operation,
            "path": self.path,
            "count": self.count,
            "responses": self.responses,
            "files": self.files,
            "detail": self.detail,
            "pointer": self.pointer,
            "location": self.location,
            "patch": self.patch,
            "actions": list(self.actions),
        }


_DISTINCT_VALUES = 1000  # distinct values counted per finding; the rest are counted as "(other values)"
_SAMPLES = 200  # raw values kept per finding, to propose the shape they share


@dataclass
class _Tally:
    """Counts for one finding, in memory bounded whatever the size of the capture."""

    count: int = 0
    responses: int = 0
    _last_response: int = 0
    files: set[str] = field(default_factory=set)  # capture files, a few
    values: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    raw: list[Any] = field(default_factory=list)

    def add(self, response: int, file: str, value: Any) -> None:
        self.count += 1
        # Results arrive in order, so a response is new when its number differs from the last one seen.
        if response != self._last_response:
            self.responses += 1
            self._last_response = response
        self.files.add(file)
        self.types[json_type(value)] += 1
        shown = "null" if value is None else str(value)[:60]
        if shown in self.values or len(self.values) < _DISTINCT_VALUES:
            self.values[shown] += 1
        else:
            self.values["(other values)"] += 1
        if len(self.raw) < _SAMPLES and isinstance(value, str):
            self.raw.append(value)


class DriftCollector:
    """Watches results (with their bodies) as they stream past, then reports."""

    def __init__(self, apis: Mapping[str, Api]) -> None:
        self.apis = apis
        self._responses = 0
        # (vendor, operation, response schema) → the body paths seen, and the files: for "never seen"
        self.seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        self._files_of: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        # (kind, vendor, operation, body path, spec pointer) → tally
        self.found: dict[tuple[str, str, str, str, str], _Tally] = defaultdict(_Tally)
        self._responses_of: Counter[tuple[str, str, str]] = Counter()

    def __call__(self, result: ValidationResult) -> None:
        if result.vendor is None or result.operation is None or result.schema_pointer is None:
            return
        self._responses += 1
        number, file = self._responses, source_file(result.source)
        api = self.apis[result.vendor]
        if _is_foreign(api, result.schema_pointer, result.body):
            self.found[("foreign-body", result.vendor, result.operation, "", result.schema_pointer)].add(
                number, file, result.status
            )
            return
        response_key = (result.vendor, result.operation, result.schema_pointer)
        self._responses_of[response_key] += 1
        self._files_of[response_key].add(file)
        self.seen[response_key].update(path for path, _ in iter_tree(result.body, items_as="*", max_depth=64) if path)
        for issue in result.issues:
            key: tuple[str, str, str, str, str]
            if issue.kind == "undocumented-field":
                key = ("undocumented-field", result.vendor, result.operation, general(issue.pointer), issue.schema_path)
            elif issue.kind == "schema" and issue.keyword in ("enum", "type", "format", "pattern"):
                kind = {"enum": "enum-value", "pattern": "format"}.get(issue.keyword, issue.keyword)
                site = issue.schema_path
                if issue.keyword == "type":
                    kind = "null" if issue.value is None else "type"
                    # Patch the field that uses the schema, not a shared component every field refers to.
                    site = schema_site(api.document, result.schema_pointer, issue.pointer) or site
                key = (kind, result.vendor, result.operation, general(issue.pointer), site)
            else:
                continue
            self.found[key].add(number, file, issue.value)

    def items(self) -> list[DriftItem]:
        found: list[DriftItem] = []
        for (kind, vendor, operation, path, pointer), tally in sorted(self.found.items()):
            api = self.apis[vendor]
            found.append(_item(api, kind, operation, path, pointer, tally))
        for (vendor, operation, schema_pointer), paths in sorted(self.seen.items()):
            api = self.apis[vendor]
            for path, schema_path in _documented_paths(api.document, schema_pointer, "", 0):
                if path in paths or any(p.startswith(path + "/") for p in paths):
                    continue
                parent = path.rsplit("/", 1)[0] or "/"
                if parent != "/" and parent not in paths:
                    continue  # the parent was never seen either: say it once, at the top
                responses = self._responses_of[(vendor, operation, schema_pointer)]
                files = self._files_of[(vendor, operation, schema_pointer)]
                found.append(
                    DriftItem(
                        "never-seen",
                        vendor,
                        operation,
                        path,
                        0,
                        responses,
                        len(files),
                        f"documented, absent from all {responses} captured response(s)",
                        schema_path,
                        api.spec.locate(schema_path),
                    )
                )
        return found

    def overlay_documents(self) -> dict[str, dict[str, Any]]:
        """One Overlay document per vendor with corrections, ``--overlay``-ready."""
        actions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in self.items():
            for action in item.actions:
                if action not in actions[item.vendor]:
                    actions[item.vendor].append(action)
        return {
            vendor: {
                "overlay": "1.0.0",
                "info": {
                    "title": f"Corrections to the {vendor} spec proposed by lmskit validate --drift",
                    "version": date.today().isoformat(),
                    "x-lmskit-vendor": vendor,
                },
                "extends": f"{vendor}.yaml",
                "actions": found,
            }
            for vendor, found in actions.items()
        }

    def write_overlay(self, path: Path) -> tuple[int, int]:
        """Write the corrections; with several vendors, one file each (``drift.absorb.yaml``).

        Returns (corrections, overlay actions): a null on a $ref'd field is one correction in two actions.
        """
        # An Overlay 1.0 document needs at least one action: with nothing to correct, no file is written.
        documents = {vendor: doc for vendor, doc in self.overlay_documents().items() if doc.get("actions")}
        for vendor, document in documents.items():
            target = path if len(documents) == 1 else path.with_name(f"{path.stem}.{vendor}{path.suffix or '.yaml'}")
            target.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120), "utf-8")
        corrections = sum(1 for item in self.items() if item.actions)
        return corrections, sum(len(document["actions"]) for document in documents.values())


def _item(api: Api, kind: str, operation: str, path: str, pointer: str, tally: _Tally) -> DriftItem:
    shown = ", ".join(f"{value} x{count}" for value, count in tally.values.most_common(5))
    counts = (tally.count, tally.responses, len(tally.files))
    if kind == "foreign-body":
        resolved = schema_at(api.document, pointer)
        at = resolved[1] if resolved is not None else pointer
        name = at.rsplit("/", 1)[-1] if at.startswith("/components/schemas/") else "the documented body"
        detail = (
            f"status {shown}: the body shares no field with {name}; another service (a gateway, a proxy, a mock) "
            "answered, so no change to the vendor's schema is proposed"
        )
        return DriftItem(kind, api.vendor, operation, path, *counts, detail, pointer, api.spec.locate(pointer))
    if kind == "undocumented-field":
        name = path.rsplit("/", 1)[-1]
        schema = _schema_for_values(tally)
        detail = f"value type {'/'.join(t for t, _ in tally.types.most_common())}"
        target, update = _properties_target(api, pointer, name, schema, tally)
        return DriftItem(kind, api.vendor, operation, path, *counts, detail, target, api.spec.locate(target), (update,))
    owner = pointer.rsplit("/", 1)[0] if kind in ("enum-value", "format") else pointer
    node = _node(api.document, owner)
    actions: tuple[dict[str, Any], ...] = ()
    if kind == "enum-value":
        current = list(node.get("enum") or [])
        numeric = all(isinstance(v, int) for v in current)
        new = [int(v) if numeric and v.lstrip("-").isdigit() else v for v in tally.values if v != "null"]
        new = [v for v in new if v not in current]
        extension: dict[str, Any] = {"enum": new}
        if "x-enum-varnames" in node:
            extension["x-enum-varnames"] = [f"Unknown{str(v).title().replace('-', '')}" for v in new]
        actions = ({"target": jsonpath_of(owner), "update": extension},)
        located = join_pointer(owner, "enum")
    elif kind == "null":
        actions = _nullable_actions(owner, node)
        located = owner
    elif kind == "format":
        shape = _common_shape(tally.raw)
        if shape is not None:
            description, replacement = shape
            actions = tuple(
                [{"target": jsonpath_of(owner), "update": dict(replacement)}]
                + [
                    {"target": jsonpath_of(join_pointer(owner, key)), "remove": True}
                    for key in ("format", "pattern")
                    if key in node and key not in replacement
                ]
            )
            shown += f"; every value is a {description}"
        located = pointer
    else:
        located = owner
    return DriftItem(kind, api.vendor, operation, path, *counts, shown, owner, api.spec.locate(located), actions)


def _properties_target(
    api: Api, owner: str, name: str, schema: dict[str, Any], tally: _Tally
) -> tuple[str, dict[str, Any]]:
    note = f"Seen in {tally.responses} captured response(s) in {len(tally.files)} file(s); not in the vendor docs."
    entry = {**schema, "description": note}
    node = _node(api.document, owner)
    if isinstance(node.get("properties"), dict):
        target = join_pointer(owner, "properties")
        return target, {"target": jsonpath_of(target), "update": {name: entry}}
    return owner, {"target": jsonpath_of(owner), "update": {"properties": {name: entry}}}


def _schema_for_values(tally: _Tally) -> dict[str, Any]:
    kinds = [kind for kind, _ in tally.types.most_common() if kind != "null"] or ["string"]
    if "number" in kinds and "integer" in kinds:
        kinds.remove("integer")
    schema: dict[str, Any] = {"type": kinds[0] if len(kinds) == 1 else kinds}
    if "null" in tally.types:
        schema["type"] = [*([schema["type"]] if isinstance(schema["type"], str) else schema["type"]), "null"]
    if kinds == ["string"]:
        shape = _common_shape(tally.raw)
        if shape is not None:
            schema.update(shape[1])
    return schema


def _nullable_actions(site: str, node: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """Allow null at one field: extend its type list, or wrap its $ref in ``anyOf: [$ref, null]``."""
    kind = node.get("type")
    if isinstance(kind, str):
        return ({"target": jsonpath_of(site), "update": {"type": [kind, "null"]}},)
    if isinstance(kind, list):
        return ({"target": jsonpath_of(site), "update": {"type": ["null"]}},)
    if isinstance(node.get("anyOf"), list):
        return ({"target": jsonpath_of(site), "update": {"anyOf": [{"type": "null"}]}},)
    if "$ref" in node:
        parent, name = site.rsplit("/", 1)
        replacement = {k: v for k, v in node.items() if k != "$ref"}
        replacement["anyOf"] = [{"$ref": node["$ref"]}, {"type": "null"}]
        # An overlay merges objects: drop the $ref first, or the field would keep refusing null.
        return (
            {"target": jsonpath_of(site), "remove": True},
            {"target": jsonpath_of(parent), "update": {split_pointer("/" + name)[0]: replacement}},
        )
    return ()


def _common_shape(values: list[str]) -> tuple[str, dict[str, Any]] | None:
    if not values:
        return None
    for description, pattern, schema in _SHAPES:
        if all(pattern.match(value) for value in values):
            return description, schema
    return None


def _is_foreign(api: Api, schema_pointer: str, body: Any) -> bool:
    """An object body that shares not one field with the documented object: not the vendor's answer."""
    if not isinstance(body, dict) or not body:
        return False
    documented = {path.split("/")[1] for path, _ in _documented_paths(api.document, schema_pointer, "", 0)}
    return bool(documented) and not documented & set(body)


def jsonpath_of(pointer: str) -> str:
    """``/components/schemas/X/properties`` → ``$['components']['schemas']['X']['properties']``."""
    parts = []
    for token in split_pointer(pointer):
        escaped = token.replace("\\", "\\\\").replace("'", "\\'")
        parts.append(f"['{escaped}']")
    return "$" + "".join(parts)


def schema_site(document: dict[str, Any], schema_pointer: str, instance_pointer: str) -> str | None:
    """The schema node, as written (before following its $ref), that describes ``instance_pointer``.

    ``(…/CourseEnrollment, "/dateEdited")`` → ``/components/schemas/CourseEnrollment/properties/dateEdited``.
    """
    site = schema_pointer
    for token in split_pointer(instance_pointer):
        child = _child(document, site, token)
        if child is None:
            return None
        site = child
    return site


def _child(document: dict[str, Any], at: str, token: str) -> str | None:
    """The schema pointer for the instance key ``token`` under the schema at ``at``, in any combined branch."""
    for node, where in iter_combined(document, at, every_branch):
        if token.isdigit() and isinstance(node.get("items"), dict):
            return join_pointer(where, "items")
        if token in (node.get("properties") or {}):
            return join_pointer(where, "properties", token)
    return None


def _node(document: dict[str, Any], pointer: str) -> dict[str, Any]:
    """The node as written (a property ``{$ref: …}`` stays a $ref): what an overlay action would change."""
    node: Any = document
    try:
        for token in split_pointer(pointer):
            node = node[int(token)] if isinstance(node, list) else node[token]
    except (KeyError, IndexError, ValueError, TypeError):
        return {}
    return node if isinstance(node, dict) else {}


def _documented_paths(document: dict[str, Any], schema_pointer: str, path: str, depth: int) -> list[tuple[str, str]]:
    """Every documented property path under a response schema, arrays as ``*``."""
    if depth > 8:
        return []
    found: list[tuple[str, str]] = []
    for node, at in iter_combined(document, schema_pointer, every_branch):
        for name in node.get("properties") or {}:
            child = join_pointer(at, "properties", name)
            child_path = join_pointer(path, name)
            found.append((child_path, child))
            found.extend(_documented_paths(document, child, child_path, depth + 1))
        if isinstance(node.get("items"), dict):
            found.extend(_documented_paths(document, join_pointer(at, "items"), path + "/*", depth + 1))
    return found


__all__ = ["DriftCollector", "DriftItem", "general", "jsonpath_of", "schema_site"]
