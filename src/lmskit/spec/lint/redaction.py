"""What redaction reads from a spec: ``x-lmskit-personal`` (pseudonymise this field) and ``x-lmskit-safe`` (keep
this string as it is). Both sit on schemas; one node never carries both, since a value cannot be kept and hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.pointers import join_pointer
from lmskit.spec.privacy import PERSONAL_KINDS


def check_redaction(spec: Spec) -> Iterator[Problem]:
    stack: list[tuple[Any, str]] = [(spec.document, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            yield from _check_node(node, pointer)
            stack.extend((child, join_pointer(pointer, key)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, join_pointer(pointer, index)) for index, child in enumerate(node))


def _check_node(node: dict[str, Any], pointer: str) -> Iterator[Problem]:
    kinds = ", ".join(sorted(PERSONAL_KINDS))
    if "x-lmskit-personal" in node and node["x-lmskit-personal"] not in PERSONAL_KINDS:
        yield Problem(
            join_pointer(pointer, "x-lmskit-personal"),
            f"x-lmskit-personal {node['x-lmskit-personal']!r} is not a kind redaction knows",
            f"write one of {kinds}",
        )
    if "x-lmskit-safe" not in node:
        return
    safe = node["x-lmskit-safe"]
    at = join_pointer(pointer, "x-lmskit-safe")
    if not isinstance(safe, str) or not safe.strip():
        yield Problem(
            at, "x-lmskit-safe is not a non-empty string", "say why the value is safe to keep: `id`, `course title`"
        )
    if "x-lmskit-personal" in node:
        yield Problem(
            at, "x-lmskit-safe and x-lmskit-personal on one schema", "keep x-lmskit-personal; drop x-lmskit-safe"
        )
    if node.get("format") == "password" or node.get("writeOnly") is True:
        yield Problem(
            at, "x-lmskit-safe on a password or write-only field", "drop x-lmskit-safe: such values are never kept"
        )
