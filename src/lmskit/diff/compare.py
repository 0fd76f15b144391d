"""What a spec change breaks for the code that consumes the API: the generated client and the sync built on it.

oasdiff reads a change from the provider's side (will old clients still be served?); this reads it from the
consumer's (will our code still work on what the vendor now sends?). So a response gaining an enum value, or a
field turning nullable or optional, is breaking here — our code meets a value it was never written for — while
a response gaining a field is not.

Each change names the operation, where in the request or response it is, and the generated client symbols it
touches (module, function, model, field), so a reviewer sees what to look at in their own code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lmskit.diff.naming import python_name
from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve
from lmskit.spec.walk import object_parts

BREAKING, WARNING, INFO = "breaking", "warning", "info"
SEVERITIES = (BREAKING, WARNING, INFO)
# Formats the generated clients turn into a Python type of their own: a change there changes the field's type.
TYPED_FORMATS = frozenset({"date-time", "date", "uuid", "binary"})
MAX_DEPTH = 40


@dataclass(frozen=True, slots=True)
class Change:
    severity: str
    kind: str
    operation: str  # "GET /enrollments/{id} (getCourseEnrollment)", or "" for the document
    where: str  # "response 200 /enrollments/*/status", "query parameter _limit", …
    message: str
    symbols: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "kind": self.kind,
            "operation": self.operation,
            "where": self.where,
            "message": self.message,
            "client_symbols": list(self.symbols),
        }


@dataclass
class Context:
    old: dict[str, Any]
    new: dict[str, Any]
    package: str
    changes: list[Change] = field(default_factory=list)

    def add(self, severity: str, kind: str, operation: str, where: str, message: str, *symbols: str) -> None:
        self.changes.append(Change(severity, kind, operation, where, message, tuple(s for s in symbols if s)))


def diff_documents(old: dict[str, Any], new: dict[str, Any], package: str) -> list[Change]:
    """Every consumer-visible change from ``old`` to ``new``; ``package`` names the generated client's package."""
    context = Context(old, new, package)
    old_ops = {op.operation_id or op.label: op for op in iter_operations(old)}
    new_ops = {op.operation_id or op.label: op for op in iter_operations(new)}
    new_by_route = {(op.method, op.path): op for op in new_ops.values()}
    old_by_route = {(op.method, op.path): op for op in old_ops.values()}
    for key, before in old_ops.items():
        after = new_ops.get(key)
        if after is None:
            renamed = new_by_route.get((before.method, before.path))
            if renamed is not None:
                context.add(
                    BREAKING,
                    "operation-renamed",
                    _label(before),
                    "operationId",
                    f"operationId {before.operation_id} became {renamed.operation_id}: the client module is renamed",
                    _module(context.package, before),
                    _module(context.package, renamed),
                )
                _compare_operation(context, before, renamed)
            else:
                context.add(
                    BREAKING,
                    "operation-removed",
                    _label(before),
                    "",
                    "the operation is gone",
                    _module(context.package, before),
                )
            continue
        if (before.method, before.path) != (after.method, after.path):
            context.add(
                BREAKING,
                "operation-moved",
                _label(before),
                "path",
                f"now {after.method.upper()} {after.path}",
                _module(context.package, after),
            )
        _compare_operation(context, before, after)
    for key, after in new_ops.items():
        if key not in old_ops and (after.method, after.path) not in old_by_route:
            context.add(INFO, "operation-added", _label(after), "", "a new operation", _module(context.package, after))
    order = {severity: index for index, severity in enumerate(SEVERITIES)}
    return sorted(context.changes, key=lambda change: (order[change.severity], change.operation, change.where))


# --- one operation ----------------------------------------------------------------------------------------------


