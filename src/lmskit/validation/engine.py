"""The checks: status documented, content type, documented headers, body against the schema with strict
formats (jsonschema-rs, as schemathesis), and fields the spec does not document.

Validators are compiled once per (operation, status, media type) and reused for every exchange.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from lmskit.spec.closed import close_document
from lmskit.spec.loader import Spec
from lmskit.spec.media import is_json_media_type
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.schemas import SchemaValidators

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One way a response departs from its spec."""

    kind: str  # status | content-type | header | schema | undocumented-field | undocumented-operation
    message: str
    pointer: str = ""  # in the response body
    schema_path: str = ""  # in the spec document
    severity: str = ERROR
    keyword: str = ""  # the failing JSON Schema keyword (type, format, enum, required, …)
    value: Any = None


@dataclass(frozen=True, slots=True)
class ResponsePlan:
    status_key: str
    pointer: str  # of the response object in the spec
    media: dict[str, str]  # media type → schema pointer
    headers: dict[str, tuple[bool, str | None]]  # lower-case name → (required, schema pointer)
    # For the JSON media type: one jsonschema-rs call answering "valid, nothing undocumented" (see spec.closed).
    fast: Any = None
    json_media: str | None = None

    @property
    def schema_pointer(self) -> str | None:
        return self.media.get(self.json_media) if self.json_media else next(iter(self.media.values()), None)


@dataclass
class VendorSpec:
    name: str
    spec: Spec
    validators: SchemaValidators = field(init=False)
    closed: SchemaValidators = field(init=False)

    def __post_init__(self) -> None:
        self.validators = SchemaValidators(self.spec.document)
        self.closed = SchemaValidators(close_document(self.spec.document))

    @property
    def document(self) -> dict[str, Any]:
        return self.spec.document


class ResponseChecker:
    def __init__(self, specs: Mapping[str, VendorSpec], *, strict: bool = False) -> None:
        self.specs = specs
        self.strict = strict
        self._plans: dict[tuple[str, str, str], ResponsePlan | None] = {}

    def check(
        self, vendor: str, operation: Operation, status: int, headers: Mapping[str, str], body: Any, has_body: bool
    ) -> list[Issue]:
        spec = self.specs[vendor]
        plan = self.plan(vendor, operation, status)
        if plan is None:
            documented = ", ".join(str(s) for s in (operation.definition.get("responses") or {}))
            return [
                Issue(
                    "status",
                    f"status {status} is not documented for {operation.label} (documented: {documented})",
                    value=status,
                )
            ]
        issues: list[Issue] = []
        for name, (required, schema_pointer) in plan.headers.items():
            if name not in headers:
                if required:
                    issues.append(Issue("header", f"the documented header {name} is missing"))
                continue
            if schema_pointer is not None:
                value = _coerce_header(headers[name], spec, schema_pointer)
                for violation in spec.validators.iter_violations(schema_pointer, value):
                    message = f"header {name}: {violation.message}"
                    issues.append(Issue("header", message, schema_path=violation.schema_pointer))
        if plan.fast is not None and has_body and _is_json(headers) and plan.fast.is_valid(body):
            return issues  # the common body, in one jsonschema-rs call: valid, nothing undocumented
        issues.extend(self._check_body(spec, plan, operation, status, headers, body, has_body))
        return issues

    def _check_body(
        self,
        spec: VendorSpec,
        plan: ResponsePlan,
        operation: Operation,
        status: int,
        headers: Mapping[str, str],
        body: Any,
        has_body: bool,
    ) -> Iterator[Issue]:
        if not plan.media:
            if has_body:
                yield Issue(
                    "content-type", f"{operation.label} {status} is documented without a body, but one was sent"
                )
            return
        if not has_body:
            yield Issue(
                "content-type",
                f"{operation.label} {status} is documented with a body ({', '.join(plan.media)}), none was sent",
            )
            return
        content_type = headers.get("content-type", "")
        media = _pick_media(plan.media, content_type)
        if media is None:
            yield Issue(
                "content-type",
                f"content type {content_type or '(none)'} is not documented (documented: {', '.join(plan.media)})",
            )
            return
        schema_pointer = plan.media[media]
        if not is_json_media_type(media):
            return
        if isinstance(body, str) and not is_json_media_type(content_type or media):
            return
        for violation in spec.validators.iter_violations(schema_pointer, body):
            keyword = violation.schema_pointer.rsplit("/", 1)[-1]
            value = _value_at(body, violation.instance_pointer)
            yield Issue(
                "schema", violation.message, violation.instance_pointer, violation.schema_pointer, ERROR, keyword, value
            )
        for pointer, schema_path in iter_undocumented(spec.document, schema_pointer, body):
            yield Issue(
                "undocumented-field",
                f"{pointer} is not documented",
                pointer,
                schema_path,
                ERROR if self.strict else WARNING,
                "properties",
                _value_at(body, pointer),
            )

    def plan(self, vendor: str, operation: Operation, status: int) -> ResponsePlan | None:
        """The compiled checks of one (operation, status), built on first use and kept."""
        key = (vendor, operation.pointer, str(status))
        try:
            return self._plans[key]
        except KeyError:
            spec = self.specs[vendor]
            plan = build_plan(spec.document, operation, status)
            if plan is not None:
                plan = _with_fast_path(spec, plan)
            self._plans[key] = plan
            return plan


