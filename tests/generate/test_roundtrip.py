"""Every documented example survives the generated client's models: JSON → model → JSON is the input.

Responses go through each endpoint's own ``_parse_response`` (what a user's call does with the body);
request examples go through ``_get_kwargs`` (what a user's call sends).
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import pkgutil
import re
import types
import typing
import uuid
from collections.abc import Iterator
from enum import Enum
from typing import Any

import httpx
import pytest
from openapi_python_client.strings import snake_case

from lmskit.spec.loader import load_spec
from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.refs import resolve
from lmskit.vendors import VENDORS

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def endpoint_modules(package: str) -> dict[str, types.ModuleType]:
    api = importlib.import_module(f"{package}.api")
    modules = {}
    for info in pkgutil.walk_packages(api.__path__, prefix=f"{package}.api."):
        if not info.ispkg:
            modules[info.name.rsplit(".", 1)[1]] = importlib.import_module(info.name)
    return modules


def json_examples(document: dict[str, Any], media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for name, example in (media.get("examples") or {}).items():
        yield name, resolve(document, example, "").value["value"]
    if "example" in media:
        yield "example", media["example"]


def response_cases() -> Iterator[Any]:
    for vendor in VENDORS.values():
        document = load_spec(vendor.spec_path).document
        for operation in iter_operations(document):
            for status, response in operation.definition.get("responses", {}).items():
                content = resolve(document, response, "").value.get("content", {})
                media = content.get("application/json")
                for name, value in json_examples(document, media or {}):
                    yield pytest.param(
                        vendor.client_package,
                        operation,
                        int(status),
                        value,
                        id=f"{operation.operation_id}-{status}-{name}",
                    )


def request_cases() -> Iterator[Any]:
    for vendor in VENDORS.values():
        document = load_spec(vendor.spec_path).document
        for operation in iter_operations(document):
            body = resolve(document, operation.definition.get("requestBody", {}), "").value
            media = (body.get("content") or {}).get("application/json")
            for name, value in json_examples(document, media or {}):
                yield pytest.param(vendor.client_package, operation, value, id=f"{operation.operation_id}-{name}")


def to_json(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (uuid.UUID, datetime.datetime)):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    return value


def comparable(value: Any) -> Any:
    """Equal JSON up to spelling: '2019-08-24T14:15:22Z' and '2019-08-24T14:15:22+00:00' are one instant."""
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [comparable(item) for item in value]
    if isinstance(value, str) and _RFC3339.match(value):
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def from_json(annotation: Any, value: Any) -> Any:
    """Build the argument a user would pass for ``annotation`` from its JSON form."""
    if hasattr(annotation, "from_dict"):
        return annotation.from_dict(value)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        failures = []
        for option in typing.get_args(annotation):
            try:
                candidate = from_json(option, value)
            except (KeyError, TypeError, ValueError) as exc:
                failures.append(exc)
                continue
            if comparable(to_json(candidate)) == comparable(value):
                return candidate
        raise ValueError(f"no member of {annotation} reproduces {value!r}: {failures}")
    if origin is list:
        [item_type] = typing.get_args(annotation)
        return [from_json(item_type, item) for item in value]
    if annotation is uuid.UUID:
        return uuid.UUID(value)
    return value


def placeholder(annotation: Any) -> Any:
    return {int: 1, str: "x", uuid.UUID: uuid.UUID(int=1)}.get(annotation, "x")


@pytest.mark.parametrize(("package", "operation", "status", "value"), list(response_cases()))
def test_response_example_round_trips_through_the_generated_models(
    package: str, operation: Operation, status: int, value: Any
) -> None:
    module = endpoint_modules(package)[snake_case(operation.operation_id)]
    client = importlib.import_module(package).Client(base_url="http://example.invalid")
    parsed = module._parse_response(client=client, response=httpx.Response(status, json=value))
    assert parsed is not None, f"{operation.label} has no parser for {status}"
    assert comparable(to_json(parsed)) == comparable(value)


@pytest.mark.parametrize(("package", "operation", "value"), list(request_cases()))
def test_request_example_round_trips_through_the_generated_client(
    package: str, operation: Operation, value: Any
) -> None:
    module = endpoint_modules(package)[snake_case(operation.operation_id)]
    hints = typing.get_type_hints(module._get_kwargs)
    signature = inspect.signature(module._get_kwargs)
    arguments = {
        name: placeholder(hints[name])
        for name, parameter in signature.parameters.items()
        if parameter.default is inspect.Parameter.empty and name != "body"
    }
    kwargs = module._get_kwargs(**arguments, body=from_json(hints["body"], value))
    assert comparable(kwargs["json"]) == comparable(value)


def test_every_operation_has_a_generated_endpoint() -> None:
    for vendor in VENDORS.values():
        modules = endpoint_modules(vendor.client_package)
        ids = [op.operation_id for op in iter_operations(load_spec(vendor.spec_path).document)]
        assert sorted(snake_case(i) for i in ids) == sorted(modules), vendor.name


def test_there_are_examples_to_round_trip() -> None:
    # Guards the parametrisation above against silently collecting nothing.
    assert len(list(response_cases())) >= 30
    assert len(list(request_cases())) >= 8
