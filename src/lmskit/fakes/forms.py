"""A form body read the way Rails reads one (Rack's nested parameters), then typed by the JSON schema.

Bridge is a Rails application: the Instructure-written gem sends writes as ``application/x-www-form-urlencoded``
(``enrollments[][user_id]=42&enrollments[][end_at]=2017-12-31T07:00:00Z``), which Rails turns into the same
parameters as the JSON body ``{"enrollments": [{"user_id": "42", "end_at": "…"}]}``. Every form value is text;
``typed`` gives each the type its schema declares (``"42"`` → 42 where the schema says integer), so the body is
validated and handled as the JSON one would be.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

from lmskit.spec.pointers import PointerError, resolve_pointer
from lmskit.spec.walk import iter_described

_NAME = re.compile(r"\A[\[\]]*([^\[\]]+)\]*")
_ARRAY_OF_HASHES = re.compile(r"\A\[\]\[([^\[\]]+)\]\Z")
_ARRAY_CHILD = re.compile(r"\A\[\](.+)\Z")
# Deeper nesting is not a form any client sends; it is read as a plain key.
MAX_NESTING = 16


class FormError(ValueError):
    """A form whose keys contradict each other (``a=1&a[b]=2``): Rails answers 400 to it too."""


def rails_params(text: str) -> dict[str, Any]:
    """``enrollments[][user_id]=42&enrollments[][end_at]=x`` → ``{"enrollments": [{"user_id": "42", "end_at": "x"}]}``,
    as Rack's ``normalize_params`` builds it."""
    params: dict[str, Any] = {}
    for key, value in parse_qsl(text, keep_blank_values=True, max_num_fields=10_000):
        _normalize(params, key, value, 0)
    return params


def _normalize(params: dict[str, Any], name: str, value: str, depth: int) -> dict[str, Any]:
    found = _NAME.match(name)
    if found is None or depth > MAX_NESTING:
        params[name] = value
        return params
    key, after = found.group(1), name[found.end() :]
    if after == "":
        params[key] = value
    elif after == "[]":
        listed = params.setdefault(key, [])
        if not isinstance(listed, list):
            raise FormError(f"{key} is both a value and a list")
        listed.append(value)
    elif (child := _ARRAY_OF_HASHES.match(after) or _ARRAY_CHILD.match(after)) is not None:
        child_key = child.group(1)
        listed = params.setdefault(key, [])
        if not isinstance(listed, list):
            raise FormError(f"{key} is both a value and a list")
        head = _NAME.match(child_key)
        first = head.group(1) if head else child_key
        if listed and isinstance(listed[-1], dict) and first not in listed[-1]:
            _normalize(listed[-1], child_key, value, depth + 1)
        else:
            listed.append(_normalize({}, child_key, value, depth + 1))
    else:
        nested = params.setdefault(key, {})
        if not isinstance(nested, dict):
            raise FormError(f"{key} is both a value and an object")
        _normalize(nested, after, value, depth + 1)
    return params


def typed(document: dict[str, Any], schema_pointer: str, body: Any) -> Any:
    """``body`` with each text value the schema declares a number, an integer or a boolean turned into one (a
    value that does not read as one stays text, and validation says what is wrong)."""
    for at, node in list(iter_described(document, schema_pointer, body)):
        declared = node.get("type")
        types = {declared} if isinstance(declared, str) else set(declared) if isinstance(declared, list) else set()
        if not at or not types & {"integer", "number", "boolean", "null"}:
            continue
        parent_at, _, last = at.rpartition("/")
        try:
            parent = resolve_pointer(body, parent_at)
        except PointerError:
            continue
        key: Any = int(last) if isinstance(parent, list) else last.replace("~1", "/").replace("~0", "~")
        value = parent[key] if isinstance(parent, (dict, list)) else None
        if isinstance(value, str):
            parent[key] = _typed_value(value, types)
    return body


def _typed_value(text: str, types: set[str]) -> Any:
    if "integer" in types and re.fullmatch(r"-?\d{1,18}", text):
        return int(text)
    if "number" in types and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text):
        return float(text) if not text.lstrip("-").isdigit() else int(text)
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    if "null" in types and text == "":
        return None
    return text
