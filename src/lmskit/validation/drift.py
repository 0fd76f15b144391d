"""The drift report: what a week of captured traffic says the spec gets wrong, each with a spec patch.

Fields seen but undocumented (JSON path, count, value type), documented fields never seen, enum values
outside the spec, nulls the spec does not allow, type and format mismatches.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from lmskit.spec.pointers import join_pointer, split_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.validation.engine import VendorSpec
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


def general(pointer: str) -> str:
    """``/enrollments/3/id`` → ``/enrollments/*/id``."""
    return _INDEX.sub("/*", pointer)


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), "string")


@dataclass(frozen=True, slots=True)
class DriftItem:
    kind: str  # undocumented-field | never-seen | enum-value | null | type | format
    vendor: str
    operation: str
    path: str  # JSON path in the response, arrays as *
    count: int
    detail: str
    location: str  # spec file:line:column of the schema to patch
    patch: str  # YAML to put there

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "vendor": self.vendor,
            "operation": self.operation,
            "path": self.path,
            "count": self.count,
            "detail": self.detail,
            "location": self.location,
            "patch": self.patch,
        }


@dataclass
class _Seen:
    count: int = 0
    types: Counter[str] = field(default_factory=Counter)


class DriftCollector:
    """Watches results (with bodies) as they stream past, then reports."""

    def __init__(self, specs: dict[str, VendorSpec]) -> None:
        self.specs = specs
        self.seen: dict[tuple[str, str, str], dict[str, _Seen]] = defaultdict(
            dict
        )  # (vendor, op, schema) → path → seen
        self.undocumented: dict[tuple[str, str, str, str], _Seen] = {}
        self.values: dict[tuple[str, str, str, str, str], Counter[str]] = defaultdict(Counter)

    def __call__(self, result: ValidationResult) -> None:
        if result.vendor is None or result.operation is None or result.schema_pointer is None:
            return
        key = (result.vendor, result.operation, result.schema_pointer)
        paths = self.seen[key]
        for path, value in _walk_values(result.body, ""):
            entry = paths.setdefault(path, _Seen())
            entry.count += 1
            entry.types[json_type(value)] += 1
        for issue in result.issues:
            if issue.kind == "undocumented-field":
                found = self.undocumented.setdefault(
                    (result.vendor, result.operation, general(issue.pointer), issue.schema_path), _Seen()
                )
                found.count += 1
                found.types[json_type(issue.value)] += 1
            elif issue.kind == "schema" and issue.keyword in ("enum", "type", "format"):
                kind = "null" if issue.keyword == "type" and issue.value is None else issue.keyword
                shown = "null" if issue.value is None else str(issue.value)[:60]
                self.values[(kind, result.vendor, result.operation, general(issue.pointer), issue.schema_path)][
                    shown
                ] += 1

    def items(self) -> list[DriftItem]:
        found: list[DriftItem] = []
        for (vendor, operation, path, schema_path), seen in sorted(self.undocumented.items()):
            spec = self.specs[vendor]
            name = path.rsplit("/", 1)[-1]
            kind = seen.types.most_common(1)[0][0]
            patch = f"{join_pointer(schema_path, 'properties')}:\n  {name}:\n    type: {kind}"
            found.append(
                DriftItem(
                    "undocumented-field",
                    vendor,
                    operation,
                    path,
                    seen.count,
                    f"value type {kind}",
                    spec.spec.locate(schema_path),
                    patch,
                )
            )
        for (vendor, operation, schema_pointer), paths in sorted(self.seen.items()):
            spec = self.specs[vendor]
            for path, schema_path in _documented_paths(spec.document, schema_pointer, "", 0):
                if path not in paths and not any(p.startswith(path + "/") for p in paths):
                    parent = path.rsplit("/", 1)[0] or "/"
                    if parent != "/" and parent not in paths:
                        continue  # the parent was never seen either: say it once, at the top
                    found.append(
                        DriftItem(
                            "never-seen",
                            vendor,
                            operation,
                            path,
                            0,
                            "documented, never in the captured responses",
                            spec.spec.locate(schema_path),
                            f"# {schema_path}: keep, or mark it optional/obsolete",
                        )
                    )
        for (kind, vendor, operation, path, schema_path), values in sorted(self.values.items()):
            spec = self.specs[vendor]
            patch = _patch(kind, spec, schema_path, values)
            shown = ", ".join(f"{value} x{count}" for value, count in values.most_common(5))
            found.append(
                DriftItem(
                    kind, vendor, operation, path, sum(values.values()), shown, spec.spec.locate(schema_path), patch
                )
            )
        return found


def _patch(kind: str, spec: VendorSpec, schema_path: str, values: Counter[str]) -> str:
    owner = schema_path.rsplit("/", 1)[0]
    try:
        schema = resolve(spec.document, {"$ref": "#" + owner}, owner).value
    except RefError:
        schema = {}
    if kind == "enum":
        current = list(schema.get("enum") or [])
        numeric = all(isinstance(v, int) for v in current)
        extra = [int(v) if numeric and v.lstrip("-").isdigit() else v for v in values]
        return f"{owner}:\n  enum: {current + [v for v in extra if v not in current]}"
    if kind == "null":
        kind_name = schema.get("type", "string")
        return f"{owner}:\n  type: [{kind_name}, 'null']  # only if the vendor documents null; otherwise an erratum"
    if kind == "format":
        return f"{owner}:\n  # format: {schema.get('format')}  # drop it, or an erratum if the docs promise it"
    return f"{owner}:\n  type: {schema.get('type')}  # the traffic sends something else; see the values"


def _walk_values(value: Any, pointer: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            path = join_pointer(pointer, key)
            found.append((path, child))
            found.extend(_walk_values(child, path))
    elif isinstance(value, list):
        for child in value:
            found.extend(_walk_values(child, pointer + "/*"))
    return found


def _documented_paths(document: dict[str, Any], schema_pointer: str, path: str, depth: int) -> list[tuple[str, str]]:
    """Every documented property path under a response schema, arrays as ``*``."""
    if depth > 8:
        return []
    try:
        resolved = resolve(document, {"$ref": "#" + schema_pointer}, schema_pointer)
    except RefError:
        return []
    node, at = resolved.value, resolved.pointer
    if not isinstance(node, dict):
        return []
    found: list[tuple[str, str]] = []
    for index, _ in enumerate(node.get("allOf") or []):
        found.extend(_documented_paths(document, join_pointer(at, "allOf", index), path, depth + 1))
    for name in node.get("properties") or {}:
        child = join_pointer(at, "properties", name)
        child_path = join_pointer(path, name)
        found.append((child_path, child))
        found.extend(_documented_paths(document, child, child_path, depth + 1))
    if isinstance(node.get("items"), dict):
        found.extend(_documented_paths(document, join_pointer(at, "items"), path + "/*", depth + 1))
    return found


__all__ = ["DriftCollector", "DriftItem", "general", "split_pointer"]
