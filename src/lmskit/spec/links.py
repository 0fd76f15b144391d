"""The OpenAPI links of a spec: which response feeds which parameter of which operation.

``GET /courses/{courseId}/enrollments`` → ``getCourseEnrollment`` with ``id = $response.body#/enrollments/0/id``
says where a real enrollment id comes from. Stateful testing walks them; a read-only live run follows them once
to find real ids before it starts (``lmskit.contract.harvest``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.pointers import PointerError, join_pointer, resolve_pointer
from lmskit.spec.refs import RefError, resolve


@dataclass(frozen=True, slots=True)
class Link:
    source: Operation
    status: str
    target_operation_id: str
    # parameter name (without a ``path.``/``query.`` prefix) → runtime expression or literal
    parameters: tuple[tuple[str, Any], ...]
    name: str = ""
    # The link's ``requestBody``: a runtime expression, or a value holding them (``[$response.body#/id]``).
    request_body: Any = None
    has_request_body: bool = False
    # ``x-lmskit-expect``: what the linked operation's answer shows right after this one (lmskit.spec.promises).
    expect: Any = None


def read_links(document: dict[str, Any]) -> tuple[Link, ...]:
    found = []
    for operation in iter_operations(document):
        responses = operation.definition.get("responses")
        for status, response in (responses or {}).items() if isinstance(responses, dict) else ():
            try:
                resolved = resolve(document, response, join_pointer(operation.pointer, "responses", str(status)))
            except RefError:
                continue
            links = resolved.value.get("links") if isinstance(resolved.value, dict) else None
            for name, link in (links or {}).items() if isinstance(links, dict) else ():
                try:
                    value = resolve(document, link, join_pointer(resolved.pointer, "links", str(name))).value
                except RefError:
                    continue
                if not isinstance(value, dict) or not isinstance(value.get("operationId"), str):
                    continue
                raw = value.get("parameters")
                parameters: dict[str, Any] = raw if isinstance(raw, dict) else {}
                pairs = tuple((str(key).split(".", 1)[-1], expression) for key, expression in parameters.items())
                found.append(
                    Link(
                        operation,
                        str(status),
                        value["operationId"],
                        pairs,
                        str(name),
                        value.get("requestBody"),
                        "requestBody" in value,
                        value.get("x-lmskit-expect"),
                    )
                )
    return tuple(found)


def evaluate(expression: Any, request_path: dict[str, Any], body: Any) -> Any:
    """The value of a link parameter's expression for one exchange; None when it cannot be known.

    Handles ``$request.path.NAME`` and ``$response.body#/pointer``; other expressions (headers, query) are
    not needed to find ids and give None. A value that is not an expression is the literal value.
    """
    if not isinstance(expression, str) or not expression.startswith("$"):
        return expression
    if expression.startswith("$request.path."):
        return request_path.get(expression[len("$request.path.") :])
    if expression.startswith("$response.body#"):
        try:
            return resolve_pointer(body, expression[len("$response.body#") :])
        except PointerError:
            return None
    return None
