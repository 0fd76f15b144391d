"""Fields an overlay adds to a response schema, filled in the fake's answers from the overlay's own values.

A tenant overlay that declares ``acmeCostCentre: {type: string, example: CC-1001}`` on CourseEnrollment
gets ``"acmeCostCentre": "CC-1001"`` in every course enrollment the fake returns, so a user's code reads
the field against the fake exactly as against their tenant. Only nodes that come from an overlay and carry
a ``default``, ``example`` or ``examples`` are filled; the vendor's own fields stay the handlers' business.
"""

from __future__ import annotations

from typing import Any

from lmskit.spec.api import Api
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.walk import every_branch, iter_combined

_MISSING = object()


def fill_overlay_fields(api: Api, schema_pointer: str, body: Any) -> Any:
    """``body`` with every absent overlay-declared property set to its default or first example (in place)."""
    _fill(api, schema_pointer, body, 0)
    return body


def _fill(api: Api, schema_pointer: str, value: Any, depth: int) -> None:
    if depth > 32:
        return
    for schema, at in iter_combined(api.document, schema_pointer, every_branch):
        if isinstance(value, list) and isinstance(schema.get("items"), dict):
            for item in value:
                _fill(api, join_pointer(at, "items"), item, depth + 1)
        if not isinstance(value, dict):
            continue
        for name, _ in (schema.get("properties") or {}).items():
            pointer = join_pointer(at, "properties", name)
            if name in value:
                _fill(api, pointer, value[name], depth + 1)
            elif api.from_overlay(pointer):
                filled = _overlay_value(api, pointer)
                if filled is not _MISSING:
                    value[name] = filled


def _overlay_value(api: Api, pointer: str) -> Any:
    try:
        schema = resolve(api.document, {"$ref": "#" + pointer}, pointer).value
    except RefError:
        return _MISSING
    if not isinstance(schema, dict):
        return _MISSING
    if "default" in schema:
        return schema["default"]
    if "example" in schema:
        return schema["example"]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    return _MISSING
