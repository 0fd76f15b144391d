"""The checks: status documented, content type, documented headers, body against the schema with strict
formats (jsonschema-rs, as schemathesis), and fields the spec does not document.

Validators are compiled once per (operation, status, media type) and reused for every exchange.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lmskit.settings import current
from lmskit.spec.api import Api
from lmskit.spec.media import is_json_media_type
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.responses import ResponseShape
from lmskit.spec.schemas import SchemaViolation
from lmskit.spec.walk import SchemaIndex, branch_for, iter_combined

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One way a response departs from its spec."""

    kind: str  # status | content-type | header | schema | undocumented-field
    message: str
    pointer: str = ""  # in the response body
    schema_path: str = ""  # in the spec document
    severity: str = ERROR
    keyword: str = ""  # the failing JSON Schema keyword (type, format, enum, required, …)
    value: Any = None

    def without_values(self) -> str:
        """The finding in words that quote nothing the vendor sent (for logs that leave the machine: the proxy's).
        A schema message quotes the value (``'Ada' is not of type 'object'``); this names the rule it broke."""
        if self.kind in ("schema", "header") and self.schema_path:
            return f"breaks `{self.keyword or self.schema_path.rsplit('/', 1)[-1]}` of {self.schema_path}"
        if self.kind == "header":
            return "a documented header is missing or malformed"
        if self.kind == "content-type":
            return "the content type is not documented, or the documented body is missing"
        if self.kind == "undocumented-field":
            return "a field the spec does not document"
        return self.message  # status and limit findings quote only numbers


@dataclass(frozen=True, slots=True)
class ResponsePlan:
    """The documented response of one (operation, status), with its compiled fast check."""

    shape: ResponseShape
    # For the JSON media type: one jsonschema-rs call answering "valid, nothing undocumented" (see spec.closed).
    fast: Any = None

    @property
    def media(self) -> dict[str, str]:
        return self.shape.media

    @property
    def headers(self) -> dict[str, tuple[bool, str | None]]:
        return self.shape.headers

    @property
    def schema_pointer(self) -> str | None:
        return self.shape.schema_pointer


class ResponseChecker:
    def __init__(self, apis: Mapping[str, Api], *, strict: bool = False) -> None:
        self.apis = apis
        self.strict = strict
        self._plans: dict[tuple[str, str, int], ResponsePlan | None] = {}

    def check(
        self, vendor: str, operation: Operation, status: int, headers: Mapping[str, str], body: Any, has_body: bool
    ) -> list[Issue]:
        api = self.apis[vendor]
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
                value = _coerce_header(headers[name], api, schema_pointer)
                for violation in api.validators.iter_violations(schema_pointer, value):
                    message = f"header {name}: {violation.message}"
                    issues.append(Issue("header", message, schema_path=violation.schema_pointer))
        if plan.fast is not None and has_body and _is_json(headers) and plan.fast.is_valid(body):
            return issues  # the common body, in one jsonschema-rs call: valid, nothing undocumented
        found = self._check_body(api, plan, operation, status, headers, body, has_body)
        limit = current().max_findings  # findings kept per response
        issues.extend(islice(found, limit))
        if next(found, None) is not None:
            # A body broken everywhere (250,000 bad rows) would otherwise hold gigabytes of findings that no
            # report shows: the first max_findings say what is wrong, the rest is not examined.
            message = f"more findings in this response were not examined (the first {limit:,} are listed)"
            issues.append(Issue("limit", message + "; LMSKIT_MAX_FINDINGS raises the limit"))
        return issues

    def _check_body(
        self,
        api: Api,
        plan: ResponsePlan,
        operation: Operation,
        status: int,
        headers: Mapping[str, str],
        body: Any,
        has_body: bool,
    ) -> Iterator[Issue]:
        if not plan.media:
            # A capture's `"body": null` (or HAR text "null") on a response documented without a body is no body.
            if has_body and body is not None:
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
        for violation in _violations(api, schema_pointer, body):
            value = _value_at(body, violation.instance_pointer)
            yield Issue(
                "schema",
                violation.message,
                violation.instance_pointer,
                violation.keyword_pointer,
                ERROR,
                violation.keyword,
                value,
            )
        for pointer, schema_path in iter_undocumented(api.document, schema_pointer, body):
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
        key = (vendor, operation.pointer, status)
        try:
            return self._plans[key]
        except KeyError:
            api = self.apis[vendor]
            shape = api.response_shape(operation, status)
            plan = None if shape is None else ResponsePlan(shape, _fast_check(api, shape))
            self._plans[key] = plan
            return plan


# Items validated per jsonschema-rs call when a list body is long: jsonschema-rs gathers every error of a call
# before handing out the first (about 3 KB each), so 250,000 bad rows in one call would hold gigabytes.
CHUNK_ITEMS = 500
# Array keywords that judge the whole list: such an array is validated whole.
_WHOLE_LIST_KEYWORDS = frozenset({"maxItems", "minItems", "uniqueItems", "contains", "prefixItems", "unevaluatedItems"})


