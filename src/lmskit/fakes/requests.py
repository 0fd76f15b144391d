"""Spec-driven request checking: path, query and header parameters and the JSON body of an operation.

Every fake validates requests through this one mechanism, against the vendor's own spec (read once, in
``lmskit.spec.parameters``); vendors only choose which documented status a validation failure gets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lmskit import bounded
from lmskit.fakes.forms import rails_params, typed
from lmskit.spec.media import is_json_media_type
from lmskit.spec.parameters import Parameter, RequestShape, schema_types
from lmskit.spec.schemas import SchemaValidators, SchemaViolation
from lmskit.spec.walk import object_parts

_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
# Every vendor stores integers in 64 bits (.NET long, Rails bigint, Java long), and so does SQLite: a wider one
# is a validation error of the vendor's, not an OverflowError deep in a handler.
_INT64 = range(-(2**63), 2**63)
_WIDE = "the integer does not fit in 64 bits"
_LONG_DIGITS = re.compile(rb"[0-9]{19}")  # rb"\d{19}" means the same, at twice the cost


@dataclass(frozen=True, slots=True)
class RequestProblem:
    """One way a request breaks the spec."""

    location: str  # path | query | header | body
    name: str | None
    message: str
    keyword: str = ""  # the failing JSON Schema keyword: format, type, required, minItems, ...


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    body: Any = None


def parse_request(
    shape: RequestShape,
    validators: SchemaValidators,
    path_params: Mapping[str, str],
    query: Sequence[tuple[str, str]],
    headers: Mapping[str, str],
    raw_body: bytes,
    content_type: str | None,
    *,
    fold_case: bool = False,
    document: dict[str, Any] | None = None,
) -> tuple[ParsedRequest, list[RequestProblem]]:
    """The request's values as the spec types them, and every way it breaks the spec. ``fold_case``: body
    properties are matched to the schema's names without regard to case (``spec.router.case_insensitive``)."""
    values: dict[str, dict[str, Any]] = {"path": {}, "query": {}, "header": {}}
    problems: list[RequestProblem] = []
    by_name: dict[str, list[str]] = {}
    for key, value in query:
        if key in shape.query:
            by_name.setdefault(shape.query[key].name, []).append(value)
    for parameter in shape.parameters:
        raw = _raw_value(parameter, path_params, by_name, headers)
        if raw is None:
            if parameter.required:
                problems.append(
                    RequestProblem(
                        parameter.location,
                        parameter.name,
                        f"required {parameter.location} parameter {parameter.name!r} is missing",
                    )
                )
            continue
        value = _coerce(raw, parameter.types, parameter.schema)
        if isinstance(value, (int, list)) and _wide_integer(value) is not None:
            problems.append(RequestProblem(parameter.location, parameter.name, f"{parameter.name}: {_WIDE}", "maximum"))
            continue
        for violation in _violations(validators, parameter.schema_pointer, value):
            problems.append(
                RequestProblem(
                    parameter.location, parameter.name, f"{parameter.name}: {violation.message}", violation.keyword
                )
            )
        target = values.get(parameter.location)
        if target is not None:
            target[parameter.name] = value
    body = _parse_body(shape, validators, raw_body, content_type, problems, fold_case, document)
    return ParsedRequest(values["path"], values["query"], values["header"], body), problems


def _parse_body(
    shape: RequestShape,
    validators: SchemaValidators,
    raw_body: bytes,
    content_type: str | None,
    problems: list[RequestProblem],
    fold_case: bool = False,
    document: dict[str, Any] | None = None,
) -> Any:
    if shape.body is None:
        return None
    if not raw_body.strip():
        if shape.body.required:
            problems.append(RequestProblem("body", None, "the request body is required"))
        return None
    if (
        content_type is not None
        and shape.body.form_encoding == "rails"
        and content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"
        and document is not None
        and shape.body.schema_pointer is not None
    ):
        return _form_body(shape.body.schema_pointer, validators, raw_body, problems, document)
    if content_type is not None and not is_json_media_type(content_type):
        problems.append(RequestProblem("body", None, f"the body must be application/json, not {content_type}"))
        return None
    try:
        body = bounded.loads(raw_body)
    except bounded.LimitError as exc:
        problems.append(RequestProblem("body", None, f"the body is {exc}", "maxDepth"))
        return None
    except (ValueError, UnicodeDecodeError) as exc:
        problems.append(RequestProblem("body", None, f"the body is not valid JSON ({exc})"))
        return None
    if fold_case and document is not None and shape.body.schema_pointer is not None:
        body = _declared_case(document, shape.body.schema_pointer, body)
    # Only a run of 19 or more digits can be an integer past 64 bits: most bodies skip the walk.
    wide = _wide_integer(body) if _LONG_DIGITS.search(raw_body) else None
    if wide is not None:
        token = wide.lstrip("/").split("/", 1)[0]
        problems.append(RequestProblem("body", token or None, f"{wide or 'body'}: {_WIDE}", "maximum"))
        return None
    if shape.body.schema_pointer is not None:
        _body_problems(validators, shape.body.schema_pointer, body, problems)
    return body