def _compare_operation(context: Context, before: Operation, after: Operation) -> None:
    label = _label(after)
    function = _module(context.package, after)
    old_params = _parameters(context.old, before)
    new_params = _parameters(context.new, after)
    for key, parameter in new_params.items():
        where = f"{key[0]} parameter {key[1]}"
        previous = old_params.get(key)
        required = bool(parameter.get("required"))
        if previous is None:
            severity = BREAKING if required else INFO
            message = "a new required parameter" if required else "a new optional parameter"
            context.add(severity, "request-parameter-added", label, where, message, function)
            continue
        if required and not previous.get("required"):
            message = "was optional, is now required"
            context.add(BREAKING, "request-parameter-required", label, where, message, function)
        before_schema, after_schema = _schema(previous), _schema(parameter)
        _compare_schema(context, label, where, before_schema, after_schema, "request", function)
    for key in old_params.keys() - new_params.keys():
        where = f"{key[0]} parameter {key[1]}"
        context.add(BREAKING, "request-parameter-removed", label, where, "the parameter is gone", function)
    old_body = _request_body(context.old, before)
    new_body = _request_body(context.new, after)
    if new_body is not None:
        if old_body is None:
            severity = BREAKING if new_body[1] else INFO
            context.add(severity, "request-body-added", label, "request body", "a request body is now taken", function)
        else:
            if new_body[1] and not old_body[1]:
                context.add(BREAKING, "request-body-required", label, "request body", "is now required", function)
            _compare_schema(context, label, "request body", old_body[0], new_body[0], "request", function)
    elif old_body is not None:
        context.add(BREAKING, "request-body-removed", label, "request body", "no request body any more", function)
    old_responses = _responses(context.old, before)
    new_responses = _responses(context.new, after)
    for status in sorted(old_responses.keys() - new_responses.keys()):
        severity = BREAKING if status.startswith("2") else WARNING
        context.add(severity, "response-status-removed", label, f"response {status}", "no longer documented", function)
    for status in sorted(new_responses.keys() - old_responses.keys()):
        severity = BREAKING if status.startswith("2") else WARNING
        message = "a new success status" if status.startswith("2") else "a new error status"
        context.add(severity, "response-status-added", label, f"response {status}", message, function)
    for status in sorted(old_responses.keys() & new_responses.keys()):
        before_schema, after_schema = old_responses[status], new_responses[status]
        if before_schema is not None and after_schema is not None:
            _compare_schema(context, label, f"response {status}", before_schema, after_schema, "response", function)
        elif before_schema is not None and after_schema is None:
            context.add(BREAKING, "response-body-removed", label, f"response {status}", "no body any more", function)


# --- schemas ----------------------------------------------------------------------------------------------------


def _compare_schema(
    context: Context,
    label: str,
    where: str,
    old: tuple[Any, str] | None,
    new: tuple[Any, str] | None,
    direction: str,
    function: str,
) -> None:
    """Walk both schemas together. ``owner`` is the model holding the field at ``path`` (the client's class)."""
    if old is None or new is None:
        return
    stack: list[tuple[tuple[Any, str], tuple[Any, str], str, str, int]] = [(old, new, "", "", 0)]
    seen: set[tuple[str, str]] = set()
    while stack:
        (old_node, old_at), (new_node, new_at), path, owner, depth = stack.pop()
        old_node, old_at, _ = _deref(context.old, old_node, old_at)
        new_node, new_at, model = _deref(context.new, new_node, new_at)
        if depth > MAX_DEPTH or (old_at, new_at) in seen:
            continue
        if not isinstance(old_node, dict) or not isinstance(new_node, dict):
            continue
        seen.add((old_at, new_at))
        place = f"{where} {path}" if path else where
        # A change of the node itself touches its own model (an enum class), or the field its owner holds it in.
        symbol = f"{context.package}.models.{model}" if model else _field_symbol(context.package, owner, path)
        for severity, kind, message in _node_changes(old_node, new_node, direction):
            context.add(severity, kind, label, place, message, symbol or function)
        holder = model or owner
        old_props, old_required = object_parts(context.old, old_node, old_at)
        new_props, new_required = object_parts(context.new, new_node, new_at)
        for name in sorted(old_props.keys() | new_props.keys()):
            child = f"{path}/{name}"
            at = f"{where} {child}"
            child_symbol = _field_symbol(context.package, holder, child)
            for severity, kind, message in _field_changes(
                name, old_props, new_props, old_required, new_required, direction
            ):
                context.add(severity, kind, label, at, message, child_symbol)
            if name in old_props and name in new_props:
                stack.append((old_props[name], new_props[name], child, holder, depth + 1))
        old_items, new_items = old_node.get("items"), new_node.get("items")
        if isinstance(old_items, dict) and isinstance(new_items, dict):
            pair = ((old_items, join_pointer(old_at, "items")), (new_items, join_pointer(new_at, "items")))
            stack.append((*pair, f"{path}/*", holder, depth + 1))
        for keyword in ("oneOf", "anyOf"):
            old_branches, new_branches = old_node.get(keyword), new_node.get(keyword)
            if not isinstance(old_branches, list) or not isinstance(new_branches, list):
                continue
            for severity, kind, message in _branch_changes(keyword, len(old_branches), len(new_branches), direction):
                context.add(severity, kind, label, place, message, symbol or function)
            # Branches are compared in order: the generated client's union keeps the same order.
            for index, (old_branch, new_branch) in enumerate(zip(old_branches, new_branches, strict=False)):
                pair = (
                    (old_branch, join_pointer(old_at, keyword, index)),
                    (new_branch, join_pointer(new_at, keyword, index)),
                )
                stack.append(
                    (
                        *pair,
                        f"{path} ({keyword} {index + 1})" if path else f"({keyword} {index + 1})",
                        holder,
                        depth + 1,
                    )
                )


