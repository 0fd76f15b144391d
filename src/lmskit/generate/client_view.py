"""The spec as the client generator should read it: the same API, minus what openapi-python-client cannot
represent and would mistype.

Two rules, both about validation-only detail a Python type cannot carry:

- ``x-lmskit-client-format: date-time`` on a string schema whose wire format is wider than any registered
  format (Absorb's date-times come with or without a UTC offset): the generator sees ``format: date-time``
  and the client hands users a ``datetime`` (Python's ``fromisoformat`` reads both forms). Validators keep
  the schema's own ``pattern``.
- ``anyOf``/``oneOf`` whose branches only list ``required`` properties ("either key must be present") say
  nothing about types; the generator would turn the whole object into ``Any``, so they are dropped here.

    {"type": "string", "pattern": "…", "x-lmskit-client-format": "date-time"}
    → {"type": "string", "format": "date-time"}
"""

from __future__ import annotations

import copy
from typing import Any

from lmskit.spec.schemas import CLIENT_FORMATS
from lmskit.spec.walk import iter_tree

_VALIDATION_ONLY = frozenset({"required", "description", "title"})


def client_view(document: dict[str, Any]) -> dict[str, Any]:
    view = copy.deepcopy(document)
    _rewrite(view)
    return view


def _rewrite(document: dict[str, Any]) -> None:
    for _, node in iter_tree(document, skip=("example", "examples", "default", "enum", "const"), max_depth=10_000):
        if not isinstance(node, dict):
            continue
        client_format = node.get("x-lmskit-client-format")
        if client_format in CLIENT_FORMATS:
            node["format"] = client_format
            node.pop("pattern", None)
        for keyword in ("anyOf", "oneOf"):
            branches = node.get(keyword)
            if (
                isinstance(branches, list)
                and branches
                and all(isinstance(b, dict) and b and set(b) <= _VALIDATION_ONLY and "required" in b for b in branches)
            ):
                del node[keyword]
