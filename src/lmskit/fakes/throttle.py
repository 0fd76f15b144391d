"""Optional per-credential rate limiting for a fake (``lmskit serve bridge --rate-limit 5``)."""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import deque
from collections.abc import Callable

from lmskit.fakes.errors import ApiError


class RateLimiter:
    """At most ``per_second`` requests in any one-second window per credential; more → 429 + Retry-After."""

    def __init__(
        self, per_second: int, remaining_header: str | None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_second = per_second
        self.remaining_header = remaining_header
        self.clock = clock
        self._windows: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, credential: str) -> dict[str, str]:
        """Headers for an admitted request; raises ApiError(429) when the window is full."""
        key = hashlib.sha256(credential.encode()).hexdigest()  # never keep the credential itself
        now = self.clock()
        with self._lock:
            window = self._windows.setdefault(key, deque())
            while window and now - window[0] >= 1.0:
                window.popleft()
            if len(window) >= self.per_second:
                retry = max(1, math.ceil(1.0 - (now - window[0])))
                headers = {"Retry-After": str(retry)}
                if self.remaining_header:
                    headers[self.remaining_header] = "0"
                raise ApiError(
                    429,
                    f"Rate limit of {self.per_second} requests per second exceeded.",
                    code="rate_limited",
                    headers=headers,
                )
            window.append(now)
            remaining = self.per_second - len(window)
        return {self.remaining_header: str(remaining)} if self.remaining_header else {}