def build_plan(document: dict[str, Any], operation: Operation, status: int) -> ResponsePlan | None:
    responses = operation.definition.get("responses") or {}
    for status_key in (str(status), f"{str(status)[0]}XX", f"{str(status)[0]}xx", "default"):
        if status_key in responses:
            break
    else:
        return None
    resolved = resolve(document, responses[status_key], join_pointer(operation.pointer, "responses", status_key))
    media = {
        str(name): join_pointer(resolved.pointer, "content", str(name), "schema")
        for name, value in (resolved.value.get("content") or {}).items()
        if isinstance(value, dict) and "schema" in value
    }
    headers: dict[str, tuple[bool, str | None]] = {}
    for name, header in (resolved.value.get("headers") or {}).items():
        header_pointer = join_pointer(resolved.pointer, "headers", str(name))
        found = resolve(document, header, header_pointer)
        schema_pointer = join_pointer(found.pointer, "schema") if "schema" in found.value else None
        headers[str(name).lower()] = (bool(found.value.get("required")), schema_pointer)
    return ResponsePlan(status_key, resolved.pointer, media, headers)


def _with_fast_path(spec: VendorSpec, plan: ResponsePlan) -> ResponsePlan:
    json_media = next((name for name in plan.media if is_json_media_type(name)), None)
    if json_media is None:
        return plan
    fast = spec.closed.validator(plan.media[json_media])
    return ResponsePlan(plan.status_key, plan.pointer, plan.media, plan.headers, fast, json_media)


def _is_json(headers: Mapping[str, str]) -> bool:
    content_type = headers.get("content-type")
    return content_type is None or is_json_media_type(content_type)


def _pick_media(media: Mapping[str, str], content_type: str) -> str | None:
    essence = content_type.split(";", 1)[0].strip().lower()
    if not essence:
        return next(iter(media)) if len(media) == 1 else None
    for name in media:
        if name.lower() == essence or (is_json_media_type(name) and is_json_media_type(essence)):
            return name
    return None


def _coerce_header(value: str, spec: VendorSpec, schema_pointer: str) -> Any:
    try:
        schema = resolve(spec.document, {"$ref": "#" + schema_pointer}, schema_pointer).value
    except RefError:
        return value
    if isinstance(schema, dict) and schema.get("type") == "integer" and re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def _value_at(body: Any, pointer: str) -> Any:
    node = body
    for token in pointer.split("/")[1:] if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def iter_undocumented(document: dict[str, Any], schema_pointer: str, instance: Any) -> Iterator[tuple[str, str]]:
    """Fields in ``instance`` that the schema (following $ref, allOf and the best oneOf/anyOf branch) does not name.

    ``({"id": 1, "extra": 2}, schema with properties {id})`` → ``("/extra", "<schema pointer>/properties")``.
    """
    yield from _walk(document, schema_pointer, instance, "", 0)


def _walk(
    document: dict[str, Any], schema_pointer: str, instance: Any, pointer: str, depth: int
) -> Iterator[tuple[str, str]]:
    if depth > 64:
        return
    try:
        schema = resolve(document, {"$ref": "#" + schema_pointer}, schema_pointer)
    except RefError:
        return
    node, at = schema.value, schema.pointer
    if not isinstance(node, dict):
        return
    if isinstance(instance, dict):
        properties, open_schema, additional = _object_shape(document, node, at, instance)
        for key, value in instance.items():
            child = join_pointer(pointer, key)
            if key in properties:
                yield from _walk(document, properties[key], value, child, depth + 1)
            elif additional is not None:
                yield from _walk(document, additional, value, child, depth + 1)
            elif not open_schema:
                yield child, at
    elif isinstance(instance, list):
        items = node.get("items")
        if isinstance(items, dict):
            for index, value in enumerate(instance):
                yield from _walk(document, join_pointer(at, "items"), value, join_pointer(pointer, index), depth + 1)


def _object_shape(
    document: dict[str, Any], node: dict[str, Any], at: str, instance: dict[str, Any]
) -> tuple[dict[str, str], bool, str | None]:
    """(property name → schema pointer, whether any key is allowed untyped, the additionalProperties schema)."""
    properties: dict[str, str] = {name: join_pointer(at, "properties", name) for name in node.get("properties") or {}}
    additional = node.get("additionalProperties")
    additional_pointer = join_pointer(at, "additionalProperties") if isinstance(additional, dict) else None
    open_schema = not properties and not any(k in node for k in ("allOf", "oneOf", "anyOf")) and additional is not False
    for index, _ in enumerate(node.get("allOf") or []):
        branch = _resolved(document, join_pointer(at, "allOf", index))
        if branch is not None:
            sub_properties, _, sub_additional = _object_shape(document, branch[0], branch[1], instance)
            properties.update(sub_properties)
            additional_pointer = additional_pointer or sub_additional
    for keyword in ("oneOf", "anyOf"):
        branches = [_resolved(document, join_pointer(at, keyword, i)) for i, _ in enumerate(node.get(keyword) or [])]
        best = max(
            (b for b in branches if b is not None),
            key=lambda b: len(set(b[0].get("properties") or {}) & set(instance)),
            default=None,
        )
        if best is not None:
            sub_properties, _, sub_additional = _object_shape(document, best[0], best[1], instance)
            properties.update(sub_properties)
            additional_pointer = additional_pointer or sub_additional
    return properties, open_schema, additional_pointer


def _resolved(document: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str] | None:
    try:
        found = resolve(document, {"$ref": "#" + pointer}, pointer)
    except RefError:
        return None
    return (found.value, found.pointer) if isinstance(found.value, dict) else None
