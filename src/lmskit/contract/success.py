"""Requests the documented rules accept, from values the target's own data holds: each operation's success path.

For every operation the run adds explicit examples to schemathesis's examples phase (its ``before_add_examples``
hook), each a positive case whose path comes from a harvested binding (``lmskit.contract.harvest``), whose body is
the spec's request example with fields named like the binding's values filled in (or the body a link supplies,
or the credentials for the spec's token operation), and whose query is empty, a page of one, or one filter the
spec declares (``x-lmskit-filter``) set to a value the same list answered. Every one of them goes through every
check, as any generated case does; the generated phases run as before, with bindings mixed into a share of their
positive cases (``before_generate_case``) so fuzzing also reaches what lies behind a real id.

    cases = success_cases(api, api.operation("listRegistrations"), harvest, credentials, count=6)
    [case.purpose for case in cases]   # ['as listed', 'page of 1', 'filter status', 'filter userId', …]
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lmskit.contract.harvest import AMBIGUOUS_NAME, APART, Binding, Harvest, bindings
from lmskit.spec.api import Api
from lmskit.spec.operations import Operation
from lmskit.spec.paging import PagingError, pagination_of
from lmskit.spec.promises import filters_of

# Every operation gets at least this many success cases, repeating its distinct ones when it has fewer.
MIN_SUCCESS_CASES = 5
# How many bindings an operation's success cases draw on: a few more than cases, so a refused one (an attempt
# another case finished) leaves others.
_BINDINGS_PER_CASE = 2


@dataclass(frozen=True, slots=True)
class SuccessCase:
    """One request that should succeed, and why it was chosen (for reports)."""

    path: Mapping[str, Any]
    query: Mapping[str, Any] = field(default_factory=dict)
    body: Any = None
    has_body: bool = False
    purpose: str = ""

    def key(self) -> str:
        return repr((sorted(self.path.items()), sorted(self.query.items()), self.body if self.has_body else None))


def success_cases(
    api: Api, operation: Operation, found: Harvest, credentials: Mapping[str, str], *, count: int
) -> list[SuccessCase]:
    """Up to ``count`` distinct requests to ``operation`` that the target's data says should succeed."""
    bodies = _bodies(api, operation, credentials)
    references = reference_names(api, bodies)
    candidates = bindings(api, operation, found, limit=max(count * _BINDINGS_PER_CASE, 4), extra=sorted(references))
    if not candidates and _path_names(api, operation):
        return []
    if not candidates:
        candidates = [Binding({})]
    queries = _queries(api, operation)
    chosen: dict[str, SuccessCase] = {}
    # Values seen together before values seen apart. Half the cases spread over the bindings as they are (the
    # widest spread of data); then every query variant once (a page of one, each filter), so none is crowded
    # out; then the rest in the same order.
    together = [binding for binding in candidates if binding.source != APART]
    apart = [binding for binding in candidates if binding.source == APART]

    def offer(kind: str, binding: Binding) -> bool:
        purpose, query = _query_for(api, operation, kind, binding, found)
        if query is None:
            return False
        body_index = len(chosen) % len(bodies) if bodies else 0
        body, has_body = _body_for(binding, bodies, body_index, references)
        case = SuccessCase(dict(binding.path), query, body, has_body, purpose)
        if case.key() in chosen:
            return False
        chosen[case.key()] = case
        return True

    variants = queries[1:]
    first = max(count - len(variants), (count + 1) // 2)
    for binding in together[:first]:
        offer(queries[0], binding)
    for kind in variants:
        for binding in together or apart:
            if len(chosen) < count and offer(kind, binding):
                break
    for kind, binding in itertools.chain(
        ((queries[0], binding) for binding in together),
        ((variant, binding) for variant in variants for binding in together),
        ((queries[0], binding) for binding in apart),
        ((variant, binding) for variant in variants for binding in apart),
    ):
        if len(chosen) >= count:
            break
        offer(kind, binding)
    distinct = list(chosen.values())
    # An operation with one request to make (a login, a list without parameters) makes it again: a success
    # path is not checked by a single answer.
    return [distinct[index % len(distinct)] for index in range(max(len(distinct), MIN_SUCCESS_CASES))]


def _path_names(api: Api, operation: Operation) -> list[str]:
    return [p.name for p in api.request_shape(operation).parameters if p.location == "path"]


# --- query variants -------------------------------------------------------------------------------------


def _queries(api: Api, operation: Operation) -> list[str]:
    """The kinds of query an operation's success cases use: as listed, a page of one, then one per filter."""
    kinds = ["as listed"]
    try:
        pagination = pagination_of(operation.definition, operation.pointer)
    except PagingError:
        pagination = None
    if pagination is not None and pagination.page_size is not None:
        kinds.append("page of 1")
    kinds += [f"filter {item.parameter}" for item in filters_of(api.request_shape(operation).parameters)]
    return kinds


def _query_for(
    api: Api, operation: Operation, kind: str, binding: Binding, found: Harvest
) -> tuple[str, dict[str, Any] | None]:
    if kind == "as listed":
        return kind, {}
    if kind == "page of 1":
        pagination = pagination_of(operation.definition, operation.pointer)
        assert pagination is not None and pagination.page_size is not None
        return kind, {pagination.page_size.name: 1}
    name = kind.removeprefix("filter ")
    chosen = next(item for item in filters_of(api.request_shape(operation).parameters) if item.parameter == name)
    field_name = chosen.field.rsplit("/", 1)[-1]
    value = _filter_value(operation, field_name, binding, found)
    if value is None:
        return kind, None
    return f"{kind}={value}", {name: chosen.render(value)}


def _filter_value(operation: Operation, field_name: str, binding: Binding, found: Harvest) -> Any:
    """A value of the filtered field that the operation's own answers hold: from the binding when it is this
    resource's (a GET's own record), else from an item this list answered under the same path."""
    if field_name != AMBIGUOUS_NAME and field_name in binding.values:
        return binding.values[field_name]
    for record in found.records:
        if record.source != operation.label:
            continue
        if all(record.values.get(name) == value for name, value in binding.path.items()):
            value = record.values.get(field_name)
            if value is not None and not isinstance(value, (dict, list)):
                return value
    return None


# --- bodies ---------------------------------------------------------------------------------------------


def _bodies(api: Api, operation: Operation, credentials: Mapping[str, str]) -> list[Any]:
    """The bodies a success case starts from: the token operation's own credentials body, else the spec's
    request examples."""
    body = api.request_shape(operation).body
    if body is None or body.schema_pointer is None:
        return []
    for scheme in api.security.schemes.values():
        if scheme.token is not None and scheme.token.operation_id == operation.operation_id and credentials:
            return [scheme.token.fill(credentials)]
    return [copy.deepcopy(example) for example in body.examples]


def _body_for(binding: Binding, bodies: Sequence[Any], index: int, references: set[str]) -> tuple[Any, bool]:
    if binding.has_body:
        return binding.body, True
    if not bodies:
        return None, False
    values = {name: value for name, value in binding.values.items() if name in references}
    return _filled(copy.deepcopy(bodies[index]), values), True


def reference_names(api: Api, bodies: Sequence[Any]) -> set[str]:
    """The fields of ``bodies`` that name another record (``userId``, ``offering_id``, a name the spec gives a path
    parameter): those a binding fills. The data fields (a grade, a status) keep the example's value, so a write
    changes something a later read can show."""
    parameters = {
        parameter.name
        for operation in api.operations.values()
        for parameter in api.request_shape(operation).parameters
        if parameter.location == "path"
    }
    found: set[str] = set()
    stack = list(bodies)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key != AMBIGUOUS_NAME and (key in parameters or key.endswith(("Id", "_id"))):
                    found.add(key)
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _filled(body: Any, values: Mapping[str, Any]) -> Any:
    """``{"userId": "0f8f…", "grade": 1}`` with a binding's ``userId`` → the binding's learner; the value takes
    the type the example gives the field (``"42"`` fills an integer field as 42)."""
    if isinstance(body, dict):
        for key, current in list(body.items()):
            if key in values and not isinstance(current, (dict, list)):
                body[key] = _like(current, values[key])
            else:
                body[key] = _filled(current, values)
        return body
    if isinstance(body, list):
        return [_filled(item, values) for item in body]
    return body


def _like(example: Any, value: Any) -> Any:
    if isinstance(example, bool) or isinstance(value, bool):
        return value if isinstance(value, type(example)) else example
    if isinstance(example, int) and isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(example, str) and isinstance(value, int):
        return str(value)
    if type(example) is type(value) or (isinstance(example, float) and isinstance(value, int)):
        return value
    return example


# --- into schemathesis -----------------------------------------------------------------------------------

# Of the positive cases the generated phases draw, this share (out of 4) takes a harvested binding's path.
_BOUND_SHARE = 3


def install_success_cases(suite: Any) -> None:
    """Register the hooks on ``suite.schema``: explicit success cases for the examples phase, and bindings mixed
    into generated positive cases. Both read ``suite.harvest`` when schemathesis asks, after the run found it."""
    from hypothesis import strategies as st
    from schemathesis.generation import GenerationMode
    from schemathesis.generation.hypothesis.examples import generate_one
    from schemathesis.generation.meta import TestPhase

    api: Api = suite.api
    schema = suite.schema
    bound: dict[str, list[Binding]] = {}
    # Set while an explicit case is drawn: its path is chosen already, the generated phases' mixing keeps off it.
    drawing_explicit = [False]

    def spec_operation(operation: Any) -> Operation:
        return api.operation(f"{operation.method.upper()} {operation.path}")

    @schema.hook  # type: ignore[untyped-decorator]
    def before_add_examples(context: Any, examples: list[Any]) -> None:
        operation = context.operation
        found = spec_operation(operation)
        credentials = suite.target.credentials.values
        for success in success_cases(api, found, suite.harvest, credentials, count=suite.profile.success_cases):
            path = typed_path(api, found, success.path)
            strategy = operation.as_strategy(
                generation_mode=GenerationMode.POSITIVE,
                path_parameters=path or None,
                query=dict(success.query) or None,
                **({"body": success.body} if success.has_body else {}),
                phase=TestPhase.EXAMPLES,
            )
            drawing_explicit[0] = True
            try:
                case = generate_one(strategy)
            finally:
                drawing_explicit[0] = False
            # Exactly this query: optional parameters schemathesis would add (a random status filter) are not it.
            case.query = dict(success.query)
            examples.append(case)

    @schema.hook  # type: ignore[untyped-decorator]
    def before_generate_case(context: Any, strategy: Any) -> Any:
        found = spec_operation(context.operation)
        if found.label not in bound:
            bound[found.label] = [
                binding
                for binding in bindings(api, found, suite.harvest, limit=8)
                if binding.path  # an operation without path parameters has nothing to bind
            ]
        choices = bound[found.label]
        if not choices:
            return strategy

        def bind(drawn: tuple[Any, int, Binding]) -> Any:
            case, share, binding = drawn
            meta = case.meta
            if drawing_explicit[0] or share >= _BOUND_SHARE or meta is None or not meta.generation.mode.is_positive:
                return case
            case.path_parameters = {**(case.path_parameters or {}), **typed_path(api, found, binding.path)}
            return case

        return st.tuples(strategy, st.integers(0, 3), st.sampled_from(choices)).map(bind)


def typed_path(api: Api, operation: Operation, values: Mapping[str, Any]) -> dict[str, Any]:
    """Path values as the parameter's schema types them: a listed ``"7"`` fills an integer ``id`` as 7."""
    types = {p.name: p.types for p in api.request_shape(operation).parameters if p.location == "path"}
    typed = {}
    for name, value in values.items():
        if "integer" in types.get(name, ()) and isinstance(value, str) and value.isdigit():
            typed[name] = int(value)
        else:
            typed[name] = value
    return typed


def unreached(api: Api, operations: Sequence[Operation], found: Harvest) -> list[Operation]:
    """The operations whose path the harvest found no values for: their success path cannot be reached."""
    return [op for op in operations if _path_names(api, op) and not bindings(api, op, found, limit=1)]
