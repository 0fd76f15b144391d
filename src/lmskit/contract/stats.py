"""What a contract run did, per vendor: requests, cases, operations covered, failures by check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class VendorStats:
    vendor: str
    target: str = ""
    operations_total: int = 0
    operations_seen: set[str] = field(default_factory=set)
    cases: int = 0
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    methods: Counter[str] = field(default_factory=Counter)

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)

    def summary(self) -> str:
        """``absorb fake (in-process): 28/28 operations, 1204 cases, 3610 requests, 0 5xx, no failures``."""
        failures = ", ".join(f"{name} x{count}" for name, count in self.failures.most_common()) or "no failures"
        return (
            f"{self.target}: {len(self.operations_seen)}/{self.operations_total} operations, {self.cases} cases, "
            f"{self.requests} requests, {self.server_errors} 5xx, {failures}"
        )
