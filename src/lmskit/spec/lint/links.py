"""OpenAPI links must name operations and parameters that exist (openapi-spec-validator does not check)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve

# Runtime expressions of OpenAPI 3.1 §4.8.20.4, plus the `#regex:` extractor schemathesis understands
# (used to take an id out of a Location header).
_EXPRESSION = re.compile(
    r"^\$(url|method|statusCode"
    r"|(request|response)\.body(#(/[^#]*)?)?"
    r"|(request|response)\.(header|query|path)\.[A-Za-z0-9!#$%&'*+.^_`|~-]+?(#regex:.+)?)$"
)


def check_links(spec: Spec) -> Iterator[Problem]:
    operations = {op.operation_id: op for op in iter_operations(spec.document) if op.operation_id}
    for operation in iter_operations(spec.document):
        responses = operation.definition.get("responses")
        if not isinstance(responses, dict):
            continue
        for status, response in responses.items():
            pointer = join_pointer(operation.pointer, "responses", str(status))
            try:
                resolved = resolve(spec.document, response, pointer)
            except RefError:
                continue
            links = resolved.value.get("links") if isinstance(resolved.value, dict) else None
            if not isinstance(links, dict):
                continue
            for name, link in links.items():
                link_pointer = join_pointer(resolved.pointer, "links", str(name))
                try:
                    link_resolved = resolve(spec.document, link, link_pointer)
                except RefError:
                    continue
                if isinstance(link_resolved.value, dict):
                    yield from _check_link(spec, operations, str(name), link_resolved.value, link_resolved.pointer)


def _check_link(
    spec: Spec, operations: dict[str, Operation], name: str, link: dict[str, Any], pointer: str
) -> Iterator[Problem]:
    target_id = link.get("operationId")
    if "operationRef" in link:
        yield Problem(
            pointer,
            f"link {name!r} uses operationRef",
            "use `operationId:`; schemathesis and this linter resolve operationIds",
        )
        return
    if target_id not in operations:
        close = [op for op in operations if str(target_id).lower() in op.lower()]
        hint = f"did you mean {close[0]!r}?" if close else "name an operationId defined in this spec"
        yield Problem(
            join_pointer(pointer, "operationId"), f"link {name!r} targets unknown operationId {target_id!r}", hint
        )
        return
    target = operations[target_id]
    accepted = set(_parameter_names(spec, target))
    parameters = link.get("parameters") or {}
    if isinstance(parameters, dict):
        for parameter, expression in parameters.items():
            bare = str(parameter).split(".", 1)[-1]
            if bare not in accepted:
                yield Problem(
                    join_pointer(pointer, "parameters", str(parameter)),
                    f"link {name!r} sets {parameter!r}, which {target.label} does not have",
                    f"use one of: {', '.join(sorted(accepted)) or '(no parameters)'}",
                )
            yield from _check_expression(expression, join_pointer(pointer, "parameters", str(parameter)), name)
    if "requestBody" in link:
        if "requestBody" not in target.definition:
            yield Problem(
                join_pointer(pointer, "requestBody"),
                f"link {name!r} sends a body but {target.label} takes none",
                "remove requestBody",
            )
        yield from _check_expression(link["requestBody"], join_pointer(pointer, "requestBody"), name)


def _check_expression(value: Any, pointer: str, name: str) -> Iterator[Problem]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _check_expression(item, join_pointer(pointer, str(key)), name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _check_expression(item, join_pointer(pointer, index), name)
    elif isinstance(value, str) and value.startswith("$") and not _EXPRESSION.match(value):
        yield Problem(
            pointer,
            f"link {name!r} has an invalid runtime expression {value!r}",
            "write e.g. `$response.body#/id`, `$request.path.userId` or `$response.header.Location`",
        )


def _parameter_names(spec: Spec, operation: Operation) -> Iterator[str]:
    for owner in (operation.path_item, operation.definition):
        for parameter in owner.get("parameters") or []:
            try:
                value = resolve(spec.document, parameter, "").value
            except RefError:
                continue
            if isinstance(value, dict) and isinstance(value.get("name"), str):
                yield value["name"]
