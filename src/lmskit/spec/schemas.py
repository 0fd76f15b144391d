"""Validating values against schemas inside a spec, with strict format checks.

OpenAPI 3.1 schemas are JSON Schema 2020-12, so the whole spec is registered as one resource and each
subschema is reached by a ``$ref`` into it. jsonschema-rs does the work: it is the engine schemathesis
checks responses with, so a value we accept is a value schemathesis accepts (RFC 3339 date-time,
ISO 8601 duration and uuid are checked strictly, unlike jsonschema's optional format extras).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import jsonschema_rs

from lmskit.spec.pointers import join_pointer
from lmskit.spec.walk import declared_types

_SPEC_URI = "urn:lmskit:spec"

# ``x-lmskit-client-format``: how a generated client should type a string whose wire format is wider than
# any registered format (Absorb's date-times, with or without an offset). Validators use its ``pattern``.
CLIENT_FORMATS = frozenset({"date-time", "date", "uuid"})


@dataclass(frozen=True, slots=True)
class SchemaViolation:
    """One way a value breaks a schema: where in the value, which schema keyword, and what."""

    instance_pointer: str
    schema_pointer: str
    message: str
    # The keyword that failed: for a failed oneOf/anyOf, the one inside its closest branch.
    keyword_pointer: str = ""

    @property
    def keyword(self) -> str:
        return (self.keyword_pointer or self.schema_pointer).rsplit("/", 1)[-1]


class SchemaCompileError(ValueError):
    """The schema at a pointer cannot be compiled (for example an invalid ``pattern``)."""


class SchemaValidators:
    """Validators for the subschemas of one document, compiled once per pointer and reused."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._registry = jsonschema_rs.Registry([(_SPEC_URI, document)])
        self._compiled: dict[str, Any] = {}

    def validator(self, schema_pointer: str) -> Any:
        compiled = self._compiled.get(schema_pointer)
        if compiled is None:
            # jsonschema-rs wants the fragment percent-encoded ({ and } in path templates).
            ref = f"{_SPEC_URI}#{quote(schema_pointer, safe='/~')}"
            try:
                compiled = jsonschema_rs.validator_for({"$ref": ref}, registry=self._registry, validate_formats=True)
            except (ValueError, jsonschema_rs.ReferencingError) as exc:
                raise SchemaCompileError(str(exc).splitlines()[0]) from None
            self._compiled[schema_pointer] = compiled
        return compiled

    def _wrong_container(self, schema_pointer: str, instance: Any) -> SchemaViolation | None:
        """A large object or array where the schema declares other types, as one violation."""
        if not isinstance(instance, (dict, list)) or len(instance) < LARGE_CONTAINER:
            return None
        types = declared_types(self._document, schema_pointer)
        kind = _json_type(instance)
        if types is None or kind in types:
            return None
        expected = " or ".join(f'"{name}"' for name in sorted(types))
        return SchemaViolation(
            "",
            join_pointer(schema_pointer, "type"),
            f"an {kind} of {len(instance):,} items is not of type {expected}",
            join_pointer(schema_pointer, "type"),
        )

    def iter_violations(self, schema_pointer: str, instance: Any) -> Iterator[SchemaViolation]:
        wrong = self._wrong_container(schema_pointer, instance)
        if wrong is not None:
            yield wrong
            return
        for error in self.validator(schema_pointer).iter_errors(instance):
            closest = _closest_alternative(error)
            # A failed oneOf/anyOf sits on the whole object; the closest branch's first error says where.
            located = closest[0] if closest else error
            yield SchemaViolation(
                instance_pointer=join_pointer("", *located.instance_path),
                schema_pointer=join_pointer("", *error.schema_path),
                message=_shorten(_explain(error, closest)),
                keyword_pointer=join_pointer("", *located.schema_path),
            )


# A message quotes the value it is about; a 5 MB list quoted whole would be a 5 MB line (and hold its memory).
MAX_MESSAGE_CHARS = 300


def _shorten(message: str) -> str:
    if len(message) <= MAX_MESSAGE_CHARS:
        return message
    keep = MAX_MESSAGE_CHARS // 2
    return f"{message[:keep]} … ({len(message) - 2 * keep:,} characters) … {message[-keep:]}"


def _json_type(value: Any) -> str:
    """The JSON type of a container (only containers are asked)."""
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


# An error of jsonschema-rs carries a copy of its instance: for a 300,000-row list in place of an object that
# copy alone is half a gigabyte. Containers this large with the wrong type are answered without it.
LARGE_CONTAINER = 1000


def _closest_alternative(error: Any) -> list[Any]:
    """For a failed oneOf/anyOf, the errors of the branch that came closest (fewest errors)."""
    branches: list[list[Any]] = [list(branch) for branch in getattr(error.kind, "context", None) or []]
    if not branches:
        return []
    return min(branches, key=len)


def _explain(error: Any, closest: list[Any]) -> str:
    """The error message; for a failed oneOf/anyOf, also why the closest alternative failed.

    "{"grade":199.7} is not valid under any of the schemas listed in the 'oneOf' keyword" alone does not
    say what to fix; "(closest alternative: /grade: 199.7 is greater than the maximum of 100)" does.
    """
    if not closest:
        return str(error.message)
    details = "; ".join(
        f"{join_pointer('', *sub.instance_path)}: {sub.message}" if sub.instance_path else str(sub.message)
        for sub in closest[:3]
    )
    return f"{error.message} (closest alternative: {details})"
