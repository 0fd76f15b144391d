"""Reading untrusted JSON and YAML with limits: how deep it nests, how many nodes it expands to, and no values
JSON does not have (NaN, Infinity) or keys given twice.

Every input the kit takes from outside — files to validate, HAR captures, request bodies sent to a fake, seeds,
control-API bodies, specs from a pull request — goes through here, so a hostile input gets an error that names
the limit instead of a RecursionError, a hang or gigabytes of memory.
"""

from __future__ import annotations

import json
from typing import Any

from lmskit.settings import current

# The limits (lmskit.settings): the depth is deeper than any API body or spec a person writes and far below
# Python's recursion limit (the parsers and the validators recurse); the node count is what a YAML alias bomb
# expands past at once.


class LimitError(ValueError):
    """The input breaks a limit; the message names it, where it was broken, and how to raise it."""


def _no_constant(name: str) -> Any:
    raise LimitError(f"{name} is not JSON (write null or a number)")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # the common case costs one comparison; a repeat is looked for only then
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise LimitError(f"the key {key!r} appears twice in one object (JSON readers keep either one)")
            seen.add(key)
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
    """``JSONDecoder.raw_decode`` with the limits, from ``position``."""
    try:
        value, end = DECODER.raw_decode(text, position)
    except RecursionError:
        # The C parser gives up near Python's recursion limit, long before the stack does.
        raise LimitError(
            f"nested deeper than {current().max_depth} levels; LMSKIT_MAX_DEPTH raises the limit"
        ) from None
    # JSON has no aliases: it holds at most one value per character, and nests at most as deep as it has
    # brackets. A body with fewer brackets than the depth limit (most API pages) needs no walk.
    limits = current()
    brackets = text.count("{", position, end) + text.count("[", position, end)
    if brackets > limits.max_depth or end - position > limits.max_nodes:
        check_shape(value, limits.max_depth, limits.max_nodes)
    return value, end


_SCALARS = frozenset({str, int, float, bool, type(None)})


def check_shape(value: Any, max_depth: int | None = None, max_nodes: int | None = None) -> None:
    """Walk a loaded value without recursion, following shared references (YAML aliases) every time they are
    used: too deep or too many nodes raises LimitError with the JSON pointer where the limit was crossed (the
    limits: the current settings' unless given)."""
    max_depth = current().max_depth if max_depth is None else max_depth
    max_nodes = current().max_nodes if max_nodes is None else max_nodes
    # Each container costs one count of its children and a push per child container; the pointer is built
    # from the (parent trail, key) links only when a limit is crossed (a 100 MB HAR walks every entry).
    if not isinstance(value, (dict, list)):
        return
    stack: list[tuple[Any, int, tuple[Any, ...] | None]] = [(value, 0, None)]
    nodes = 1
    while stack:
        node, depth, trail = stack.pop()
        if depth > max_depth:
            pointer = _pointer(trail)
            where = pointer if len(pointer) <= 80 else f"{pointer[:40]}…{pointer[-30:]}"
            raise LimitError(f"{where}: nested deeper than {max_depth} levels; LMSKIT_MAX_DEPTH raises the limit")
        nodes += len(node)
        if nodes > max_nodes:
            raise LimitError(
                f"expands to more than {max_nodes:,} values (YAML aliases repeat what they point to; an alias "
                "bomb?); LMSKIT_MAX_NODES raises the limit"
            )
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in pairs:
            kind = type(child)
            if kind is dict or kind is list or (kind not in _SCALARS and isinstance(child, (dict, list))):
                stack.append((child, depth + 1, (trail, key)))


def _pointer(trail: tuple[Any, ...] | None) -> str:
    keys: list[str] = []
    while trail is not None:
        trail, key = trail
        keys.append(str(key).replace("~", "~0").replace("/", "~1"))
    return "".join(f"/{key}" for key in reversed(keys))
