"""Operation metadata (operationId, summary, tags) and path parameters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve

# operationIds become the generated client's module and function names, so keep them camelCase words.
_OPERATION_ID = re.compile(r"^[a-z][A-Za-z0-9]*$")
_TEMPLATE_PARAM = re.compile(r"{([^{}]+)}")


def check_metadata(spec: Spec) -> Iterator[Problem]:
    declared_tags = {tag.get("name") for tag in spec.document.get("tags") or [] if isinstance(tag, dict)}
    first_use: dict[str, str] = {}
    for operation in iter_operations(spec.document):
        definition = operation.definition
        operation_id = definition.get("operationId")
        if not isinstance(operation_id, str) or not operation_id:
            yield Problem(
                operation.pointer,
                f"{operation.label} has no operationId",
                "add `operationId: verbNoun` (camelCase); it becomes the generated client's function name",
            )
        elif not _OPERATION_ID.match(operation_id):
            yield Problem(
                join_pointer(operation.pointer, "operationId"),
                f"operationId {operation_id!r} of {operation.label} is not camelCase letters and digits",
                "rename it like `listRegistrations`",
            )
        elif operation_id in first_use:
            yield Problem(
                join_pointer(operation.pointer, "operationId"),
                f"duplicate operationId {operation_id!r} (first used by {first_use[operation_id]})",
                "rename one; operationIds must be unique",
            )
        else:
            first_use[operation_id] = operation.label
        summary = definition.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            yield Problem(
                operation.pointer, f"{operation.label} has no summary", "add a one-line `summary` (the docs' own title)"
            )
        tags = definition.get("tags")
        if not isinstance(tags, list) or not tags:
            yield Problem(
                operation.pointer,
                f"{operation.label} has no tags",
                "add `tags: [Name]`; the client groups its modules by tag",
            )
            continue
        for index, tag in enumerate(tags):
            if tag not in declared_tags:
                yield Problem(
                    join_pointer(operation.pointer, "tags", index),
                    f"tag {tag!r} of {operation.label} is not declared in the top-level `tags`",
                    f"add `- name: {tag}` under the top-level `tags`",
                )


def check_path_parameters(spec: Spec) -> Iterator[Problem]:
    for operation in iter_operations(spec.document):
        in_template = _TEMPLATE_PARAM.findall(operation.path)
        declared = dict(_declared_path_parameters(spec, operation))
        for name in in_template:
            if name not in declared:
                yield Problem(
                    operation.pointer,
                    f"{operation.label} has {{{name}}} in its path but no `in: path` parameter {name!r}",
                    f"declare `- name: {name}` with `in: path` and `required: true`",
                )
        for name, pointer in declared.items():
            if name not in in_template:
                yield Problem(
                    pointer,
                    f"path parameter {name!r} of {operation.label} is not in the path template",
                    f"add {{{name}}} to the path or remove the parameter",
                )


def _declared_path_parameters(spec: Spec, operation: Operation) -> Iterator[tuple[str, str]]:
    path_item_pointer = operation.pointer.rsplit("/", 1)[0]
    sources: list[tuple[Any, str]] = [
        (operation.path_item.get("parameters"), join_pointer(path_item_pointer, "parameters")),
        (operation.definition.get("parameters"), join_pointer(operation.pointer, "parameters")),
    ]
    for parameters, pointer in sources:
        if not isinstance(parameters, list):
            continue
        for index, parameter in enumerate(parameters):
            try:
                resolved = resolve(spec.document, parameter, join_pointer(pointer, index))
            except RefError:
                continue  # reported by the refs rule
            value = resolved.value
            if isinstance(value, dict) and value.get("in") == "path" and isinstance(value.get("name"), str):
                yield value["name"], join_pointer(pointer, index)
