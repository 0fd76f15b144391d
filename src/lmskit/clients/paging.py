"""Every item of a list operation, across pages, as the spec's ``x-lmskit-pagination`` says to page it.

    from absorb_client.api.enrollments import list_course_enrollments
    from lmskit.clients import client_from_env, paginate

    absorb = client_from_env("absorb")
    for enrollment in paginate(list_course_enrollments, client=absorb, course_id=course):
        ...

One mechanism for every vendor: a page size parameter at its documented maximum (fewest requests), then the
next page from a link in the body (DigitalChalk's ``next``, Bridge's ``meta.next`` with its opaque cursor) or
an offset moved by a page or by its items (Absorb's page-index ``_offset``), until the link is gone, a page
comes back short, or the declared total is reached. Pages are fetched lazily, one at a time: memory stays flat
however many items there are. Items are the generated models, parsed by the generated code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx

from lmskit.clients.described import ClientSetupError, described, package_of
from lmskit.errors import PageError as PageError
from lmskit.errors import PageShifted as PageShifted
from lmskit.spec.operations import Operation
from lmskit.spec.paging import Pagination, UnsafeLink, next_page


def paginate(
    operation: ModuleType,
    /,
    *,
    client: Any,
    page_size: int | None = None,
    max_items: int | None = None,
    **arguments: Any,
) -> Iterator[Any]:
    """Every item of ``operation`` (a generated module such as ``list_course_enrollments``), page after page.

    ``arguments`` are the operation's own (``course_id=…``, ``field_filter_=…``); ``page_size`` defaults to the
    documented maximum and may not exceed it; ``max_items`` stops early.
    """
    walk = _Walk.start(operation, client, page_size, max_items, arguments)
    http = client.get_httpx_client()
    request: dict[str, Any] | None = walk.first
    while request is not None:
        response = http.request(**request)
        page = walk.read(response)
        yield from walk.take(page)
        request = walk.following(page, response)
        del page, response  # one page in memory at a time, not two while the next one loads


async def apaginate(
    operation: ModuleType,
    /,
    *,
    client: Any,
    page_size: int | None = None,
    max_items: int | None = None,
    **arguments: Any,
) -> AsyncIterator[Any]:
    """``paginate`` for asyncio: ``async for enrollment in apaginate(list_course_enrollments, client=…)``."""
    walk = _Walk.start(operation, client, page_size, max_items, arguments)
    http = client.get_async_httpx_client()
    request: dict[str, Any] | None = walk.first
    while request is not None:
        response = await http.request(**request)
        await response.aread()
        page = walk.read(response)
        for item in walk.take(page):
            yield item
        request = walk.following(page, response)
        del page, response


@dataclass
class _Walk:
    """Where a walk through the pages stands; the sync and async loops share it."""

    module: ModuleType
    client: Any
    operation: Operation
    pagination: Pagination
    attributes: dict[str, list[list[str]]]
    first: dict[str, Any] | None  # None: nothing to read (max_items=0)
    size: int | None
    max_items: int | None
    yielded: int = 0
    page_number: int = 0
    offset: int = 0
    # What the pages said so far, to see the list change under the walk: the first page's declared total, and the
    # ids of the page before (one page of ids: memory stays flat).
    total: Any = None
    previous_ids: frozenset[Any] = frozenset()

    @classmethod
    def start(
        cls, module: ModuleType, client: Any, page_size: int | None, max_items: int | None, arguments: dict[str, Any]
    ) -> _Walk:
        api = described(package_of(module))
        operation = api.operation_of_module(module.__name__.rsplit(".", 1)[-1])
        pagination = api.pagination(operation)
        if pagination is None:
            raise ClientSetupError(
                f"{operation.label} ({operation.operation_id}) does not page; call {module.__name__}.sync_detailed"
            )
        if max_items is not None and max_items < 0:
            raise ClientSetupError(f"max_items is 0 or more, not {max_items}")
        request: dict[str, Any] = module._get_kwargs(**arguments)
        params = dict(request.get("params") or {})
        size = _page_size(pagination, page_size, operation)
        if size is not None and pagination.page_size is not None:
            params[pagination.page_size.name] = size
        offset = 0
        if pagination.offset is not None:
            found = params.get(pagination.offset.name, 0)
            offset = int(found) if isinstance(found, int) else 0
            params[pagination.offset.name] = offset
        request["params"] = params
        attributes = api.page_attributes.get(operation.operation_id or "", {})
        first = None if max_items == 0 else request
        return cls(module, client, operation, pagination, attributes, first, size, max_items, offset=offset)

    def read(self, response: httpx.Response) -> Any:
        """The page's model; PageError for anything but a 200."""
        self.page_number += 1
        if response.status_code != 200:
            raise PageError(
                f"{self.operation.label}: page {self.page_number} answered {response.status_code}"
                f" after {self.yielded} item(s); nothing more was read"
            )
        page = self.module._build_response(client=self.client, response=response).parsed
        self._check_steady(page)
        return page

    def _check_steady(self, page: Any) -> None:
        """PageShifted when the list moved under the walk: offset paging then loses or repeats items, and a list
        that silently did is worse than an error (a sync would enroll twice or miss a learner)."""
        total = _first(page, self.attributes.get("total", []))
        ids = frozenset(found for item in self._items(page) if (found := getattr(item, "id", None)) is not None)
        where = f"{self.operation.label}: page {self.page_number}"
        if self.page_number > 1 and total is not None and self.total is not None and total != self.total:
            raise PageShifted(
                f"{where} says {total} item(s) where page 1 said {self.total}: the list changed while it was read"
                f" ({self.yielded} item(s) read); start the walk again"
            )
        repeated = ids & self.previous_ids
        if repeated:
            raise PageShifted(
                f"{where} repeats {len(repeated)} item(s) of page {self.page_number - 1}: the list changed while"
                f" it was read ({self.yielded} item(s) read); start the walk again"
            )
        if self.page_number == 1:
            self.total = total
        self.previous_ids = ids

    def take(self, page: Any) -> Iterator[Any]:
        for item in self._items(page):
            if self.max_items is not None and self.yielded >= self.max_items:
                return
            self.yielded += 1
            yield item

    def following(self, page: Any, response: httpx.Response) -> dict[str, Any] | None:
        """The request for the next page, or None when this one was the last."""
        if self.max_items is not None and self.yielded >= self.max_items:
            return None
        assert self.first is not None
        try:
            found = next_page(
                self.pagination,
                str(response.request.url),
                count=len(self._items(page)),
                size=self.size,
                offset=self.offset,
                link=_first(page, self.attributes.get("next-link", [])),
                total=_first(page, self.attributes.get("total", [])),
            )
        except UnsafeLink as exc:
            raise PageError(f"{self.operation.label}: page {self.page_number} {exc}") from None
        if found is None:
            return None
        if found.url is not None:
            return {"method": "get", "url": found.url, "headers": self.first.get("headers") or {}}
        assert self.pagination.offset is not None and found.offset is not None
        self.offset = found.offset
        return {**self.first, "params": {**self.first["params"], self.pagination.offset.name: self.offset}}

    def _items(self, page: Any) -> list[Any]:
        for path in self.attributes.get("items", []):
            found = _at(page, path)
            if isinstance(found, list):
                return found
        return []


def _page_size(pagination: Pagination, wanted: int | None, operation: Operation) -> int | None:
    parameter = pagination.page_size
    if parameter is None:
        if wanted is not None:
            raise ClientSetupError(f"{operation.label} has no page size to set")
        return None
    if wanted is None:
        return parameter.maximum
    if wanted < 1:
        raise ClientSetupError(f"page_size is 1 or more, not {wanted}")
    if parameter.maximum is not None and wanted > parameter.maximum:
        raise ClientSetupError(
            f"page_size {wanted} is above {parameter.name}'s documented maximum of {parameter.maximum} for "
            f"{operation.label} (the vendor refuses it); pass at most {parameter.maximum}"
        )
    return wanted


def _first(page: Any, paths: list[list[str]]) -> Any:
    for path in paths:
        found = _at(page, path)
        if found is not None:
            return found
    return None


def _at(node: Any, path: list[str]) -> Any:
    for name in path:
        node = getattr(node, name, None)
        if node is None or type(node).__name__ == "Unset":
            return None
    return node