def _field_changes(
    name: str,
    old_props: dict[str, Any],
    new_props: dict[str, Any],
    old_required: set[str],
    new_required: set[str],
    direction: str,
) -> Iterator[tuple[str, str, str]]:
    if name not in new_props:
        if direction == "response":
            yield BREAKING, "response-field-removed", "the field is gone"
        else:
            yield WARNING, "request-field-removed", "the field is no longer documented"
        return
    if name not in old_props:
        if direction == "request" and name in new_required:
            yield BREAKING, "request-field-required", "a new required field"
        else:
            yield INFO, f"{direction}-field-added", "a new field"
        return
    if direction == "response" and name in old_required and name not in new_required:
        yield BREAKING, "response-field-optional", "was always sent, may now be absent"
    if direction == "request" and name in new_required and name not in old_required:
        yield BREAKING, "request-field-required", "was optional, is now required"


def _node_changes(old: dict[str, Any], new: dict[str, Any], direction: str) -> Iterator[tuple[str, str, str]]:
    old_types, new_types = _types(old), _types(new)
    if old_types and new_types and (old_types - {"null"}) != (new_types - {"null"}):
        yield BREAKING, f"{direction}-type-changed", f"type {_show(old_types)} became {_show(new_types)}"
    if direction == "response" and "null" in new_types and old_types and "null" not in old_types:
        yield BREAKING, "response-field-nullable", "may now be null"
    if direction == "request" and "null" in old_types and new_types and "null" not in new_types:
        yield BREAKING, "request-field-not-nullable", "null is no longer accepted"
    old_format, new_format = _format(old), _format(new)
    if old_format != new_format:
        typed = {old_format, new_format} & TYPED_FORMATS
        severity = BREAKING if typed else WARNING
        yield (
            severity,
            f"{direction}-format-changed",
            f"format {old_format or '(none)'} became {new_format or '(none)'}",
        )
    old_enum, new_enum = old.get("enum"), new.get("enum")
    if isinstance(old_enum, list) and isinstance(new_enum, list):
        added = [value for value in new_enum if value not in old_enum]
        removed = [value for value in old_enum if value not in new_enum]
        if added:
            if direction == "response":
                message = f"new value(s) {_values(added)}: code that handles each value meets one it does not know"
                yield BREAKING, "response-enum-value-added", message
            else:
                yield INFO, "request-enum-value-added", f"new value(s) {_values(added)} may be sent"
        if removed:
            if direction == "request":
                yield BREAKING, "request-enum-value-removed", f"value(s) {_values(removed)} are no longer accepted"
            else:
                yield INFO, "response-enum-value-removed", f"value(s) {_values(removed)} are no longer sent"
    elif isinstance(new_enum, list) and not isinstance(old_enum, list) and direction == "request":
        yield BREAKING, "request-enum-added", f"only {_values(new_enum)} are accepted now"


# --- reading both documents -------------------------------------------------------------------------------------


def _deref(document: dict[str, Any], node: Any, at: str) -> tuple[Any, str, str]:
    """The node behind any $ref, its pointer, and the component schema name it is (the client's model), if any."""
    try:
        found = resolve(document, node, at)
    except RefError:
        return node, at, ""
    model = ""
    prefix = "/components/schemas/"
    if found.pointer.startswith(prefix) and "/" not in found.pointer[len(prefix) :]:
        model = found.pointer[len(prefix) :]
    return found.value, found.pointer, model