def _body_problems(validators: SchemaValidators, pointer: str, body: Any, problems: list[RequestProblem]) -> None:
    for violation in _violations(validators, pointer, body):
        token = violation.instance_pointer.lstrip("/").split("/", 1)[0]
        name = token if token and not token.isdigit() else None  # a field, not an array position
        where = violation.instance_pointer or "body"
        problems.append(RequestProblem("body", name, f"{where}: {violation.message}", violation.keyword))


def _form_body(
    pointer: str,
    validators: SchemaValidators,
    raw_body: bytes,
    problems: list[RequestProblem],
    document: dict[str, Any],
) -> Any:
    """A Rails form body (``x-lmskit-form-encoding: rails``), read as its JSON twin and validated like it."""
    try:
        body = typed(document, pointer, rails_params(raw_body.decode("utf-8")))
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(RequestProblem("body", None, f"the form body cannot be read ({exc})"))
        return None
    _body_problems(validators, pointer, body, problems)
    return body


def _declared_case(document: dict[str, Any], pointer: str, body: Any) -> Any:
    """A body object's keys spelled as the schema declares them (``Username`` → ``username``), for a vendor that
    binds JSON properties without regard to case. A key the schema does not declare is left as sent."""
    if not isinstance(body, dict):
        return body
    properties, _ = object_parts(document, {"$ref": "#" + pointer}, pointer)
    declared = {name.lower(): name for name in properties}
    return {declared.get(key.lower(), key) if key not in properties else key: value for key, value in body.items()}


def _violations(validators: SchemaValidators, pointer: str, value: Any) -> list[SchemaViolation]:
    # Most requests are valid: one is_valid call answers them; only the rest pay for the explained errors.
    if validators.validator(pointer).is_valid(value):
        return []
    return list(validators.iter_violations(pointer, value))


def _raw_value(
    parameter: Parameter, path_params: Mapping[str, str], query: Mapping[str, list[str]], headers: Mapping[str, str]
) -> str | list[str] | None:
    if parameter.location == "path":
        return path_params.get(parameter.name)
    if parameter.location == "header":
        return headers.get(parameter.name.lower())
    if parameter.location == "query":
        values = query.get(parameter.name)
        if not values:
            return None
        return values if parameter.schema.get("type") == "array" else values[-1]
    return None


def _coerce(raw: str | list[str], types: frozenset[str], schema: dict[str, Any]) -> Any:
    """Turn query/path/header text into the JSON value the schema describes; leave it as text when it does not fit,
    so the schema check reports the mismatch."""
    if isinstance(raw, list):
        items = schema.get("items")
        items = items if isinstance(items, dict) else {}
        item_types = schema_types(items)
        return [_coerce(item, item_types, items) for item in raw]
    if "integer" in types and _INTEGER.match(raw):
        return int(raw)
    if "number" in types and _NUMBER.match(raw):
        number = float(raw)
        return int(number) if number.is_integer() and "." not in raw and "e" not in raw.lower() else number
    if "boolean" in types and raw in ("true", "false"):
        return raw == "true"
    return raw


def _wide_integer(value: Any) -> str | None:
    """The JSON pointer of the first integer in ``value`` outside 64 bits, or None (iterative: bodies are deep)."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, bool):
            continue
        if isinstance(node, int):
            if node not in _INT64:
                return pointer
        elif isinstance(node, dict):
            stack.extend((child, f"{pointer}/{key}") for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, f"{pointer}/{index}") for index, child in enumerate(node))
    return None
