"""Reading untrusted JSON and YAML with limits: how deep it nests, how many nodes it expands to, and no values
JSON does not have (NaN, Infinity) or keys given twice.

Every input the kit takes from outside — files to validate, HAR captures, request bodies sent to a fake, seeds,
control-API bodies, specs from a pull request — goes through here, so a hostile input gets an error that names
the limit instead of a RecursionError, a hang or gigabytes of memory.
"""

from __future__ import annotations

import json
import os
from typing import Any

# Deeper than any API body or spec a person writes; far below Python's recursion limit (the parsers and the
# validators below recurse). LMSKIT_MAX_DEPTH raises it.
MAX_DEPTH = int(os.environ.get("LMSKIT_MAX_DEPTH", "200"))
# Values reached when walking a loaded document, aliases followed: a YAML alias bomb expands past it at once.
MAX_NODES = int(os.environ.get("LMSKIT_MAX_NODES", "5000000"))


class LimitError(ValueError):
    """The input breaks a limit; the message names it, where it was broken, and how to raise it."""


def _no_constant(name: str) -> Any:
    raise LimitError(f"{name} is not JSON (write null or a number)")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise LimitError(f"the key {key!r} appears twice in one object (JSON readers keep either one)")
        result[key] = value
    return result


DECODER = json.JSONDecoder(parse_constant=_no_constant, object_pairs_hook=_no_duplicates)


def loads(text: str | bytes) -> Any:
    """``json.loads`` with the limits: raises ``json.JSONDecodeError`` for bad JSON, ``LimitError`` for the rest."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    value, end = raw_decode(text, _skip_space(text, 0))
    if _skip_space(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip_space(text, end))
    return value


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def raw_decode(text: str, position: int) -> tuple[Any, int]:
    """``JSONDecoder.raw_decode`` with the limits (for streamed HAR entries too)."""
    try:
        value, end = DECODER.raw_decode(text, position)
    except RecursionError:
        # The C parser gives up near Python's recursion limit, long before the stack does.
        raise LimitError(f"nested deeper than {MAX_DEPTH} levels; LMSKIT_MAX_DEPTH raises the limit") from None
    check_shape(value)
    return value, end


def check_shape(value: Any, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Walk a loaded value without recursion, following shared references (YAML aliases) every time they are
    used: too deep or too many nodes raises LimitError with the JSON pointer where the limit was crossed."""
    stack: list[tuple[Any, int, str]] = [(value, 0, "")]
    nodes = 0
    while stack:
        node, depth, pointer = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            raise LimitError(
                f"expands to more than {max_nodes:,} values (YAML aliases repeat what they point to; an alias "
                "bomb?); LMSKIT_MAX_NODES raises the limit"
            )
        if depth > max_depth:
            where = pointer if len(pointer) <= 80 else f"{pointer[:40]}…{pointer[-30:]}"
            raise LimitError(f"{where}: nested deeper than {max_depth} levels; LMSKIT_MAX_DEPTH raises the limit")
        if isinstance(node, dict):
            for key, child in node.items():
                if isinstance(child, (dict, list)):
                    escaped = str(key).replace("~", "~0").replace("/", "~1")
                    stack.append((child, depth + 1, f"{pointer}/{escaped}"))
                else:
                    nodes += 1
        elif isinstance(node, list):
            for index, child in enumerate(node):
                if isinstance(child, (dict, list)):
                    stack.append((child, depth + 1, f"{pointer}/{index}"))
                else:
                    nodes += 1
