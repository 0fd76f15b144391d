"""What a vendor promises beyond its schemas, in the kit's spec extensions: that a filter filters, and that a write
shows on the next read. A schema says what an answer looks like; these say what it must mean.

    # On a query parameter: every item the list answers (or the one resource a GET answers) matches.
    x-lmskit-filter: {field: /status}
    x-lmskit-filter: {field: /id, template: "id eq guid'{value}'"}     # how a value is written in the query

    # On a link: what the linked operation answers right after this response.
    x-lmskit-expect:
      status: 200                               # 404: the resource is gone
      item: {/enrollment_id: $request.path.id}  # a list answer: the item whose fields match these
      absent: true                              # … must not be listed
      body: {/grade: $request.body#/grade}      # fields equal to what this exchange sent or answered
      non-null: [/deleted_at]

Values are runtime expressions (``$request.path.NAME``, ``$request.query.NAME``, ``$request.body#/pointer``,
``$response.body#/pointer``, ``$response.header.NAME``, with schemathesis's ``#regex:`` to take a part) or
literals. An expectation whose expression the exchange cannot answer (the request did not send that field) is
not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from lmskit.errors import PromiseError as PromiseError
from lmskit.spec.parameters import Parameter
from lmskit.spec.pointers import PointerError, join_pointer, resolve_pointer, split_pointer
from lmskit.spec.walk import iter_tree

COMPARISONS = ("equals", "since")


@dataclass(frozen=True, slots=True)
class Filter:
    """``x-lmskit-filter`` of one query parameter."""

    parameter: str
    field: str  # JSON pointer into each item
    template: str | None = None
    compare: str = "equals"

    def render(self, value: Any) -> str:
        """The query value that asks for items whose field is ``value``."""
        text = value if isinstance(value, str) else _text(value)
        return self.template.replace("{value}", text) if self.template else text

    def wanted(self, sent: Any) -> Any:
        """The field value a sent query value asks for; None when the value is not in the template's form."""
        if self.template is None:
            return sent
        before, _, after = self.template.partition("{value}")
        found = re.fullmatch(re.escape(before) + "(.+?)" + re.escape(after), str(sent), re.DOTALL)
        return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class Expectation:
    """``x-lmskit-expect`` of one link."""

    status: int | None = None
    item: tuple[tuple[str, Any], ...] = ()
    absent: bool = False
    body: tuple[tuple[str, Any], ...] = ()
    non_null: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request and its answer, as runtime expressions read them."""

    path: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    request_body: Any = None
    status: int = 0
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    response_body: Any = None


class Unknown:
    """What an expression gives when the exchange cannot answer it."""

    def __repr__(self) -> str:
        return "<unknown>"


UNKNOWN = Unknown()
_EXPRESSION = re.compile(r"^\$(request|response)\.(path|query|header|body)(?:\.([^#]+))?(?:#(.*))?$")


def evaluate(expression: Any, exchange: Exchange) -> Any:
    """``$request.body#/grade`` → the grade the request sent; a literal is itself; UNKNOWN when not there."""
    if not isinstance(expression, str) or not expression.startswith("$"):
        return expression
    if expression == "$statusCode":
        return exchange.status
    found = _EXPRESSION.match(expression)
    if found is None:
        return UNKNOWN
    side, part, name, fragment = found.groups()
    if part == "body":
        body = exchange.request_body if side == "request" else exchange.response_body
        return _at(body, fragment or "")
    if part == "header" and side == "response" and name:
        value: Any = exchange.headers.get(name.lower(), UNKNOWN)
    elif part == "path" and side == "request" and name:
        value = exchange.path.get(name, UNKNOWN)
    elif part == "query" and side == "request" and name:
        value = exchange.query.get(name, UNKNOWN)
    else:
        return UNKNOWN
    if fragment and fragment.startswith("regex:") and isinstance(value, str):
        matched = re.search(fragment[len("regex:") :], value)
        return (matched.group(1) if matched.groups() else matched.group(0)) if matched else UNKNOWN
    return value


