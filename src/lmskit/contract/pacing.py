"""Every request a contract run sends passes one gate: counted against the budget, and held back while the target
has asked the run (429 + Retry-After) to wait.

The gate sits under the transports, not in schemathesis's hooks: token fetches, auth probes, and the extra
requests checks send on the run's session all count. A budget is a promise to a vendor's rate limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from schemathesis.core.rate_limit import parse_retry_after

from lmskit.clients.transport import BudgetSpent, RequestBudget

__all__ = ["BudgetSpent", "PacedAdapter", "RequestGate", "retry_after"]

# The longest a run waits on one Retry-After, whatever the target asks.
MAX_RETRY_AFTER = 60.0
# A 429 without a usable Retry-After.
DEFAULT_RETRY_AFTER = 1.0


class RequestGate:
    """The gate of one contract run: counts each request against the run's budget (``RequestBudget``, the one
    counter ``lmskit.clients`` uses too), refuses the one past it (``BudgetSpent``), and waits out a target's
    Retry-After. ``lmskit.clients.transport.Pacer`` is the other mechanism: a client keeping a rate limit."""

    def __init__(
        self,
        label: str,
        budget: int | None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.budget = budget
        self._counter = RequestBudget(budget, label)
        self.sleep = sleep
        self.clock = clock
        self._resume_at = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RequestGate({self.label!r}, budget={self.budget}, sent={self.sent})"

    @property
    def sent(self) -> int:
        return self._counter.sent

    @property
    def exhausted(self) -> bool:
        return self.budget is not None and self.sent >= self.budget

    def before_send(self) -> None:
        """Called once per request, before it leaves: counts it, or raises BudgetSpent instead."""
        self._counter.spend()
        with self._lock:
            wait = self._resume_at - self.clock()
        if wait > 0:
            self.sleep(wait)

    def after_response(self, status: int, headers: Mapping[str, str]) -> None:
        if status != 429:
            return
        with self._lock:
            self._resume_at = self.clock() + retry_after(headers)


def retry_after(headers: Mapping[str, str]) -> float:
    """Seconds to wait after a 429: ``Retry-After`` in seconds or as an HTTP-date, capped at MAX_RETRY_AFTER."""
    raw = None
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value
            break
    seconds = parse_retry_after(str(raw)) if raw is not None else None
    return min(seconds, MAX_RETRY_AFTER) if seconds is not None else DEFAULT_RETRY_AFTER


class PacedAdapter(HTTPAdapter):
    """The ``requests`` adapter of a live run's session: every case, and every check's extra request, goes
    through ``RequestGate``."""

    def __init__(self, pacer: RequestGate) -> None:
        super().__init__()
        self.pacer = pacer

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        self.pacer.before_send()
        response = super().send(request, *args, **kwargs)
        self.pacer.after_response(response.status_code, response.headers)
        return response
