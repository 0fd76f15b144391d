"""The kit's own annotations: ``x-lmskit-errata`` (vendor-doc defects) and ``x-lmskit-confidence``.

An erratum is a mapping ``{docs, spec, why[, source]}``: what the vendor docs say, what the spec says
instead, and why. Confidence is ``low|medium|high`` and always comes with ``x-lmskit-source``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.pointers import join_pointer

ERRATUM_REQUIRED = ("docs", "spec", "why")
ERRATUM_OPTIONAL = ("source",)
CONFIDENCE_LEVELS = ("low", "medium", "high")


def check_annotations(spec: Spec) -> Iterator[Problem]:
    yield from _walk(spec.document, "")


def _walk(node: Any, pointer: str) -> Iterator[Problem]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, join_pointer(pointer, index))
        return
    if not isinstance(node, dict):
        return
    if "x-lmskit-errata" in node:
        yield from _check_errata(node["x-lmskit-errata"], join_pointer(pointer, "x-lmskit-errata"))
    if "x-lmskit-confidence" in node:
        yield from _check_confidence(node, pointer)
    for key, value in node.items():
        if key not in ("x-lmskit-errata", "example", "examples"):
            yield from _walk(value, join_pointer(pointer, str(key)))


def _check_errata(errata: Any, pointer: str) -> Iterator[Problem]:
    if not isinstance(errata, list) or not errata:
        yield Problem(
            pointer, "x-lmskit-errata is not a non-empty list", "write a list of `{docs, spec, why, source}` mappings"
        )
        return
    for index, entry in enumerate(errata):
        entry_pointer = join_pointer(pointer, index)
        if not isinstance(entry, dict):
            yield Problem(
                entry_pointer, "erratum is not a mapping", "write `{docs: ..., spec: ..., why: ..., source: ...}`"
            )
            continue
        for key in ERRATUM_REQUIRED:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                yield Problem(
                    entry_pointer,
                    f"erratum has no {key!r} text",
                    "every erratum says what the docs say (docs), what the spec says (spec) and why",
                )
        for key in entry:
            if key not in ERRATUM_REQUIRED + ERRATUM_OPTIONAL:
                yield Problem(
                    join_pointer(entry_pointer, str(key)),
                    f"erratum has an unknown key {key!r}",
                    f"use only {', '.join(ERRATUM_REQUIRED + ERRATUM_OPTIONAL)}",
                )


def _check_confidence(node: dict[str, Any], pointer: str) -> Iterator[Problem]:
    level = node["x-lmskit-confidence"]
    if level not in CONFIDENCE_LEVELS:
        yield Problem(
            join_pointer(pointer, "x-lmskit-confidence"),
            f"x-lmskit-confidence is {level!r}",
            f"use one of {', '.join(CONFIDENCE_LEVELS)}",
        )
    source = node.get("x-lmskit-source")
    if not isinstance(source, str) or not source.strip():
        yield Problem(
            join_pointer(pointer, "x-lmskit-confidence"),
            "x-lmskit-confidence without x-lmskit-source",
            "add `x-lmskit-source:` naming where the fact comes from",
        )
