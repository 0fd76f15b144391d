"""Local ``$ref`` resolution. Specs are single files: the generator cannot follow references across files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lmskit.spec.pointers import PointerError, resolve_pointer


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
