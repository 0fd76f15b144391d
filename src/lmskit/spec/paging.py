"""How a list operation pages, how fast a vendor may be called, and which writes are safe to repeat: the kit's
``x-lmskit-pagination``, ``x-lmskit-rate-limit`` and ``x-lmskit-retry-safe`` extensions, read in one place.

    x-lmskit-pagination:                 # on a list operation
      items: [/enrollments, /learners]   # where the page's items are (JSON pointers; the first present wins)
      page-size: {parameter: _limit, maximum: 1000}
      next-link: /meta/next              # the next page's URL, absolute or relative; absent or null when done
      # or, instead of next-link:
      offset: {parameter: _offset, counts: pages}   # pages | items; incremented until a short page
      total: /totalItems                 # optional: the number of items all pages hold

    x-lmskit-rate-limit: {requests: 5, seconds: 1, per: credential}   # at the document's root

    x-lmskit-retry-safe: true            # on a POST or PATCH whose repeat changes nothing more
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from lmskit.errors import PagingError as PagingError
from lmskit.errors import UnsafeLink as UnsafeLink
from lmskit.spec.pointers import join_pointer

IDEMPOTENT_METHODS = frozenset({"get", "head", "options", "put", "delete", "trace"})


@dataclass(frozen=True, slots=True)
class PageParameter:
    name: str  # the query parameter, as the spec spells it (``_limit``)
    maximum: int | None = None


@dataclass(frozen=True, slots=True)
class Pagination:
    """How one list operation pages."""

    items: tuple[str, ...]  # JSON pointers into the page body; "" is a body that is the list itself
    page_size: PageParameter | None
    next_link: str | None = None  # JSON pointer of the next page's URL
    offset: PageParameter | None = None
    offset_counts: str = "items"  # items | pages
    total: str | None = None  # JSON pointer of the total number of items

    @property
    def style(self) -> str:
        return "next-link" if self.next_link is not None else "offset"


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most ``requests`` calls every ``seconds`` seconds, per credential (the vendor's documented limit)."""

    requests: int
    seconds: float


@dataclass(frozen=True, slots=True)
class NextPage:
    """Where the next page is: an absolute URL to follow, or the offset parameter's next value."""

    url: str | None = None
    offset: int | None = None


def next_page(
    pagination: Pagination, current_url: str, *, count: int, size: int | None, offset: int, link: Any, total: Any
) -> NextPage | None:
    """The next page after one that held ``count`` items, or None when that one was the last.

    ``link`` and ``total`` are what the page said at the extension's ``next-link`` and ``total`` pointers. A link
    is followed only to the same origin (UnsafeLink otherwise); an offset moves a page or a page's items on, and
    stops at a short or empty page or at the declared total.
    """
    if pagination.next_link is not None:
        if not isinstance(link, str) or not link or count == 0:
            return None
        target = urljoin(current_url, link)
        here, there = urlsplit(current_url), urlsplit(target)
        if (there.scheme, there.netloc) != (here.scheme, here.netloc):
            raise UnsafeLink(f"links to another host ({there.hostname}); not followed, it would carry the credentials")
        if target == current_url:
            raise UnsafeLink("links to itself")
        return NextPage(url=target)
    if pagination.offset is None or count == 0 or (size is not None and count < size):
        return None
    moved = offset + (1 if pagination.offset_counts == "pages" else (size or count))
    covered = moved * (size or count) if pagination.offset_counts == "pages" else moved
    if isinstance(total, int) and not isinstance(total, bool) and covered >= total:
        return None
    return NextPage(offset=moved)