def _branch_changes(keyword: str, before: int, after: int, direction: str) -> Iterator[tuple[str, str, str]]:
    """A union gaining a branch is a new shape for the code that reads it; losing one, for the code that sends."""
    if after > before:
        severity = BREAKING if direction == "response" else INFO
        yield severity, f"{direction}-{keyword}-branch-added", f"{keyword} has {after - before} new branch(es)"
    elif after < before:
        severity = BREAKING if direction == "request" else INFO
        yield severity, f"{direction}-{keyword}-branch-removed", f"{keyword} lost {before - after} branch(es)"


def _types(node: dict[str, Any]) -> set[str]:
    declared = node.get("type")
    types = set(declared) if isinstance(declared, list) else {declared} if isinstance(declared, str) else set()
    for keyword in ("anyOf", "oneOf"):
        for branch in node.get(keyword) or []:
            if isinstance(branch, dict) and isinstance(branch.get("type"), str):
                types.add(branch["type"])
    return {str(kind) for kind in types}


def _format(node: dict[str, Any]) -> str | None:
    value = node.get("x-lmskit-client-format") or node.get("format")
    return str(value) if value else None


def _parameters(document: dict[str, Any], operation: Operation) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for owner in (operation.path_item, operation.definition):
        for index, parameter in enumerate(owner.get("parameters") or []):
            value, _, _ = _deref(document, parameter, join_pointer(operation.pointer, "parameters", index))
            if isinstance(value, dict) and "name" in value and "in" in value:
                found[(str(value["in"]), str(value["name"]))] = value
    return found


def _schema(parameter: dict[str, Any]) -> tuple[Any, str] | None:
    schema = parameter.get("schema")
    return (schema, "") if isinstance(schema, dict) else None


def _request_body(document: dict[str, Any], operation: Operation) -> tuple[tuple[Any, str], bool] | None:
    raw = operation.definition.get("requestBody")
    if raw is None:
        return None
    body, at, _ = _deref(document, raw, join_pointer(operation.pointer, "requestBody"))
    if not isinstance(body, dict):
        return None
    schema = _json_schema(body, at)
    return (schema or ({}, at)), bool(body.get("required"))


def _responses(document: dict[str, Any], operation: Operation) -> dict[str, tuple[Any, str] | None]:
    found: dict[str, tuple[Any, str] | None] = {}
    responses = operation.definition.get("responses")
    for status, raw in (responses or {}).items() if isinstance(responses, dict) else ():
        response, at, _ = _deref(document, raw, join_pointer(operation.pointer, "responses", str(status)))
        found[str(status)] = _json_schema(response, at) if isinstance(response, dict) else None
    return found


def _json_schema(owner: dict[str, Any], at: str) -> tuple[Any, str] | None:
    content = owner.get("content")
    if not isinstance(content, dict):
        return None
    for media, value in content.items():
        if "json" in str(media) and isinstance(value, dict) and "schema" in value:
            return value["schema"], join_pointer(at, "content", media, "schema")
    return None


# --- naming -----------------------------------------------------------------------------------------------------


def _label(operation: Operation) -> str:
    return f"{operation.label} ({operation.operation_id})" if operation.operation_id else operation.label


def _module(package: str, operation: Operation) -> str:
    if not operation.operation_id:
        return ""
    tags = operation.definition.get("tags")
    tag = python_name(str(tags[0])) if isinstance(tags, list) and tags else "default"
    return f"{package}.api.{tag}.{python_name(operation.operation_id)}"


def _field_symbol(package: str, model: str, path: str) -> str:
    if not model:
        return ""
    names = [part for part in path.split("/") if part and part != "*"]
    attribute = f".{python_name(names[-1], field=True)}" if names else ""
    return f"{package}.models.{model}{attribute}"


def _show(types: set[str]) -> str:
    return "/".join(sorted(types))


def _values(values: list[Any]) -> str:
    shown = ", ".join(repr(value) for value in values[:8])
    return shown + (f" and {len(values) - 8} more" if len(values) > 8 else "")
