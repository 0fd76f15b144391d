"""What a vendor promises beyond the shape of its answers, checked on the 2xx answers a run gets.

A schema check passes a vendor that drops a write, keeps a deleted enrollment, ignores a filter or repeats an
item across pages: every answer still has the right shape. These checks read what each answer means, from the
spec's own declarations (``lmskit.spec.promises``, ``x-lmskit-pagination``, a 201's ``Location``):

- a filter filters: every item of an answer to a request with an ``x-lmskit-filter`` parameter matches it;
- a list pages each item exactly once: the same request walked with pages of two gives no item twice and, when
  the list declares a total, that many items;
- a write shows on the next read: after a 2xx, each of the response's links that carries ``x-lmskit-expect`` is
  followed at once and its answer compared;
- ``Location`` resolves: the URL a 201 names answers 2xx.

Each broken promise is one ``Broken`` with a line a person understands:
``PUT /registrations/{id} answered 204, but the next GET /registrations/{id} shows /grade = null, not 99.7``.
The requests these checks send go through the run's own session, so a tenant's budget counts them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from lmskit.contract.harvest import list_items
from lmskit.spec.api import Api
from lmskit.spec.links import Link, read_links
from lmskit.spec.operations import Operation
from lmskit.spec.paging import PagingError, UnsafeLink, next_page, pagination_of
from lmskit.spec.pointers import PointerError, resolve_pointer
from lmskit.spec.promises import (
    UNKNOWN,
    Exchange,
    Expectation,
    PromiseError,
    as_instant,
    evaluate,
    filters_of,
    read_expectation,
    same_value,
)

# Pages walked at most per list, and lists walked at most per operation in a run: a promise, not a crawl.
MAX_PAGES = 50
WALKS_PER_OPERATION = 2
WALK_PAGE_SIZE = 2

# (method, url, headers, query, json body or UNKNOWN for none) → (status, headers, decoded body or None)
Fetch = Callable[[str, str, Mapping[str, str], Mapping[str, Any], Any], tuple[int, Mapping[str, str], Any]]


@dataclass(frozen=True, slots=True)
class Broken:
    """A promise the answer broke: which one (``LMS`` codes, as schemathesis's ``ST`` ones), and what was seen."""

    code: str
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class Sent:
    """A request the run sent and its 2xx answer, as these checks read them."""

    operation: Operation
    url: str
    path: Mapping[str, Any]
    query: Mapping[str, Any]
    body: Any
    status: int
    headers: Mapping[str, str]  # lower-case names
    answer: Any  # the decoded JSON body, or None
    # The request's own headers (lower-case names): a follow-up of the same request sends the same header
    # parameters (an Absorb call without x-api-version is answered in another contract).
    request_headers: Mapping[str, str] = field(default_factory=dict)


class Promises:
    """The promise checks of one vendor's run. ``fetch`` sends a follow-up request with the run's credentials."""

    def __init__(self, api: Api, fetch: Fetch, base_url: str) -> None:
        self.api = api
        self.fetch = fetch
        self.base_url = base_url.rstrip("/")
        self.links = [link for link in read_links(api.document) if link.expect is not None]
        self._walked: dict[str, set[str]] = {}

    def __repr__(self) -> str:
        return f"Promises({self.api.vendor!r}, links={len(self.links)})"

    def check(self, sent: Sent) -> list[Broken]:
        broken = list(self._filters(sent))
        broken += self._paging(sent)
        broken += self._effects(sent)
        broken += self._location(sent)
        return broken

    # --- filters ------------------------------------------------------------------------------------------

    def _filters(self, sent: Sent) -> Iterator[Broken]:
        shape = self.api.request_shape(sent.operation)
        for declared in filters_of(shape.parameters):
            if declared.parameter not in sent.query:
                continue
            wanted = declared.wanted(sent.query[declared.parameter])
            if wanted is None:
                continue  # a value in another form than the template's: not the filter the spec describes
            items = self._items(sent.operation, sent.answer)
            for index, item in enumerate(items):
                seen = _at(item, declared.field)
                if seen is UNKNOWN or not _matches(declared.compare, wanted, seen):
                    where = f"item {index} of the answer" if len(items) > 1 or _is_list(sent) else "the answer"
                    yield Broken(
                        "LMS201",
                        "Filter not applied",
                        f"{sent.operation.label} with {declared.parameter}={sent.query[declared.parameter]} answered"
                        f" {sent.status}, but {where} has {declared.field} = {_show(seen)}, not {_show(wanted)}",
                    )
                    break

    def _items(self, operation: Operation, answer: Any) -> list[dict[str, Any]]:
        return list_items(operation, answer)

    # --- paging -------------------------------------------------------------------------------------------

    def _paging(self, sent: Sent) -> list[Broken]:
        try:
            pagination = pagination_of(sent.operation.definition, sent.operation.pointer)
        except PagingError:
            return []
        if pagination is None or pagination.page_size is None:
            return []
        paging_names = {pagination.page_size.name, *(p.name for p in (pagination.offset,) if p is not None)}
        if set(sent.query) & (paging_names | {"after"}):
            return []  # a page the run asked for; the walk starts from the first
        items = self._items(sent.operation, sent.answer)
        walked = self._walked.setdefault(sent.operation.label, set())
        key = json.dumps([sorted(sent.path.items()), sorted(sent.query.items())], default=str)
        if len(items) <= WALK_PAGE_SIZE or key in walked or len(walked) >= WALKS_PER_OPERATION:
            return []
        walked.add(key)
        return self._walk(sent, pagination)

    def _walk(self, sent: Sent, pagination: Any) -> list[Broken]:
        size_name = pagination.page_size.name
        offset_name = pagination.offset.name if pagination.offset is not None else None
        label = sent.operation.label
        url = sent.url.split("?", 1)[0]
        query: dict[str, Any] = {**sent.query, size_name: WALK_PAGE_SIZE}
        headers = {
            parameter.name: sent.request_headers[parameter.name.lower()]
            for parameter in self.api.request_shape(sent.operation).parameters
            if parameter.location == "header" and parameter.name.lower() in sent.request_headers
        }
        seen: dict[str, int] = {}
        offset = 0
        total: Any = None
        for page in range(1, MAX_PAGES + 1):
            current = f"{url}?{urlencode(query, doseq=True)}"
            status, _, answer = self.fetch("GET", url, headers, query, UNKNOWN)
            if not 200 <= status < 300:
                return [
                    Broken(
                        "LMS202",
                        "Page not served",
                        f"{label}: page {page} (pages of {WALK_PAGE_SIZE}) answered {status}",
                    )
                ]
            items = self._items(sent.operation, answer)
            for item in items:
                identity = json.dumps(item, sort_keys=True, default=str)
                if identity in seen:
                    return [
                        Broken(
                            "LMS203",
                            "Item listed twice",
                            f"{label}: walking pages of {WALK_PAGE_SIZE}, page {page} repeats an item of page"
                            f" {seen[identity]} ({_identify(item)})",
                        )
                    ]
                seen[identity] = page
            if pagination.total is not None:
                total = _at(answer, pagination.total)
            link = _at(answer, pagination.next_link) if pagination.next_link is not None else None
            try:
                following = next_page(
                    pagination,
                    current,
                    count=len(items),
                    size=WALK_PAGE_SIZE,
                    offset=offset,
                    link=None if link is UNKNOWN else link,
                    total=None if total is UNKNOWN else total,
                )
            except UnsafeLink as exc:
                return [Broken("LMS204", "Next page link broken", f"{label}: page {page}'s next link {exc}")]
            if following is None:
                break
            if following.url is not None:
                url, query = following.url.split("?", 1)[0], _query_of(following.url)
            else:
                assert offset_name is not None
                offset = int(following.offset or 0)
                query = {**query, offset_name: offset}
        else:
            return []  # longer than MAX_PAGES: too long to walk in a run, not a broken promise
        broken = []
        if isinstance(total, int) and not isinstance(total, bool) and total != len(seen):
            broken.append(
                Broken(
                    "LMS205",
                    "Total does not count the items",
                    f"{label}: the pages of {WALK_PAGE_SIZE} hold {len(seen)} items, but {pagination.total} says"
                    f" {total}",
                )
            )
        whole = {json.dumps(item, sort_keys=True, default=str) for item in self._items(sent.operation, sent.answer)}
        missing = [identity for identity in whole if identity not in seen]
        if missing and len(whole) < _page_default(sent, pagination):
            broken.append(
                Broken(
                    "LMS206",
                    "Item missing from the pages",
                    f"{label}: the one-page answer lists {len(whole)} items, but walking pages of {WALK_PAGE_SIZE}"
                    f" never gives {_identify(json.loads(missing[0]))}",
                )
            )
        return broken

    # --- a write shows on the next read -------------------------------------------------------------------

    def _effects(self, sent: Sent) -> Iterator[Broken]:
        exchange = Exchange(sent.path, sent.query, sent.body, sent.status, sent.headers, sent.answer)
        for link in self.links:
            if link.source.label != sent.operation.label or not _status_matches(link.status, sent.status):
                continue
            target = self.api.operations.get(link.target_operation_id)
            if target is None:
                continue
            try:
                expectation = read_expectation(link.expect, f"{link.source.pointer}/links/{link.name}")
            except PromiseError:
                continue  # lint reports it
            request = _linked_request(self.api, target, link, exchange)
            if isinstance(request, str):
                yield Broken(
                    "LMS103",
                    "Answer lacks what its link reads",
                    f"{sent.operation.label} answered {sent.status} without {request}, which its link {link.name}"
                    f" to {target.label} reads",
                )
                continue
            if request is None:
                continue
            path, query = request
            headers = self.api.request_shape(target).default_headers()
            status, _, answer = self.fetch(target.method.upper(), self.base_url + path, headers, query, UNKNOWN)
            problem = _compare(self.api, target, expectation, exchange, status, answer)
            if problem:
                yield Broken(
                    "LMS101",
                    "Write not shown by the next read",
                    f"{sent.operation.label} answered {sent.status}, but the next {target.label} (link {link.name})"
                    f" {problem}",
                )

    # --- Location -----------------------------------------------------------------------------------------

    def _location(self, sent: Sent) -> Iterator[Broken]:
        location = sent.headers.get("location")
        if sent.status != 201 or not location:
            return
        url = urljoin(sent.url, location)
        here, there = urlsplit(sent.url), urlsplit(url)
        if (here.scheme, here.netloc) != (there.scheme, there.netloc):
            return  # never carry the run's credentials to another host
        status, _, _ = self.fetch("GET", url, self.api.request_shape(sent.operation).default_headers(), {}, UNKNOWN)
        if not 200 <= status < 300:
            yield Broken(
                "LMS102",
                "Location does not resolve",
                f"{sent.operation.label} answered 201 with Location {location}, which answers {status}",
            )


def _linked_request(
    api: Api, target: Operation, link: Link, exchange: Exchange
) -> tuple[str, dict[str, Any]] | str | None:
    """The linked operation's path and query; the pointer the answer lacks when a path parameter comes from the
    answer (``/enrollmentId``); None when the request did not send what the path needs."""
    locations = {p.name: p.location for p in api.request_shape(target).parameters}
    path = target.path
    query: dict[str, Any] = {}
    for name, expression in link.parameters:
        value = evaluate(expression, exchange)
        if value is UNKNOWN or value is None:
            if locations.get(name) == "path":
                answered = isinstance(expression, str) and expression.startswith("$response.")
                return expression.split("#", 1)[-1] if answered else None
            continue
        if locations.get(name) == "path":
            path = path.replace("{" + name + "}", str(value))
        elif locations.get(name) == "query":
            query[name] = value
    return None if "{" in path else (path, query)


def _compare(
    api: Api, target: Operation, expectation: Expectation, exchange: Exchange, status: int, answer: Any
) -> str | None:
    """What the linked answer shows that the expectation does not, in words; None when it keeps the promise."""
    if expectation.status is not None and status != expectation.status:
        return f"answered {status}, not {expectation.status}"
    if expectation.status is None and not 200 <= status < 300:
        return f"answered {status}"
    subject: Any = answer
    if expectation.item:
        wanted = [(pointer, evaluate(expression, exchange)) for pointer, expression in expectation.item]
        if any(value is UNKNOWN for _, value in wanted):
            return None
        items = list_items(target, answer)
        found = [item for item in items if all(same_value(value, _at(item, pointer)) for pointer, value in wanted)]
        described = ", ".join(f"{pointer} = {_show(value)}" for pointer, value in wanted)
        if expectation.absent:
            return f"still lists the item with {described}" if found else None
        if not found:
            return f"lists no item with {described}"
        subject = found[0]
    for pointer, expression in expectation.body:
        expected = evaluate(expression, exchange)
        if expected is UNKNOWN:
            continue
        seen = _at(subject, pointer)
        if seen is UNKNOWN or not same_value(expected, seen):
            return f"shows {pointer} = {_show(seen)}, not {_show(expected)}"
    for pointer in expectation.non_null:
        seen = _at(subject, pointer)
        if seen is UNKNOWN or seen is None:
            return f"shows {pointer} = {_show(seen)}, not a value"
    return None


def _status_matches(declared: str, status: int) -> bool:
    declared = declared.upper()
    if declared == "DEFAULT":
        return 200 <= status < 300
    if declared.endswith("XX"):
        return declared[0] == str(status)[0]
    return declared == str(status)


def _matches(compare: str, wanted: Any, seen: Any) -> bool:
    if compare == "since":
        first, second = as_instant(str(seen)), as_instant(str(wanted))
        return first is not None and second is not None and first >= second
    return same_value(wanted, seen)


def _is_list(sent: Sent) -> bool:
    return isinstance(sent.answer, list) or pagination_of(sent.operation.definition, sent.operation.pointer) is not None


def _page_default(sent: Sent, pagination: Any) -> int:
    """How many items the one-page answer could hold: more than it did when it was not cut short."""
    size = sent.query.get(pagination.page_size.name)
    return int(size) if isinstance(size, int) else 2**31


def _at(value: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(value, pointer)
    except PointerError:
        return UNKNOWN


def _show(value: Any) -> str:
    if value is UNKNOWN:
        return "(absent)"
    return json.dumps(value, default=str)


def _identify(item: Mapping[str, Any]) -> str:
    for name in ("id", "enrollment_id", "enrollmentId"):
        if name in item:
            return f"{name} {item[name]}"
    return json.dumps(item, default=str)[:80]


def _query_of(url: str) -> dict[str, Any]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
