"""What an operation takes: its parameters (path-level and operation-level merged) and its request body."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lmskit.spec.media import is_json_media_type
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: str  # path | query | header | cookie
    required: bool
    schema_pointer: str
    schema: dict[str, Any]
    # The JSON types the schema's ``type`` names (empty: any), read once for turning text into values.
    types: frozenset[str] = frozenset()
    # The parameter object's ``x-`` keys (``x-lmskit-filter``: lmskit.spec.promises).
    extensions: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def default(self) -> Any:
        return self.schema.get("default")


@dataclass(frozen=True, slots=True)
class RequestBody:
    required: bool
    schema_pointer: str | None  # of the JSON media type's schema; None when no JSON body is documented
    media_type: str | None = None  # the JSON media type, as the spec spells it
    # The JSON media type's ``example`` and ``examples`` values, in document order.
    examples: tuple[Any, ...] = ()
    # ``x-lmskit-form-encoding: rails`` on the request body: the vendor also takes the same body as an
    # ``application/x-www-form-urlencoded`` form with Rails' nested keys (``enrollments[][user_id]=42``).
    form_encoding: str | None = None


@dataclass(frozen=True, slots=True)
class RequestShape:
    """Everything a request to one operation may carry."""

    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    # The query parameters by every name a request may use for them (``ids`` and ``ids[]``), for lookups that
    # do not scan every declared parameter.
    query: dict[str, Parameter] = field(default_factory=dict)

    def default_headers(self) -> dict[str, str]:
        """Header parameters that have a default, as the kit sends them: ``{"x-api-version": "2"}`` for every Absorb
        call (optional, since the vendor answers unversioned calls too, but the kit asks for the documented
        contract)."""
        return {p.name: str(p.default) for p in self.parameters if p.location == "header" and p.default is not None}


def read_request_shape(document: dict[str, Any], operation: Operation) -> RequestShape:
    parameters = _parameters(document, operation)
    query = {}
    for parameter in parameters:
        if parameter.location == "query":
            query[parameter.name] = query[parameter.name + "[]"] = parameter
    return RequestShape(parameters, _body(document, operation), query)


def _parameters(document: dict[str, Any], operation: Operation) -> tuple[Parameter, ...]:
    path_item_pointer = operation.pointer.rsplit("/", 1)[0]
    found: dict[tuple[str, str], Parameter] = {}
    for owner, owner_pointer in ((operation.path_item, path_item_pointer), (operation.definition, operation.pointer)):
        for index, raw in enumerate(owner.get("parameters") or []):
            try:
                resolved = resolve(document, raw, join_pointer(owner_pointer, "parameters", index))
            except RefError:
                continue
            value = resolved.value
            if not isinstance(value, dict) or "name" not in value or "in" not in value:
                continue
            schema_pointer = join_pointer(resolved.pointer, "schema")
            try:
                schema = resolve(document, value.get("schema", {}), schema_pointer).value
            except RefError:
                schema = {}
            parameter = Parameter(
                str(value["name"]),
                str(value["in"]),
                bool(value.get("required")),
                schema_pointer,
                schema if isinstance(schema, dict) else {},
                schema_types(schema),
                {key: item for key, item in value.items() if str(key).startswith("x-")},
            )
            # Operation-level parameters override path-level ones of the same name and location.
            key = parameter.name.lower() if parameter.location == "header" else parameter.name
            found[(parameter.location, key)] = parameter
    return tuple(found.values())


def schema_types(schema: Any) -> frozenset[str]:
    """``{"type": ["integer", "null"]}`` → {"integer", "null"}; no ``type`` → empty."""
    kind = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(kind, str):
        return frozenset((kind,))
    return frozenset(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else frozenset()


def _body(document: dict[str, Any], operation: Operation) -> RequestBody | None:
    if "requestBody" not in operation.definition:
        return None
    resolved = resolve(document, operation.definition["requestBody"], join_pointer(operation.pointer, "requestBody"))
    content = resolved.value.get("content") or {}
    required = bool(resolved.value.get("required"))
    form = resolved.value.get("x-lmskit-form-encoding")
    for media_type, media in content.items():
        if is_json_media_type(media_type):
            pointer = join_pointer(resolved.pointer, "content", media_type)
            examples = _examples(document, media, pointer) if isinstance(media, dict) else ()
            encoding = str(form) if isinstance(form, str) else None
            return RequestBody(required, join_pointer(pointer, "schema"), media_type, examples, encoding)
    return RequestBody(required, None)


def _examples(document: dict[str, Any], media: dict[str, Any], pointer: str) -> tuple[Any, ...]:
    found = [media["example"]] if "example" in media else []
    named = media.get("examples")
    for name, example in (named or {}).items() if isinstance(named, dict) else ():
        try:
            value = resolve(document, example, join_pointer(pointer, "examples", name)).value
        except RefError:
            continue
        if isinstance(value, dict) and "value" in value:
            found.append(value["value"])
    return tuple(found)
