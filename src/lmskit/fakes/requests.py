"""Spec-driven request checking: path, query and header parameters and the JSON body of an operation.

Every fake validates requests through this one mechanism, against the vendor's own spec; vendors only
choose which documented status a validation failure gets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lmskit.spec.media import is_json_media_type
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import resolve
from lmskit.spec.schemas import SchemaValidators

_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


@dataclass(frozen=True, slots=True)
class ParameterPlan:
    name: str
    location: str  # path | query | header
    required: bool
    schema_pointer: str
    schema: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BodyPlan:
    required: bool
    schema_pointer: str | None


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


class OperationPlan:
    """What one operation accepts, read from the spec once."""

    def __init__(self, document: dict[str, Any], operation: Operation, validators: SchemaValidators) -> None:
        self.operation = operation
        self._validators = validators
        self.parameters = list(_parameters(document, operation))
        self.body = _body(document, operation)

    def parse(
        self,
        path_params: Mapping[str, str],
        query: Sequence[tuple[str, str]],
        headers: Mapping[str, str],
        raw_body: bytes,
        content_type: str | None,
    ) -> tuple[ParsedRequest, list[RequestProblem]]:
        parsed = ParsedRequest()
        problems: list[RequestProblem] = []
        for plan in self.parameters:
            raw = _raw_value(plan, path_params, query, headers)
            if raw is None:
                if plan.required:
                    problems.append(
                        RequestProblem(
                            plan.location, plan.name, f"required {plan.location} parameter {plan.name!r} is missing"
                        )
                    )
                continue
            value = _coerce(raw, plan.schema, self._validators, plan.schema_pointer)
            for violation in self._validators.iter_violations(plan.schema_pointer, value):
                keyword = violation.schema_pointer.rsplit("/", 1)[-1]
                problems.append(RequestProblem(plan.location, plan.name, f"{plan.name}: {violation.message}", keyword))
            getattr(parsed, plan.location if plan.location != "header" else "headers")[plan.name] = value
        body = self._parse_body(raw_body, content_type, problems)
        return ParsedRequest(parsed.path, parsed.query, parsed.headers, body), problems

    def _parse_body(self, raw_body: bytes, content_type: str | None, problems: list[RequestProblem]) -> Any:
        if self.body is None:
            return None
        if not raw_body.strip():
            if self.body.required:
                problems.append(RequestProblem("body", None, "the request body is required"))
            return None
        if content_type is not None and not is_json_media_type(content_type):
            problems.append(RequestProblem("body", None, f"the body must be application/json, not {content_type}"))
            return None
        try:
            body = json.loads(raw_body)
        except (ValueError, UnicodeDecodeError) as exc:
            problems.append(RequestProblem("body", None, f"the body is not valid JSON ({exc})"))
            return None
        if self.body.schema_pointer is not None:
            for violation in self._validators.iter_violations(self.body.schema_pointer, body):
                token = violation.instance_pointer.lstrip("/").split("/", 1)[0]
                name = token if token and not token.isdigit() else None  # a field, not an array position
                where = violation.instance_pointer or "body"
                keyword = violation.schema_pointer.rsplit("/", 1)[-1]
                problems.append(RequestProblem("body", name, f"{where}: {violation.message}", keyword))
        return body


def _parameters(document: dict[str, Any], operation: Operation) -> list[ParameterPlan]:
    path_item_pointer = operation.pointer.rsplit("/", 1)[0]
    found: dict[tuple[str, str], ParameterPlan] = {}
    for owner, owner_pointer in ((operation.path_item, path_item_pointer), (operation.definition, operation.pointer)):
        for index, parameter in enumerate(owner.get("parameters") or []):
            resolved = resolve(document, parameter, join_pointer(owner_pointer, "parameters", index))
            value = resolved.value
            schema_pointer = join_pointer(resolved.pointer, "schema")
            schema = resolve(document, value.get("schema", {}), schema_pointer).value
            plan = ParameterPlan(value["name"], value["in"], bool(value.get("required")), schema_pointer, schema)
            # Operation-level parameters override path-level ones of the same name and location.
            found[(plan.location, plan.name.lower() if plan.location == "header" else plan.name)] = plan
    return list(found.values())


def _body(document: dict[str, Any], operation: Operation) -> BodyPlan | None:
    if "requestBody" not in operation.definition:
        return None
    resolved = resolve(document, operation.definition["requestBody"], join_pointer(operation.pointer, "requestBody"))
    content = resolved.value.get("content") or {}
    for media_type in content:
        if is_json_media_type(media_type):
            return BodyPlan(
                bool(resolved.value.get("required")), join_pointer(resolved.pointer, "content", media_type, "schema")
            )
    return BodyPlan(bool(resolved.value.get("required")), None)


def _raw_value(
    plan: ParameterPlan, path_params: Mapping[str, str], query: Sequence[tuple[str, str]], headers: Mapping[str, str]
) -> str | list[str] | None:
    if plan.location == "path":
        return path_params.get(plan.name)
    if plan.location == "header":
        return headers.get(plan.name.lower())
    if plan.location == "query":
        values = [value for key, value in query if key in (plan.name, plan.name + "[]")]
        if not values:
            return None
        return values if plan.schema.get("type") == "array" else values[-1]
    return None


def _coerce(raw: str | list[str], schema: dict[str, Any], validators: SchemaValidators, pointer: str) -> Any:
    """Turn query/path/header text into the JSON value the schema describes; leave it as text when it does not fit,
    so the schema check reports the mismatch."""
    kind = schema.get("type")
    if isinstance(raw, list):
        items = schema.get("items") or {}
        return [_coerce(item, items, validators, pointer) for item in raw]
    if kind == "integer" and _INTEGER.match(raw):
        return int(raw)
    if kind == "number" and _NUMBER.match(raw):
        number = float(raw)
        return int(number) if number.is_integer() and "." not in raw and "e" not in raw.lower() else number
    if kind == "boolean" and raw in ("true", "false"):
        return raw == "true"
    return raw
