"""What a fake received: method, path, status, duration and time of each vendor request, never headers or
bodies (they hold secrets).

A ring of the most recent ``capacity`` entries plus a total count, so a fake that serves millions of requests
keeps a bounded log while a contract run's budget check still compares exact totals. Entries carry a sequence
number, so a client pages through them with ``after``.
"""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime
from typing import Any

DEFAULT_CAPACITY = 10_000


# (seq, method, path, status, duration in ms, at, the weather fault met or None): a plain tuple per request, made
# into JSON only when someone pages through the log, since almost every entry is dropped from the ring unread.
_Entry = tuple[int, str, str, int, float, datetime, str | None]


def _entry_json(entry: _Entry) -> dict[str, Any]:
    seq, method, path, status, duration_ms, at, fault = entry
    found = {
        "seq": seq,
        "method": method,
        "path": path,
        "status": status,
        "duration_ms": round(duration_ms, 3),
        "at": at.isoformat(),
    }
    if fault is not None:
        found["fault"] = fault
    return found


class RequestLog:
    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self.capacity = capacity
        self._entries: deque[_Entry] = deque(maxlen=capacity)
        self._total = 0
        self._lock = threading.Lock()

    def add(
        self, method: str, path: str, status: int, duration_ms: float, at: datetime, fault: str | None = None
    ) -> None:
        with self._lock:
            self._total += 1
            self._entries.append((self._total, method, path, status, duration_ms, at, fault))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._total = 0

    @property
    def total(self) -> int:
        """Every request since the start (or the last clear), including those the ring no longer holds."""
        return self._total

    def page(self, after: int = 0, limit: int = 1000) -> dict[str, Any]:
        """``{total, dropped, requests: [...], next}``: up to ``limit`` entries with ``seq > after``, oldest first."""
        with self._lock:
            entries = list(self._entries)
            total = self._total
        retained_from = entries[0][0] if entries else total + 1
        chosen = [_entry_json(entry) for entry in entries if entry[0] > after][:limit]
        last = chosen[-1]["seq"] if chosen else after
        return {
            "total": total,
            "dropped": retained_from - 1,  # requests older than the ring holds
            "requests": chosen,
            "next": last if last < total else None,
        }