def _at(value: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(value, pointer)
    except PointerError:
        return UNKNOWN


def same_value(expected: Any, seen: Any) -> bool:
    """Equal as a sync would compare them: ids as text (``"42"`` is 42), numbers by value, date-times as
    instants to the second (``2017-12-31T07:00:00.5Z`` is ``2017-12-31T07:00:00+00:00``: vendors keep due dates
    to the second), GUIDs without regard to case."""
    if isinstance(expected, bool) or isinstance(seen, bool):
        return expected is seen
    if isinstance(expected, (int, float)) and isinstance(seen, (int, float)):
        return float(expected) == float(seen)
    if isinstance(expected, (str, int)) and isinstance(seen, (str, int)):
        left, right = _text(expected), _text(seen)
        if left.lower() == right.lower():
            return True
        first, second = as_instant(left), as_instant(right)
        if first is None or second is None:
            # A vendor that writes UTC without an offset (.NET's DateTime, as Absorb does) still kept the instant.
            first, second = first or _utc(left, second), second or _utc(right, first)
        if first is None or second is None:
            return False
        return first.replace(microsecond=0) == second.replace(microsecond=0)
    return bool(expected == seen)


def as_instant(text: str) -> datetime | None:
    """An RFC 3339 date-time with an offset as an aware datetime; None for anything else (a naive time is not an
    instant: the same text means different moments in different zones)."""
    if len(text) < 20 or text[10:11] not in ("T", "t", " "):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _utc(text: str, other: datetime | None) -> datetime | None:
    """A date-time without an offset, read as UTC, when the value it is compared with is in UTC."""
    if other is None or other.utcoffset() != timedelta(0) or len(text) < 19 or text[10:11] not in ("T", "t", " "):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else None


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def filters_of(parameters: Iterable[Parameter]) -> tuple[Filter, ...]:
    """The ``x-lmskit-filter`` of an operation's query parameters (malformed ones are lint's to report)."""
    found = []
    for parameter in parameters:
        raw = parameter.extensions.get("x-lmskit-filter")
        if parameter.location != "query" or raw is None:
            continue
        try:
            found.append(read_filter(raw, parameter.name, parameter.schema_pointer))
        except PromiseError:
            continue
    return tuple(found)


def read_filter(raw: Any, parameter: str, pointer: str) -> Filter:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("field"), str):
        raise PromiseError(f"{pointer}: write {{field: /pointer-in-each-item}}")
    unknown = set(raw) - {"field", "template", "compare"}
    if unknown:
        raise PromiseError(f"{pointer}: unknown key(s) {', '.join(sorted(unknown))}")
    _pointer(raw["field"], join_pointer(pointer, "field"))
    template = raw.get("template")
    if template is not None and (not isinstance(template, str) or template.count("{value}") != 1):
        where = join_pointer(pointer, "template")
        raise PromiseError(f"{where}: a text with {{value}} once, e.g. \"id eq '{{value}}'\"")
    compare = raw.get("compare", "equals")
    if compare not in COMPARISONS:
        raise PromiseError(f"{join_pointer(pointer, 'compare')}: is {' or '.join(COMPARISONS)}, not {compare!r}")
    return Filter(parameter, raw["field"], template, compare)


def read_expectation(raw: Any, pointer: str) -> Expectation:
    if not isinstance(raw, Mapping):
        raise PromiseError(f"{pointer}: write {{status: 200, body: {{/field: $request.body#/field}}}}")
    unknown = set(raw) - {"status", "item", "absent", "body", "non-null"}
    if unknown:
        raise PromiseError(f"{pointer}: unknown key(s) {', '.join(sorted(unknown))}")
    status = raw.get("status")
    if status is not None and (not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599):
        raise PromiseError(f"{join_pointer(pointer, 'status')}: is an HTTP status such as 200 or 404")
    item = _pairs(raw.get("item"), join_pointer(pointer, "item"))
    body = _pairs(raw.get("body"), join_pointer(pointer, "body"))
    absent = raw.get("absent", False)
    if not isinstance(absent, bool):
        raise PromiseError(f"{join_pointer(pointer, 'absent')}: is true or false")
    if absent and not item:
        raise PromiseError(f"{join_pointer(pointer, 'absent')}: needs `item`, to say which item must be gone")
    non_null = raw.get("non-null", [])
    if not isinstance(non_null, list) or not all(isinstance(entry, str) for entry in non_null):
        raise PromiseError(f"{join_pointer(pointer, 'non-null')}: is a list of JSON pointers")
    for index, entry in enumerate(non_null):
        _pointer(entry, join_pointer(pointer, "non-null", index))
    if status is None and not (item or body or non_null):
        raise PromiseError(f"{pointer}: expects nothing; give status, item, body or non-null")
    return Expectation(status, item, absent, body, tuple(non_null))


def _pairs(raw: Any, pointer: str) -> tuple[tuple[str, Any], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, Mapping) or not raw:
        raise PromiseError(f"{pointer}: is a mapping of JSON pointers to expressions or values")
    for key in raw:
        _pointer(key, join_pointer(pointer, str(key)))
    return tuple((str(key), value) for key, value in raw.items())


def _pointer(value: Any, pointer: str) -> None:
    if not isinstance(value, str):
        raise PromiseError(f"{pointer}: is a JSON pointer such as /status")
    try:
        split_pointer(value)
    except PointerError:
        raise PromiseError(f"{pointer}: {value!r} is not a JSON pointer (it starts with /)") from None


def check_promise_extensions(document: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(JSON pointer, problem) for every malformed ``x-lmskit-filter`` and ``x-lmskit-expect``, for lint."""
    for pointer, node in _walk(document, ""):
        if "x-lmskit-filter" in node:
            where = join_pointer(pointer, "x-lmskit-filter")
            if node.get("in") != "query":
                yield where, "belongs on a query parameter"
                continue
            try:
                read_filter(node["x-lmskit-filter"], str(node.get("name")), where)
            except PromiseError as exc:
                yield _split(exc)
        if "x-lmskit-expect" in node:
            try:
                read_expectation(node["x-lmskit-expect"], join_pointer(pointer, "x-lmskit-expect"))
            except PromiseError as exc:
                yield _split(exc)


def _split(exc: PromiseError) -> tuple[str, str]:
    where, _, problem = str(exc).partition(": ")
    return where, problem


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for at, value in iter_tree(node, pointer, skip=("x-lmskit-filter", "x-lmskit-expect", "example"), max_depth=65):
        if isinstance(value, Mapping):
            yield at, value