def read_pagination(raw: Any, pointer: str = "x-lmskit-pagination") -> Pagination:
    """An ``x-lmskit-pagination`` value; PagingError naming ``pointer`` when it is malformed."""
    if not isinstance(raw, Mapping):
        raise PagingError(f"{pointer}: is not a mapping; write {{items: [/items], page-size: …, next-link: …}}")
    unknown = set(raw) - {"items", "page-size", "next-link", "offset", "total"}
    if unknown:
        raise PagingError(f"{pointer}: unknown key(s) {', '.join(sorted(unknown))}")
    items = raw.get("items")
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
        raise PagingError(f"{join_pointer(pointer, 'items')}: list the JSON pointer(s) of the page's items")
    page_size = _parameter(raw.get("page-size"), join_pointer(pointer, "page-size"))
    next_link = raw.get("next-link")
    offset_raw = raw.get("offset")
    if (next_link is None) == (offset_raw is None):
        raise PagingError(
            f"{pointer}: give exactly one of next-link (a JSON pointer) and offset ({{parameter, counts}})"
        )
    if next_link is not None and not isinstance(next_link, str):
        raise PagingError(f"{join_pointer(pointer, 'next-link')}: is the JSON pointer of the next page's URL")
    offset = _parameter(offset_raw, join_pointer(pointer, "offset"))
    counts = offset_raw.get("counts", "items") if isinstance(offset_raw, Mapping) else "items"
    if counts not in ("items", "pages"):
        raise PagingError(f"{join_pointer(pointer, 'offset', 'counts')}: is items or pages, not {counts!r}")
    if offset is not None and page_size is None:
        raise PagingError(f"{pointer}: an offset needs page-size, to know how far one page moves")
    total = raw.get("total")
    if total is not None and not isinstance(total, str):
        raise PagingError(f"{join_pointer(pointer, 'total')}: is the JSON pointer of the total number of items")
    return Pagination(tuple(items), page_size, next_link, offset, counts, total)


def _parameter(raw: Any, pointer: str) -> PageParameter | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("parameter"), str):
        raise PagingError(f"{pointer}: write {{parameter: <query parameter name>, maximum: N}}")
    maximum = raw.get("maximum")
    if maximum is not None and (not isinstance(maximum, int) or isinstance(maximum, bool) or maximum < 1):
        raise PagingError(f"{join_pointer(pointer, 'maximum')}: is a whole number of 1 or more")
    return PageParameter(raw["parameter"], maximum)


def pagination_of(definition: Mapping[str, Any], pointer: str = "") -> Pagination | None:
    """The operation's pagination, or None for an operation that does not page."""
    raw = definition.get("x-lmskit-pagination")
    return None if raw is None else read_pagination(raw, join_pointer(pointer, "x-lmskit-pagination"))


def read_rate_limit(document: Mapping[str, Any]) -> RateLimit | None:
    raw = document.get("x-lmskit-rate-limit")
    if raw is None:
        return None
    requests, seconds = (raw.get("requests"), raw.get("seconds", 1)) if isinstance(raw, Mapping) else (None, None)
    if (
        not isinstance(requests, int)
        or isinstance(requests, bool)
        or requests < 1
        or not isinstance(seconds, (int, float))
        or isinstance(seconds, bool)
        or seconds <= 0
    ):
        raise PagingError("/x-lmskit-rate-limit: write {requests: N, seconds: S, per: credential}")
    return RateLimit(requests, float(seconds))


def retry_safe(method: str, definition: Mapping[str, Any]) -> bool:
    """Whether repeating the request changes nothing more: idempotent HTTP methods, and the writes the spec
    declares ``x-lmskit-retry-safe: true`` (Absorb's create without reEnroll returns the same enrollment)."""
    return method.lower() in IDEMPOTENT_METHODS or definition.get("x-lmskit-retry-safe") is True


def check_paging_extensions(document: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(JSON pointer, problem) for every malformed extension of this module, for ``lmskit lint``."""
    from lmskit.spec.operations import iter_operations

    try:
        read_rate_limit(document)
    except PagingError as exc:
        yield "/x-lmskit-rate-limit", str(exc).split(": ", 1)[-1]
    for operation in iter_operations(dict(document)):
        try:
            found = pagination_of(operation.definition, operation.pointer)
        except PagingError as exc:
            where, _, problem = str(exc).partition(": ")
            yield where, problem
            continue
        safe = operation.definition.get("x-lmskit-retry-safe")
        if safe is not None and not isinstance(safe, bool):
            yield join_pointer(operation.pointer, "x-lmskit-retry-safe"), "is true or false"
        if found is None:
            continue
        names = {
            parameter.get("name")
            for parameter in _parameters(document, operation.definition, operation.path_item)
            if parameter.get("in") == "query"
        }
        for part in (found.page_size, found.offset):
            if part is not None and part.name not in names:
                where = join_pointer(operation.pointer, "x-lmskit-pagination")
                yield where, f"names query parameter {part.name!r}, which {operation.label} does not declare"


def _parameters(document: Mapping[str, Any], *owners: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    from lmskit.spec.refs import RefError, resolve

    for owner in owners:
        for index, parameter in enumerate(owner.get("parameters") or []):
            try:
                found = resolve(dict(document), parameter, str(index)).value
            except RefError:
                continue
            if isinstance(found, Mapping):
                yield found
