"""Walking a tenant's read-only operations and keeping what it answers, redacted.

List operations first (those whose path parameters are known: none, or pinned with ``--param``), a few pages of
each as the spec's ``x-lmskit-pagination`` says; then every GET whose path parameters the answers so far have
revealed — through the spec's links (``GET /myenrollments`` gives ``courseId``) or a field of the first item
named like the parameter (``userId``) — in rounds, until nothing new can be called or the budget is spent. Only
GETs are ever sent. Every request counts against the budget, token fetches and retries included; a 429 is
waited out (``Retry-After``) by the client's transport.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from lmskit.clients.transport import BudgetSpent, RetriesExhausted
from lmskit.contract.harvest import id_candidates, usable_id
from lmskit.redaction.redactor import Redactor
from lmskit.spec.api import Api
from lmskit.spec.links import Link, read_links
from lmskit.spec.operations import Operation
from lmskit.spec.paging import Pagination, UnsafeLink, next_page, pagination_of
from lmskit.spec.pointers import PointerError, resolve_pointer

MAX_ROUNDS = 6
# Items asked for per page: enough to see every shape a list holds, not a tenant's whole roster per request.
RECORD_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class Recorded:
    operation_id: str
    envelope: dict[str, Any]  # redacted, with the ``lmskit`` metadata


@dataclass
class RecordSummary:
    exchanges: dict[str, list[int]] = field(default_factory=dict)  # operationId → statuses
    unreached: dict[str, str] = field(default_factory=dict)  # operationId → why it was not called
    stopped: str | None = None  # why the walk ended early (budget, an unreachable target)


def record(
    api: Api,
    http: httpx.Client,
    redactor: Redactor,
    *,
    metadata: Mapping[str, Any],
    pages: int = 2,
    pinned: Mapping[str, Any] | None = None,
    keep: Callable[[Recorded], None],
) -> RecordSummary:
    """Walk ``api``'s GET operations through ``http`` (authenticated, retrying, budgeted); ``keep`` each exchange."""
    summary = RecordSummary()
    known: dict[str, list[Any]] = {name: [value] for name, value in (pinned or {}).items()}
    operations = [operation for operation in api.operations.values() if operation.method == "get"]
    links = read_links(api.document)
    called: set[str] = set()
    try:
        for _ in range(MAX_ROUNDS):
            progress = False
            for operation in operations:
                operation_id = operation.operation_id or operation.label
                names = [p.name for p in api.request_shape(operation).parameters if p.location == "path"]
                if operation_id in called or any(not known.get(name) for name in names):
                    continue
                called.add(operation_id)
                progress = True
                path_values = {name: known[name][0] for name in names}
                for status, body in _call(api, http, redactor, operation, path_values, pages, metadata, keep):
                    summary.exchanges.setdefault(operation_id, []).append(status)
                    if 200 <= status < 300:
                        _harvest(operation, links, path_values, body, known, operations, api)
            if not progress:
                break
    except BudgetSpent as exc:
        summary.stopped = str(exc)
    except RetriesExhausted as exc:
        summary.stopped = str(redactor.known.scrub(str(exc)))
    for operation in operations:
        operation_id = operation.operation_id or operation.label
        if operation_id not in summary.exchanges:
            names = [p.name for p in api.request_shape(operation).parameters if p.location == "path"]
            missing = [name for name in names if not known.get(name)]
            why = f"no value for {', '.join(missing)} (pass --param NAME=VALUE)" if missing else "not reached"
            summary.unreached[operation_id] = "the walk stopped first" if summary.stopped else why
    return summary


def _call(
    api: Api,
    http: httpx.Client,
    redactor: Redactor,
    operation: Operation,
    path_values: dict[str, Any],
    pages: int,
    metadata: Mapping[str, Any],
    keep: Callable[[Recorded], None],
) -> list[tuple[int, Any]]:
    """One operation, following its pages up to ``pages``: [(status, body)]."""
    path = operation.path
    for name, value in path_values.items():
        path = path.replace("{" + name + "}", str(value))
    headers = api.request_shape(operation).default_headers()
    pagination = pagination_of(operation.definition, operation.pointer)
    params: dict[str, Any] = {}
    if pagination is not None and pagination.page_size is not None and pagination.page_size.maximum:
        params[pagination.page_size.name] = min(pagination.page_size.maximum, RECORD_PAGE_SIZE)
    answers: list[tuple[int, Any]] = []
    url: str | None = path.lstrip("/")
    for _ in range(max(1, pages) if pagination is not None else 1):
        if url is None:
            break
        response = http.get(url, params=params or None, headers=headers)
        body: Any = None
        if response.content:
            try:
                body = response.json()
            except ValueError:
                body = response.text
        envelope = _envelope(redactor, response, body, metadata, operation)
        keep(Recorded(operation.operation_id or operation.label, envelope))
        answers.append((response.status_code, body))
        if pagination is None or not 200 <= response.status_code < 300:
            break
        url, params = _next_page(pagination, body, response, params)
    return answers


def _next_page(
    pagination: Pagination, body: Any, response: httpx.Response, params: dict[str, Any]
) -> tuple[str | None, dict[str, Any]]:
    """(URL, query) of the next page as the spec's pagination says, or (None, {}) after the last one."""
    size_name = pagination.page_size.name if pagination.page_size is not None else None
    offset_name = pagination.offset.name if pagination.offset is not None else None
    items = next((found for pointer in pagination.items if isinstance(found := _at(body, pointer), list)), [])
    try:
        found = next_page(
            pagination,
            str(response.request.url),
            count=len(items),
            size=params.get(size_name) if size_name else None,
            offset=int(params.get(offset_name, 0)) if offset_name else 0,
            link=_at(body, pagination.next_link) if pagination.next_link else None,
            total=_at(body, pagination.total) if pagination.total else None,
        )
    except UnsafeLink:
        return None, {}  # never follow a link elsewhere with the tenant's credentials
    if found is None:
        return None, {}
    if found.url is not None:
        return found.url, {}
    assert offset_name is not None
    return str(response.request.url.copy_with(query=None)), {**params, offset_name: found.offset}


def _envelope(
    redactor: Redactor, response: httpx.Response, body: Any, metadata: Mapping[str, Any], operation: Operation
) -> dict[str, Any]:
    request = response.request
    # Every header goes to the redactor: it keeps the allowlisted ones and learns the others' values (the
    # token this walk fetched, the configured key) as secrets to mask wherever the answer echoes them.
    kept_request_headers = dict(request.headers.items())
    kept_response_headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in ("date", "server", "connection", "keep-alive", "content-length")
    }
    envelope: dict[str, Any] = {
        "lmskit": {
            **metadata,
            "operationId": operation.operation_id,
            "recorded_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        },
        "request": {"method": request.method, "url": str(request.url), "headers": kept_request_headers},
        "response": {"status": response.status_code, "headers": kept_response_headers},
    }
    if response.content:
        envelope["response"]["body"] = body
    redacted, _ = redactor.envelope(envelope)
    return redacted


def _harvest(
    operation: Operation,
    links: tuple[Link, ...],
    path_values: dict[str, Any],
    body: Any,
    known: dict[str, list[Any]],
    operations: list[Operation],
    api: Api,
) -> None:
    wanted = {
        parameter.name
        for other in operations
        for parameter in api.request_shape(other).parameters
        if parameter.location == "path"
    }
    for name, value in id_candidates(links, operation, path_values, body, wanted):
        if name in wanted and usable_id(value) and value not in known.setdefault(name, []):
            known[name].append(value)


def _at(body: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(body, pointer)
    except PointerError:
        return None
