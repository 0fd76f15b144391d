"""The transport under a ready client: retries as httpx-retries does them, the vendor's rate limit kept on the
client side, and a clear error when it gives up.

Layers, outermost first (one object serves sync and async clients):

    SpecTransport     which operation a request is (for its retry safety and for error messages)
    RetryTransport    httpx-retries: 429 Retry-After (seconds or HTTP-date), 502/503/504 and connection errors,
                      capped exponential backoff with full jitter; idempotent methods, and the writes the spec
                      marks ``x-lmskit-retry-safe``; never any other POST
    PacedTransport    at most the spec's ``x-lmskit-rate-limit`` per credential (Bridge: 5 a second), every
                      attempt counted
    the real transport

httpx-retries (a maintained library) does the retrying; this module adds what it cannot know: the spec's
retry safety per operation, pacing, and giving up with an error that names the operation, the attempts made and
the last status or error, instead of handing back the fifth 503 as if it were an answer.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from httpx_retries import Retry, RetryTransport

from lmskit.clients.described import Described
from lmskit.errors import BudgetSpent as BudgetSpent
from lmskit.spec.paging import IDEMPOTENT_METHODS, RateLimit

RETRY_STATUSES = frozenset({429, 502, 503, 504})


def default_retry() -> Retry:
    """Five retries, backoff 0.5 s doubling with full jitter, no single wait (Retry-After included) over 60 s."""
    return Retry(total=5, backoff_factor=0.5, max_backoff_wait=60.0, backoff_jitter=1.0)


class RetriesExhausted(httpx.HTTPError):
    """The transport gave up on a request. Carries no header, body or URL query (they may hold secrets)."""

    def __init__(self, operation: str, attempts: int, last: str) -> None:
        super().__init__(f"{operation}: gave up after {attempts} attempt(s); last: {last}")
        self.operation = operation
        self.attempts = attempts
        self.last = last


class Pacer:
    """At most ``limit.requests`` sends in any ``limit.seconds`` window: each send reserves the earliest slot."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._slots: deque[float] = deque()
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Seconds to wait before sending, with the slot already taken."""
        with self._lock:
            now = self.clock()
            slot = now
            if len(self._slots) >= self.limit.requests:
                slot = max(now, self._slots[0] + self.limit.seconds)
                self._slots.popleft()
            self._slots.append(slot)
            return slot - now


_PACERS: dict[tuple[str, str], Pacer] = {}
_PACERS_LOCK = threading.Lock()


def shared_pacer(vendor: str, credential_key: str, limit: RateLimit) -> Pacer:
    """One pacer per (vendor, credential) in the process: two clients with one token share its limit."""
    with _PACERS_LOCK:
        pacer = _PACERS.get((vendor, credential_key))
        if pacer is None:
            pacer = _PACERS[(vendor, credential_key)] = Pacer(limit)
        return pacer


class RequestBudget:
    """Counts every request sent (retries and token fetches included) and refuses the one past ``limit``."""

    def __init__(self, limit: int | None, label: str = "") -> None:
        self.limit = limit
        self.label = label
        self.sent = 0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RequestBudget(limit={self.limit}, sent={self.sent})"

    def spend(self) -> None:
        with self._lock:
            if self.limit is not None and self.sent >= self.limit:
                where = f"{self.label}: " if self.label else ""
                raise BudgetSpent(f"{where}the request budget of {self.limit} is spent; raise --budget")
            self.sent += 1


@dataclass
class _Attempts:
    count: int = 0


class PacedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(
        self,
        sync: httpx.BaseTransport,
        asynchronous: httpx.AsyncBaseTransport,
        pacer: Pacer | None,
        budget: RequestBudget | None = None,
    ) -> None:
        self._sync = sync
        self._async = asynchronous
        self._pacer = pacer
        self._budget = budget

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._budget is not None:
            self._budget.spend()
        _count(request)
        if self._pacer is not None:
            wait = self._pacer.reserve()
            if wait > 0:
                time.sleep(wait)
        response = self._sync.handle_request(request)
        # The body is read here, inside the retries: a connection that drops mid-body (a reset, a cut answer)
        # is retried like one that drops before the status line, instead of failing in the caller's hands.
        try:
            response.read()
        except httpx.HTTPError:
            response.close()
            raise
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._budget is not None:
            self._budget.spend()
        _count(request)
        if self._pacer is not None:
            wait = self._pacer.reserve()
            if wait > 0:
                await asyncio.sleep(wait)
        response = await self._async.handle_async_request(request)
        try:
            await response.aread()
        except httpx.HTTPError:
            await response.aclose()
            raise
        return response

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


def _count(request: httpx.Request) -> None:
    attempts = request.extensions.get("lmskit_attempts")
    if isinstance(attempts, _Attempts):
        attempts.count += 1


class SpecTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Retries by the spec, paced by the spec, giving up with ``RetriesExhausted``."""

    def __init__(
        self,
        api: Described,
        base_path: str,
        *,
        retry: Retry | None = None,
        pacer: Pacer | None = None,
        sync: httpx.BaseTransport | None = None,
        asynchronous: httpx.AsyncBaseTransport | None = None,
        budget: RequestBudget | None = None,
    ) -> None:
        self._api = api
        self._base_path = base_path
        self.retry = retry or default_retry()
        self.budget = budget
        real_sync, real_async = sync or httpx.HTTPTransport(), asynchronous or httpx.AsyncHTTPTransport()
        paced = PacedTransport(real_sync, real_async, pacer, budget)
        # PacedTransport is both a sync and an async transport, so RetryTransport uses it for both modes.
        self._retrying = RetryTransport(transport=paced, retry=self.retry)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        name, attempts = self._prepare(request)
        try:
            response = self._retrying.handle_request(request)
        except httpx.TransportError as exc:
            raise RetriesExhausted(name, attempts.count, _describe(exc)) from None
        last = _gave_up(request, response)
        if last is not None:
            response.close()
            raise RetriesExhausted(name, attempts.count, last)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        name, attempts = self._prepare(request)
        try:
            response = await self._retrying.handle_async_request(request)
        except httpx.TransportError as exc:
            raise RetriesExhausted(name, attempts.count, _describe(exc)) from None
        last = _gave_up(request, response)
        if last is not None:
            await response.aclose()
            raise RetriesExhausted(name, attempts.count, last)
        return response

    def close(self) -> None:
        self._retrying.close()

    async def aclose(self) -> None:
        await self._retrying.aclose()

    def _prepare(self, request: httpx.Request) -> tuple[str, _Attempts]:
        operation = self._api.operation_at(request.method, request.url.path, self._base_path)
        name = f"{operation.label} ({operation.operation_id})" if operation is not None else request.method
        methods = set(IDEMPOTENT_METHODS)
        if operation is not None and self._api.retry_safe(operation):
            methods.add(request.method.lower())
        request.extensions["retry"] = self.retry.copy_with(allowed_methods=[m.upper() for m in methods])
        attempts = _Attempts()
        request.extensions["lmskit_attempts"] = attempts
        return name, attempts


def _gave_up(request: httpx.Request, response: httpx.Response) -> str | None:
    """The last status, when the retries ran out on a status worth retrying; None for an answer to hand back."""
    retry = response.extensions.get("retry")
    if response.status_code not in RETRY_STATUSES or not isinstance(retry, Retry):
        return None
    if not (retry.is_exhausted() and retry.is_retryable_method(request.method)):
        return None
    return f"{response.status_code} {response.reason_phrase}".strip()


def _describe(exc: httpx.TransportError) -> str:
    """``ConnectError ([Errno 111] Connection refused)``: the kind and the OS's reason, cut short."""
    reason = str(exc).strip()
    return f"{type(exc).__name__} ({reason[:120]})" if reason else type(exc).__name__
