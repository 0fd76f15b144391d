"""Local ``$ref`` resolution. Specs are single files: the generator cannot follow references across files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lmskit.spec.pointers import PointerError, join_pointer, resolve_pointer


class RefError(LookupError):
    """A ``$ref`` that cannot be followed."""


@dataclass(frozen=True, slots=True)
class Resolved:
    value: Any
    pointer: str


def resolve(document: dict[str, Any], value: Any, pointer: str) -> Resolved:
    """Follow ``$ref`` chains from ``value`` (found at ``pointer``) to the referenced value and its pointer."""
    seen: set[str] = set()
    while isinstance(value, dict) and isinstance(value.get("$ref"), str):
        ref = value["$ref"]
        if not ref.startswith("#"):
            raise RefError(f"{ref!r} points outside this file")
        if ref in seen:
            raise RefError(f"{ref!r} is part of a reference cycle")
        seen.add(ref)
        try:
            value = resolve_pointer(document, ref[1:])
        except PointerError as exc:
            raise RefError(f"{ref!r} cannot be resolved: {exc}") from None
        pointer = ref[1:]
    return Resolved(value, pointer)


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every ``(pointer of the $ref key's owner, ref string)`` in the document."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref
        for key, value in node.items():
            yield from iter_refs(value, join_pointer(pointer, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_refs(value, join_pointer(pointer, index))
