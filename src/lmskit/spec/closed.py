"""A "closed" copy of a spec: every object schema also refuses undocumented properties.

Validating with it answers, in one jsonschema-rs call, "valid and nothing undocumented" — the common
case for captured traffic — so only the rare failures need the slower walk that names each extra field.
It is stricter than the spec, never looser: a value it accepts, the spec accepts with no extra fields.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from lmskit.spec.walk import iter_refs, iter_tree

_SCHEMA_KEYS = ("properties", "allOf")
_COMPOSITION = ("allOf", "anyOf", "oneOf", "$ref", "if", "then", "else", "dependentSchemas")
_ALL_OF_BRANCH = re.compile(r"/allOf/\d+$")
_DATA = ("example", "examples", "enum", "const", "default")  # values, not schemas: never closed


def close_document(document: dict[str, Any]) -> dict[str, Any]:
    closed = copy.deepcopy(document)
    # A schema used as an allOf branch must stay open: the branches share one object, and only the
    # composed schema sees every branch's properties (unevaluatedProperties at the top does that).
    in_all_of = {
        ref[1:] for pointer, ref in iter_refs(closed) if _ALL_OF_BRANCH.search(pointer) and ref.startswith("#")
    }
    _close(closed, in_all_of)
    return closed


def _close(document: dict[str, Any], skip: set[str]) -> None:
    for pointer, node in iter_tree(document, skip=_DATA, skip_extensions=True, max_depth=10_000):
        if not isinstance(node, dict):
            continue
        inside_all_of = _ALL_OF_BRANCH.search(pointer) is not None
        is_object_schema = any(key in node for key in _SCHEMA_KEYS) and "$ref" not in node
        if (
            is_object_schema
            and not inside_all_of
            and pointer not in skip
            and "additionalProperties" not in node
            and "unevaluatedProperties" not in node
            and node.get("type", "object") == "object"
        ):
            # additionalProperties sees only this node's own properties; with nothing composed into the node it
            # means the same as unevaluatedProperties and validates about a third faster.
            composed = any(key in node for key in _COMPOSITION)
            node["unevaluatedProperties" if composed else "additionalProperties"] = False
