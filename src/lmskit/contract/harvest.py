"""Values that belong together, found before a run starts: what fills an operation's path (and the body fields
named alike) so that its success path is reached, not only its 404.

Random ids earn 404s from any real server, so a run that only generates data checks error bodies and little
else. The target's own answers say which values exist and belong together: a listed enrollment gives a
*record* ``{userId, courseId, status, …}``; the spec's links say which answer feeds which parameter of which
operation (``GET /myenrollments`` → ``getMyCourseEnrollment`` with ``courseId = $response.body#/enrollments/0/
courseId``), and a link is followed for every listed item, not only the first. Starting points are the GET
operations that need no path parameter, the spec's auth-probe parameters, ``--param`` pins and, for a bundled
fake, the records of its seed. The list operations are called in rounds, each round with what the previous one
found, within a request budget; every request goes through the run's target, so a live tenant counts it.

    found = harvest(api, send, headers, seeds=[Record({"program_id": 1}, "auth probe")])
    bindings(api, api.operation("getRegistration"), found)[0].path   # {"id": "65ade781…"}

A field named ``id`` is never matched by name (an enrollment's ``id`` is not a chapter's); only a link says
which operation's ``id`` it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from lmskit.spec.api import Api
from lmskit.spec.links import Link, read_links
from lmskit.spec.operations import Operation
from lmskit.spec.paging import PagingError, pagination_of
from lmskit.spec.pointers import PointerError, resolve_pointer

# (method, path, headers, json) → response: the run's Target.send
Send = Callable[[str, str, dict[str, str], Any], httpx.Response]

# A name too generic to match across resources: only a link may fill a parameter called this.
AMBIGUOUS_NAME = "id"
# Items of one answer that become records (and link targets): enough for variety, bounded for huge pages.
ITEMS_PER_ANSWER = 50
# Calls of one GET operation while harvesting, with different path values; more while an operation it links to
# has fewer than WANTED_BINDINGS (a list of attempts is empty for most learners).
CALLS_PER_OPERATION = 3
MAX_CALLS_PER_OPERATION = 24
WANTED_BINDINGS = 6
MAX_ROUNDS = 5
# A harvest's page size: large enough to see many items in one call, small enough for any tenant.
HARVEST_PAGE_SIZE = 100
# The source of a binding made of values seen in different records (it may not exist together).
APART = "values seen apart"
_INDEX = re.compile(r"/0(?=/|$)")


@dataclass(frozen=True, slots=True)
class Record:
    """Named values seen together (one listed item with the path it was listed under), and where from."""

    values: Mapping[str, Any]
    source: str


@dataclass(frozen=True, slots=True)
class Binding:
    """Values for one operation's request: every path parameter, the record they came from (for body fields and
    filters named alike), and the body a link supplies, if one does."""

    path: Mapping[str, Any]
    values: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""
    body: Any = None
    has_body: bool = False
    # The listed item's position in its answer: the first items of every answer come before the second ones,
    # so a handful of bindings spans many answers (every learner's first lesson, not one learner's lessons).
    rank: int = 0

    def key(self) -> tuple[Any, ...]:
        # Without a path, only the record tells two bindings apart (its values fill body fields and filters).
        values = () if self.path else tuple(sorted((k, repr(v)) for k, v in self.values.items()))
        return (
            tuple(sorted((k, repr(v)) for k, v in self.path.items())),
            repr(self.body) if self.has_body else "",
            values,
        )


@dataclass
class Harvest:
    records: list[Record] = field(default_factory=list)
    # By the target operation's label (``GET /enrollments/{id}``): bindings a link gave, evaluated on a real answer.
    linked: dict[str, list[Binding]] = field(default_factory=dict)
    requests: int = 0
    # value name → the operation it was first found in (for the run's opening line)
    sources: dict[str, str] = field(default_factory=dict)

    def add_record(self, record: Record) -> None:
        self.records.append(record)
        for name in record.values:
            self.sources.setdefault(name, record.source)

    def add_linked(self, label: str, binding: Binding) -> None:
        found = self.linked.setdefault(label, [])
        if all(existing.key() != binding.key() for existing in found):
            found.append(binding)


def harvest(
    api: Api,
    send: Send,
    credential_headers: Callable[[], dict[str, str]],
    *,
    seeds: Sequence[Record] = (),
    budget: int = 200,
    operations: Iterable[Operation] | None = None,
) -> Harvest:
    """Call the GET operations (``operations``, default: all of the spec's) in rounds, each with the path values
    the previous rounds found, and keep what their 2xx answers hold. At most ``budget`` requests."""
    found = Harvest()
    for record in seeds:
        found.add_record(record)
    links = read_links(api.document)
    sources = [op for op in (operations if operations is not None else api.operations.values()) if op.method == "get"]
    called: dict[str, set[tuple[Any, ...]]] = {}
    for _ in range(MAX_ROUNDS):
        progress = False
        for source in sources:
            done = called.setdefault(source.label, set())
            # A list keeps being called, with other values, while an operation it links to still lacks bindings.
            starved = any(
                len(found.linked.get(_label_of(api, link.target_operation_id), ())) < WANTED_BINDINGS
                for link in links
                if link.source.label == source.label
            )
            allowed = MAX_CALLS_PER_OPERATION if starved else CALLS_PER_OPERATION
            for binding in bindings(api, source, found, limit=allowed * 2):
                if len(done) >= allowed or found.requests >= budget:
                    break
                if binding.key() in done:
                    continue
                done.add(binding.key())
                progress = True
                _call(api, source, binding, links, send, credential_headers, found)
        if not progress or found.requests >= budget:
            break
    return found


def _call(
    api: Api,
    operation: Operation,
    binding: Binding,
    links: Sequence[Link],
    send: Send,
    credential_headers: Callable[[], dict[str, str]],
    found: Harvest,
) -> None:
    path = operation.path
    for name, value in binding.path.items():
        path = path.replace("{" + name + "}", str(value))
    query = _harvest_query(operation)
    if query:
        path += "?" + "&".join(f"{name}={value}" for name, value in query.items())
    headers = {**api.request_shape(operation).default_headers(), **credential_headers()}
    response = send("GET", path, headers, None)
    found.requests += 1
    if not 200 <= response.status_code < 300:
        return
    try:
        body = response.json()
    except ValueError:
        return
    items = list_items(operation, body)[:ITEMS_PER_ANSWER]
    for item in items:
        values = {**binding.path, **scalars(item)}
        found.add_record(Record(values, operation.label))
    for link in links:
        if link.source.label != operation.label or not link.status.startswith("2"):
            continue
        target = api.operations.get(link.target_operation_id)
        if target is None:
            continue
        wanted = path_names(api, target)
        for index in range(max(len(items), 1)):
            parameters = {
                name: evaluate_at(expression, index, binding.path, body) for name, expression in link.parameters
            }
            values = {name: value for name, value in parameters.items() if usable_id(value)}
            if not all(name in values for name in wanted):
                continue
            link_body = _body_at(link.request_body, index, binding.path, body) if link.has_request_body else None
            item = items[index] if index < len(items) else {}
            # The item's own ``id`` is this list's, not the target's: the link alone names the target's values.
            record = {**binding.path, **{k: v for k, v in scalars(item).items() if k != AMBIGUOUS_NAME}, **values}
            found.add_linked(
                target.label,
                Binding(
                    {name: values[name] for name in wanted},
                    record,
                    f"{operation.label} (link {link.name})",
                    link_body,
                    link.has_request_body,
                    index,
                ),
            )


def _harvest_query(operation: Operation) -> dict[str, int]:
    """A large page for a list operation, so one call sees many items."""
    try:
        pagination = pagination_of(operation.definition, operation.pointer)
    except PagingError:
        return {}
    if pagination is None or pagination.page_size is None:
        return {}
    size = min(pagination.page_size.maximum or HARVEST_PAGE_SIZE, HARVEST_PAGE_SIZE)
    return {pagination.page_size.name: size}


def bindings(api: Api, operation: Operation, found: Harvest, *, limit: int, extra: Sequence[str] = ()) -> list[Binding]:
    """Up to ``limit`` distinct bindings for ``operation``, the likeliest to succeed first: values seen together
    (what a link gave it, or one listed item that holds every path parameter), spread so that each next one
    brings values the earlier ones did not (every learner once before any twice); then combinations of values
    seen apart (a learner and a course not yet enrolled together, for a create). ``extra`` names more values
    worth varying (a body's ``user_id``): they count for the spread and are combined when seen apart."""
    wanted = path_names(api, operation)
    names = [*wanted, *(name for name in extra if name not in wanted and name != AMBIGUOUS_NAME)]
    together: list[Binding] = list(found.linked.get(operation.label, []))
    if AMBIGUOUS_NAME not in wanted:
        for record in _unique_records(found.records):
            if all(usable_id(record.values.get(name)) for name in wanted):
                together.append(Binding({name: record.values[name] for name in wanted}, record.values, record.source))
    chosen: dict[tuple[Any, ...], Binding] = {}

    def offer(binding: Binding) -> bool:
        key = (binding.key(), tuple(repr(binding.values.get(name)) for name in names))
        chosen.setdefault(key, binding)
        return len(chosen) >= limit

    # The first items of every answer before the second ones, each rank spread over as many values as it has.
    for _, tier in itertools.groupby(sorted(together, key=lambda b: b.rank), key=lambda b: b.rank):
        for binding in _spread(list(tier), names):
            if offer(binding):
                return list(chosen.values())
    if AMBIGUOUS_NAME in wanted:
        return list(chosen.values())
    for values in _combinations(names, wanted, found.records, limit * 2):
        if offer(Binding({name: values[name] for name in wanted}, values, APART)):
            break
    if not chosen and not wanted:
        offer(Binding({}, {}, "no path parameters"))
    return list(chosen.values())


def _spread(candidates: Sequence[Binding], names: Sequence[str]) -> Iterator[Binding]:
    """``candidates`` reordered so each next one brings the most values of ``names`` not yet given (ties: the
    earlier first)."""
    seen: set[tuple[str, str]] = set()
    left = list(candidates)

    def given(binding: Binding) -> list[tuple[str, str]]:
        values = {**binding.values, **binding.path}
        return [(name, repr(values[name])) for name in names if name in values]

    while left:
        best, best_score = 0, -1
        for position, binding in enumerate(left):
            pairs = given(binding)
            score = sum(pair not in seen for pair in pairs)
            if score > best_score:
                best, best_score = position, score
                if score == len(pairs):
                    break
        picked = left.pop(best)
        seen.update(given(picked))
        yield picked


def _unique_records(records: Sequence[Record]) -> Iterator[Record]:
    seen: set[tuple[Any, ...]] = set()
    for record in records:
        key = tuple(sorted((k, repr(v)) for k, v in record.values.items()))
        if key not in seen:
            seen.add(key)
            yield record


def _combinations(
    names: Sequence[str], required: Sequence[str], records: Sequence[Record], limit: int
) -> Iterator[dict[str, Any]]:
    """Values of each name, seen in any record, combined diagonally: (a0, b0), (a1, b0), (a0, b1), … A name no
    record holds is left out, unless it is ``required`` (then there is nothing to combine)."""
    pools: dict[str, list[Any]] = {}
    for name in names:
        values: list[Any] = []
        for record in records:
            value = record.values.get(name)
            if usable_id(value) and value not in values:
                values.append(value)
        if values:
            pools[name] = values
        elif name in required:
            return
    if not pools:
        return
    keys = list(pools)
    ranges = [range(min(len(pools[key]), limit)) for key in keys]
    combos = itertools.islice(itertools.product(*ranges), limit * limit)
    for combo in sorted(combos, key=lambda indexes: (sum(indexes), indexes))[:limit]:
        yield {key: pools[key][index] for key, index in zip(keys, combo, strict=True)}


def _label_of(api: Api, operation_id: str) -> str:
    found = api.operations.get(operation_id)
    return found.label if found is not None else operation_id


def path_names(api: Api, operation: Operation) -> list[str]:
    return [p.name for p in api.request_shape(operation).parameters if p.location == "path"]


def list_items(operation: Operation, body: Any) -> list[dict[str, Any]]:
    """The objects an answer lists: its ``x-lmskit-pagination`` items, a bare array, or the object itself."""
    try:
        pagination = pagination_of(operation.definition, operation.pointer)
    except PagingError:
        pagination = None
    if pagination is not None:
        for pointer in pagination.items:
            try:
                found = resolve_pointer(body, pointer)
            except PointerError:
                continue
            if isinstance(found, list):
                return [item for item in found if isinstance(item, dict)]
        return []
    if isinstance(body, list):
        return [item for item in body if isinstance(item, dict)]
    return [body] if isinstance(body, dict) else []


def scalars(item: Any) -> dict[str, Any]:
    """The top-level scalar fields of a listed item (``id`` included: it fills a filter on this very list, never
    a path parameter by name; see AMBIGUOUS_NAME)."""
    if not isinstance(item, dict):
        return {}
    return {key: value for key, value in item.items() if isinstance(value, (str, int, float, bool))}


def evaluate_at(expression: Any, index: int, request_path: Mapping[str, Any], body: Any) -> Any:
    """A link parameter's value for the ``index``-th listed item: ``$response.body#/enrollments/0/id`` is read at
    ``/enrollments/{index}/id``. ``$request.path.NAME`` and literals are the same for every item; other
    expressions (headers, query) give None."""
    if not isinstance(expression, str) or not expression.startswith("$"):
        return expression
    if expression.startswith("$request.path."):
        return request_path.get(expression[len("$request.path.") :])
    if expression.startswith("$response.body#"):
        pointer = _INDEX.sub(f"/{index}", expression[len("$response.body#") :], count=1)
        try:
            return resolve_pointer(body, pointer)
        except PointerError:
            return None
    return None


def _body_at(template: Any, index: int, request_path: Mapping[str, Any], body: Any) -> Any:
    if isinstance(template, dict):
        return {key: _body_at(value, index, request_path, body) for key, value in template.items()}
    if isinstance(template, list):
        return [_body_at(value, index, request_path, body) for value in template]
    return evaluate_at(template, index, request_path, body)


def usable_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) != ""


def id_candidates(
    links: Sequence[Link], source: Operation, request_path: Mapping[str, Any], body: Any, wanted: Iterable[str]
) -> list[tuple[str, Any]]:
    """(path parameter, value) pairs a 2xx answer of ``source`` offers: through the spec's links from it (every
    listed item), then from fields of the listed items named like a wanted parameter (``userId``)."""
    found: list[tuple[str, Any]] = []
    items = list_items(source, body)[:ITEMS_PER_ANSWER]
    for link in links:
        if link.source.label == source.label and link.status.startswith("2"):
            for index in range(max(len(items), 1)):
                found += [
                    (name, evaluate_at(expression, index, request_path, body)) for name, expression in link.parameters
                ]
    names = sorted(set(wanted) - {AMBIGUOUS_NAME})
    return found + [(name, item.get(name)) for item in items for name in names]