def _violations(api: Api, schema_pointer: str, body: Any) -> Iterator[SchemaViolation]:
    """The body's violations, a long list (a root array, or a top-level property holding one) in chunks of
    ``CHUNK_ITEMS`` items, so a caller that stops after ``max_findings`` never pays for the rest."""
    validators = api.validators
    split = _long_list(api.document, schema_pointer, body)
    if split is None:
        yield from validators.iter_violations(schema_pointer, body)
        return
    key, items_pointer = split
    items: list[Any] = body if key is None else body[key]
    if key is not None:
        # The envelope with its list cut to the first chunk: every other field, and the first items, at once.
        yield from validators.iter_violations(schema_pointer, {**body, key: items[:CHUNK_ITEMS]})
    prefix = "" if key is None else join_pointer("", key)
    for start in range(0 if key is None else CHUNK_ITEMS, len(items), CHUNK_ITEMS):
        for violation in validators.iter_violations(items_pointer, items[start : start + CHUNK_ITEMS]):
            head, _, rest = violation.instance_pointer.lstrip("/").partition("/")
            moved = join_pointer(prefix, start + int(head)) + (f"/{rest}" if rest else "")
            yield SchemaViolation(moved, violation.schema_pointer, violation.message, violation.keyword_pointer)


def _long_list(document: dict[str, Any], schema_pointer: str, body: Any) -> tuple[str | None, str] | None:
    """(the top-level key holding a list longer than a chunk, or None for a root list; the pointer of a schema for
    a slice of it), when its schema is a plain ``items`` array; None otherwise."""
    try:
        root = resolve(document, {"$ref": "#" + schema_pointer}, schema_pointer)
    except RefError:
        return None
    candidates: list[tuple[str | None, Any, str]] = []
    if isinstance(body, list):
        candidates.append((None, root.value, root.pointer))
    elif isinstance(body, dict) and isinstance(root.value, dict):
        properties = root.value.get("properties")
        for key, value in body.items():
            if isinstance(value, list) and isinstance(properties, dict) and key in properties:
                pointer = join_pointer(root.pointer, "properties", key)
                try:
                    found = resolve(document, properties[key], pointer)
                except RefError:
                    continue
                candidates.append((key, found.value, found.pointer))
    for key, schema, pointer in candidates:
        items = body if key is None else body[key]
        if len(items) <= CHUNK_ITEMS or not isinstance(schema, dict):
            continue
        if isinstance(schema.get("items"), dict) and not (_WHOLE_LIST_KEYWORDS & set(schema)):
            # The slice is checked against the array schema itself (its type, its items), which holds for a slice.
            return key, pointer
    return None


def _fast_check(api: Api, shape: ResponseShape) -> Any:
    media = shape.json_media
    return api.closed_validators.validator(shape.media[media]) if media is not None else None


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


def _coerce_header(value: str, api: Api, schema_pointer: str) -> Any:
    try:
        schema = resolve(api.document, {"$ref": "#" + schema_pointer}, schema_pointer).value
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
    yield from _walk(SchemaIndex(document), schema_pointer, instance, "", 0)


def _walk(
    index: SchemaIndex, schema_pointer: str, instance: Any, pointer: str, depth: int
) -> Iterator[tuple[str, str]]:
    if depth > 64:
        return
    found = index.at(schema_pointer)
    if found is None:
        return
    node, at = found
    if isinstance(instance, dict):
        properties, open_schema, additional = _object_shape(index, node, at, instance)
        for key, value in instance.items():
            child = join_pointer(pointer, key)
            if key in properties:
                yield from _walk(index, properties[key], value, child, depth + 1)
            elif additional is not None:
                yield from _walk(index, additional, value, child, depth + 1)
            elif not open_schema:
                yield child, at
    elif isinstance(instance, list):
        items = node.get("items")
        if isinstance(items, dict):
            for position, value in enumerate(instance):
                child = join_pointer(pointer, position)
                yield from _walk(index, join_pointer(at, "items"), value, child, depth + 1)


def _object_shape(
    index: SchemaIndex, node: dict[str, Any], at: str, instance: dict[str, Any]
) -> tuple[dict[str, str], bool, str | None]:
    """(property name → schema pointer, whether any key is allowed untyped, the additionalProperties schema), over
    the schema and what it combines (``iter_combined``: allOf, the oneOf/anyOf branch that fits ``instance``)."""
    properties: dict[str, str] = {}
    additional_pointer: str | None = None
    for combined, where in iter_combined(index, at, branch_for(index, instance)):
        properties.update({name: join_pointer(where, "properties", name) for name in combined.get("properties") or {}})
        if additional_pointer is None and isinstance(combined.get("additionalProperties"), dict):
            additional_pointer = join_pointer(where, "additionalProperties")
    own = node.get("properties")
    combines = any(keyword in node for keyword in ("allOf", "oneOf", "anyOf"))
    open_schema = not own and not combines and node.get("additionalProperties") is not False
    return properties, open_schema, additional_pointer
