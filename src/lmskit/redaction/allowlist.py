"""What a recording may keep: the allowlist every redacted value is judged by.

A value is kept only where the spec says what it is and that it is neither personal nor secret:

- ``true``/``false``/``null`` everywhere, and a number the spec declares a number;
- a string the spec declares as one of an ``enum``/``const``, or with a ``format`` of ``date``, ``date-time``,
  ``time``, ``duration`` or ``uuid`` (and that is one);
- a string whose schema says ``x-lmskit-safe: <why>`` (an id without a format, a course title): a documented
  non-personal string; when the schema has a ``pattern``, the value must match it as well;
- a URL the spec declares (``format: uri``), rebuilt by the URL rules of ``lmskit.redaction.redactor``.

Never kept, whatever the schema says: ``format: password``, and anything a token operation receives or answers.
``x-lmskit-personal`` fields are pseudonymised instead (``lmskit.redaction.redactor.Pseudonyms``). Every other
string — undeclared fields, free text, endpoints the spec does not cover — becomes a typed placeholder that
still validates (an email stays an email), the same value giving the same placeholder within a project.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from lmskit.spec.privacy import PERSONAL_KINDS, declared_safe, personal_kind

__all__ = ["PERSONAL_KINDS", "SAFE_HEADERS", "personal_kind", "placeholder", "string_is_safe"]


# Headers kept with their values, whatever the spec says: they describe the message, never a person or a
# credential. The spec adds the headers it declares (an operation's response headers, its header parameters)
# whose values its schema calls safe, such as Bridge's rate-limit headers and Absorb's x-api-version.
SAFE_HEADERS = frozenset(
    {
        "accept",
        "accept-encoding",
        "cache-control",
        "content-encoding",
        "content-language",
        "content-length",
        "content-type",
        "date",
        "etag",
        "expires",
        "last-modified",
        "retry-after",
        "vary",
    }
)

_FORMATS = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "date-time": re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?"),
    "time": re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?"),
    "duration": re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"),
    "uuid": re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"),
}
URL_FORMATS = frozenset({"uri", "uri-reference", "iri", "iri-reference", "url"})
_NUMBER_TYPES = frozenset({"number", "integer"})


def never_kept(nodes: Iterable[Mapping[str, Any]]) -> bool:
    return any(node.get("format") == "password" or node.get("writeOnly") is True for node in nodes)


def string_is_safe(nodes: Iterable[Mapping[str, Any]], value: str) -> bool:
    """Whether the spec says ``value`` (a string at a place these schema nodes describe) may be kept as is."""
    listed = list(nodes)
    if never_kept(listed):
        return False
    for node in listed:
        if not _fits_pattern(node, value):
            return False
    for node in listed:
        if declared_safe(node):
            return True
        enum = node.get("enum")
        if isinstance(enum, list) and value in enum:
            return True
        if "const" in node and node["const"] == value:
            return True
        pattern = _FORMATS.get(str(node.get("format") or node.get("x-lmskit-client-format")))
        if pattern is not None and pattern.fullmatch(value):
            return True
    return False


def _fits_pattern(node: Mapping[str, Any], value: str) -> bool:
    """A declared ``pattern`` must match too: a name in a field whose pattern is a date is not a date."""
    pattern = node.get("pattern")
    if not isinstance(pattern, str):
        return True
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return False


def number_is_declared(nodes: Iterable[Mapping[str, Any]]) -> bool:
    for node in nodes:
        declared = node.get("type")
        types = set(declared) if isinstance(declared, list) else {declared}
        if types & _NUMBER_TYPES or isinstance(node.get("enum"), list):
            return True
    return False


def is_url(nodes: Iterable[Mapping[str, Any]]) -> bool:
    return any(node.get("format") in URL_FORMATS for node in nodes)


def placeholder(nodes: Iterable[Mapping[str, Any]], digest: str) -> str:
    """A string that says nothing of the value it replaces and still fits its declared format and length."""
    listed = list(nodes)
    formats = {str(node.get("format")) for node in listed if node.get("format")}
    if "email" in formats or "idn-email" in formats:
        return f"redacted-{digest[:12]}@example.invalid"
    if formats & URL_FORMATS:
        return f"https://example.invalid/redacted/{digest[:12]}"
    if "uuid" in formats:
        return str(uuid.UUID(hex=digest[:32].ljust(32, "0"), version=4))
    if "date-time" in formats:
        return "1970-01-01T00:00:00Z"
    if "date" in formats:
        return "1970-01-01"
    text = f"redacted-{digest[:8]}"
    longest = min((node["maxLength"] for node in listed if isinstance(node.get("maxLength"), int)), default=None)
    shortest = max((node["minLength"] for node in listed if isinstance(node.get("minLength"), int)), default=0)
    if longest is not None and len(text) > longest:
        text = text[: max(longest, 0)]
    return text.ljust(shortest, "x")


def parameter_is_safe(schema: Mapping[str, Any] | None, value: str) -> bool:
    """A query, path or header parameter's value as the URL carries it (text), judged by its schema."""
    if not isinstance(schema, Mapping):
        return False
    if string_is_safe([schema], value):
        return True
    if number_is_declared([schema]) and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return True
    declared = schema.get("type")
    types = set(declared) if isinstance(declared, list) else {declared}
    return "boolean" in types and value in ("true", "false")
