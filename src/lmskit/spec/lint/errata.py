"""The kit's own annotations: ``x-lmskit-errata`` (where the spec departs from the vendor docs),
``x-lmskit-evidence`` (evidence weighed and not followed), ``x-lmskit-confidence`` and
``x-lmskit-client-format``.

An erratum is a mapping ``{docs, spec, why[, source, confidence]}``: what the vendor docs say, what the spec
says instead, why, where the evidence is and how sure we are. An evidence entry is
``{source, shows, decision, confidence}``. Confidence is ``low|medium|high``; ``x-lmskit-confidence``
always comes with ``x-lmskit-source``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.pointers import join_pointer
from lmskit.spec.schemas import CLIENT_FORMATS
from lmskit.spec.walk import iter_tree

ERRATUM_REQUIRED = ("docs", "spec", "why")
ERRATUM_OPTIONAL = ("source", "confidence")
EVIDENCE_KEYS = ("source", "shows", "decision", "confidence")
CONFIDENCE_LEVELS = ("low", "medium", "high")


def check_annotations(spec: Spec) -> Iterator[Problem]:
    yield from _walk(spec.document, "")


_NOT_SPEC = ("x-lmskit-errata", "x-lmskit-evidence", "example", "examples")  # data: checked as a whole, not entered


def _walk(document: Any, start: str) -> Iterator[Problem]:
    for pointer, node in iter_tree(document, start, skip=_NOT_SPEC):
        if not isinstance(node, dict):
            continue
        if "x-lmskit-errata" in node:
            yield from _check_errata(node["x-lmskit-errata"], join_pointer(pointer, "x-lmskit-errata"))
        if "x-lmskit-evidence" in node:
            yield from _check_evidence(node["x-lmskit-evidence"], join_pointer(pointer, "x-lmskit-evidence"))
        if "x-lmskit-confidence" in node:
            yield from _check_confidence(node, pointer)
        if "x-lmskit-client-format" in node:
            yield from _check_client_format(node, pointer)


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
        if "confidence" in entry:
            yield from _check_level(
                entry["confidence"], join_pointer(entry_pointer, "confidence"), "erratum confidence"
            )


def _check_evidence(evidence: Any, pointer: str) -> Iterator[Problem]:
    hint = "write a list of `{source, shows, decision, confidence}` mappings"
    if not isinstance(evidence, list) or not evidence:
        yield Problem(pointer, "x-lmskit-evidence is not a non-empty list", hint)
        return
    for index, entry in enumerate(evidence):
        entry_pointer = join_pointer(pointer, index)
        if not isinstance(entry, dict) or sorted(entry) != sorted(EVIDENCE_KEYS):
            yield Problem(entry_pointer, f"evidence entry must have exactly {', '.join(EVIDENCE_KEYS)}", hint)
        else:
            yield from _check_level(
                entry["confidence"], join_pointer(entry_pointer, "confidence"), "evidence confidence"
            )


def _check_client_format(node: dict[str, Any], pointer: str) -> Iterator[Problem]:
    value = node["x-lmskit-client-format"]
    if value not in CLIENT_FORMATS or node.get("type") != "string" or "format" in node:
        yield Problem(
            join_pointer(pointer, "x-lmskit-client-format"),
            f"x-lmskit-client-format {value!r} needs a `type: string` schema without `format`",
            f"use one of {', '.join(sorted(CLIENT_FORMATS))} on a string schema whose `pattern` says what is valid",
        )


def _check_level(level: Any, pointer: str, what: str) -> Iterator[Problem]:
    if level not in CONFIDENCE_LEVELS:
        yield Problem(pointer, f"{what} is {level!r}", f"use one of {', '.join(CONFIDENCE_LEVELS)}")


def _check_confidence(node: dict[str, Any], pointer: str) -> Iterator[Problem]:
    yield from _check_level(
        node["x-lmskit-confidence"], join_pointer(pointer, "x-lmskit-confidence"), "x-lmskit-confidence"
    )
    source = node.get("x-lmskit-source")
    if not isinstance(source, str) or not source.strip():
        yield Problem(
            join_pointer(pointer, "x-lmskit-confidence"),
            "x-lmskit-confidence without x-lmskit-source",
            "add `x-lmskit-source:` naming where the fact comes from",
        )
