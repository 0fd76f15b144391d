"""Every ``example``/``examples`` value validates against its schema, with strict format checks.

Examples sit in three kinds of places: media types, parameters and headers (beside a ``schema``), and
inside schemas themselves (``examples: [...]``). Component examples are checked where they are used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.operations import HTTP_METHODS
from lmskit.spec.pointers import join_pointer, split_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.schemas import SchemaCompileError, SchemaValidators

_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_SINGLES = frozenset(
    {
        "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems",
    }
)  # fmt: skip

_FIX = (
    "correct the example, or the schema if the example is right (a defect in the vendor docs goes in x-lmskit-errata)"
)


@dataclass(frozen=True, slots=True)
class ExampleTarget:
    """One example value and the schema it must satisfy."""

    schema_pointer: str
    value: Any
    value_pointer: str
    label: str


def check_examples(spec: Spec) -> Iterator[Problem]:
    validators = SchemaValidators(spec.document)
    checked: set[tuple[str, str]] = set()
    broken_schemas: set[str] = set()
    targets: list[ExampleTarget] = []
    for item in _iter_targets(spec.document, spec.document, "", in_schema=False):
        if isinstance(item, Problem):
            yield item
        else:
            targets.append(item)
    for target in targets:
        key = (target.schema_pointer, target.value_pointer)
        if key in checked or target.schema_pointer in broken_schemas:
            continue
        checked.add(key)
        try:
            violations = list(validators.iter_violations(target.schema_pointer, target.value))
        except SchemaCompileError as exc:
            broken_schemas.add(target.schema_pointer)
            yield Problem(target.schema_pointer, f"the schema cannot be compiled: {exc}", "fix the schema")
            continue
        for violation in violations:
            at = f" at {violation.instance_pointer}" if violation.instance_pointer else ""
            yield Problem(
                join_pointer(target.value_pointer, *split_pointer(violation.instance_pointer)),
                f"{target.label}{at}: {violation.message}",
                _FIX,
            )


def _iter_targets(
    document: dict[str, Any], node: Any, pointer: str, *, in_schema: bool
) -> Iterator[ExampleTarget | Problem]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _iter_targets(document, item, join_pointer(pointer, index), in_schema=in_schema)
        return
    if not isinstance(node, dict):
        return
    if in_schema:
        yield from _schema_examples(node, pointer)
        yield from _schema_children(document, node, pointer)
        return
    if "schema" in node:
        yield from _sibling_examples(document, node, pointer)
    for key, child in node.items():
        key = str(key)
        if key.startswith("x-") or key in ("example", "examples"):
            continue  # data, not spec structure
        child_pointer = join_pointer(pointer, key)
        if key == "schema":
            yield from _iter_targets(document, child, child_pointer, in_schema=True)
        elif child_pointer == "/components/schemas" and isinstance(child, dict):
            for name, schema in child.items():
                yield from _iter_targets(document, schema, join_pointer(child_pointer, str(name)), in_schema=True)
        else:
            yield from _iter_targets(document, child, child_pointer, in_schema=False)


def _schema_examples(schema: dict[str, Any], pointer: str) -> Iterator[ExampleTarget]:
    label = f"schema example of {_describe(pointer)}"
    examples = schema.get("examples")
    if isinstance(examples, list):
        for index, value in enumerate(examples):
            yield ExampleTarget(pointer, value, join_pointer(pointer, "examples", index), label)
    if "example" in schema:
        yield ExampleTarget(pointer, schema["example"], join_pointer(pointer, "example"), label)


def _schema_children(
    document: dict[str, Any], schema: dict[str, Any], pointer: str
) -> Iterator[ExampleTarget | Problem]:
    for key, child in schema.items():
        if key in _SCHEMA_MAPS and isinstance(child, dict):
            for name, sub in child.items():
                yield from _iter_targets(document, sub, join_pointer(pointer, key, str(name)), in_schema=True)
        elif (key in _SCHEMA_LISTS and isinstance(child, list)) or (key in _SCHEMA_SINGLES and isinstance(child, dict)):
            yield from _iter_targets(document, child, join_pointer(pointer, key), in_schema=True)


def _sibling_examples(
    document: dict[str, Any], owner: dict[str, Any], pointer: str
) -> Iterator[ExampleTarget | Problem]:
    """Examples of a media type, parameter or header, checked against the ``schema`` beside them."""
    schema_pointer = join_pointer(pointer, "schema")
    where = _describe(pointer, owner.get("name"))
    if "example" in owner:
        yield ExampleTarget(schema_pointer, owner["example"], join_pointer(pointer, "example"), f"example of {where}")
    examples = owner.get("examples")
    if examples is None:
        return
    if not isinstance(examples, dict):
        yield Problem(
            join_pointer(pointer, "examples"),
            f"`examples` of {where} is not a map of named examples",
            "write `examples: {name: {value: ...}}`",
        )
        return
    for name, example in examples.items():
        example_pointer = join_pointer(pointer, "examples", str(name))
        try:
            resolved = resolve(document, example, example_pointer)
        except RefError:
            continue  # reported by the refs rule
        value = resolved.value
        if not isinstance(value, dict) or ("value" not in value and "externalValue" not in value):
            yield Problem(
                example_pointer,
                f"example {name!r} of {where} has no `value`",
                "wrap the example as `{name}: {value: ...}`",
            )
        elif "value" in value:
            label = f"example {name!r} of {where}"
            yield ExampleTarget(schema_pointer, value["value"], join_pointer(resolved.pointer, "value"), label)
        else:
            yield Problem(
                example_pointer,
                f"example {name!r} of {where} uses externalValue",
                "inline it as `value:` so it can be checked",
            )


def _describe(pointer: str, name: Any = None) -> str:
    """A readable name for where an example sits.

    ``/paths/~1registrations~1{id}/get/responses/200/content/application~1json``
    → ``GET /registrations/{id} response 200``.
    """
    parts = split_pointer(pointer)
    named = f" {name!r}" if name else ""
    if len(parts) >= 2 and parts[0] == "paths":
        if len(parts) >= 3 and parts[2] in HTTP_METHODS:
            head, rest = f"{parts[2].upper()} {parts[1]}", parts[3:]
        else:
            head, rest = parts[1], parts[2:]
        if rest[:1] == ["responses"] and len(rest) >= 2:
            return f"{head} response {rest[1]}"
        if rest[:1] == ["requestBody"]:
            return f"{head} request body"
        if rest[:1] == ["parameters"]:
            return f"{head} parameter{named}"
        return head
    if len(parts) >= 3 and parts[0] == "components":
        return f"components/{parts[1]}/{parts[2]}{named if parts[1] != 'parameters' else ''}"
    return pointer or "the document"
