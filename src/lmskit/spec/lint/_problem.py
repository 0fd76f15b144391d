from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lmskit.spec.loader import Position, Spec


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: the JSON pointer it is about, what is wrong, and how to fix it."""

    pointer: str
    message: str
    hint: str
    # Set when the pointer alone would name the wrong place (a duplicate key shares its first key's pointer).
    position: Position | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    description: str
    check: Callable[[Spec], Iterator[Problem]]
    # Rules that follow $refs are skipped when the refs rule failed: they would only repeat its findings
    # (and openapi-spec-validator crashes on a dangling $ref).
    needs_refs: bool = False
