"""What one vendor's contract run did, per operation: cases, 2xx responses the checks saw, failures, outcome.

Filled while the run goes (``Suite``) and from pytest's own reports (the outcome), so the summary can never say
"no failures" beside a failed test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckFailure:
    """One failed check, as a person reads it: what was checked, what was expected and seen, how to reproduce."""

    operation: str  # "GET /users/{userId}/enrollments"
    check: str  # "ST101 Response violates schema", or "request failed" for a network error
    details: str  # expected vs seen, already redacted
    status: int | None = None
    response_excerpt: str = ""
    curl: str = ""


@dataclass
class OperationStats:
    label: str
    cases: int = 0
    # 2xx responses that went through every check: what the run proved about the operation's success path.
    checked_2xx: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    # By (operation, check): the last report wins, which after Hypothesis shrinks is the minimal example.
    failures: dict[str, CheckFailure] = field(default_factory=dict)
    outcome: str = "not run"  # passed | failed | error | skipped | not run
    seconds: float = 0.0
    # One line for a failure that is not a failed check: a network error, the budget, a bug.
    detail: str = ""
    # Whether a run that never saw a 2xx here checked less than it should (not so for "wrong credentials").
    expects_2xx: bool = True


@dataclass
class VendorStats:
    vendor: str
    target: str = ""
    seed: int = 0
    budget: int | None = None
    operations: dict[str, OperationStats] = field(default_factory=dict)
    # The tests that are not one operation's: stateful workflows, the plain auth tests.
    workflows: OperationStats = field(default_factory=lambda: OperationStats("stateful workflows"))
    auth_valid: OperationStats = field(default_factory=lambda: OperationStats("auth: configured credentials get 2xx"))
    auth_wrong: OperationStats = field(
        default_factory=lambda: OperationStats("auth: wrong credentials get 401", expects_2xx=False)
    )
    # Only when the spec declares x-lmskit-rate-limit: a burst past it gets a 429 that says when to retry.
    rate_limit: OperationStats | None = None
    requests: int = 0
    # Why the run stopped early: the budget, the target going away.
    stopped: str = ""

    def operation(self, label: str) -> OperationStats:
        found = self.operations.get(label)
        if found is None:
            found = self.operations[label] = OperationStats(label)
        return found

    @property
    def statuses(self) -> Counter[int]:
        total: Counter[int] = Counter()
        for stats in (*self.operations.values(), self.workflows):
            total.update(stats.statuses)
        return total

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)

    @property
    def cases(self) -> int:
        return sum(stats.cases for stats in (*self.operations.values(), self.workflows))

    def all_failures(self) -> list[CheckFailure]:
        return [f for stats in (*self.operations.values(), self.workflows) for f in stats.failures.values()]

    def parts(self) -> tuple[OperationStats, ...]:
        """Every test of the run: operations, then workflows and the auth tests."""
        extra = (self.rate_limit,) if self.rate_limit is not None else ()
        return (*self.operations.values(), self.workflows, self.auth_valid, self.auth_wrong, *extra)

    def failed(self) -> list[OperationStats]:
        return [stats for stats in self.parts() if stats.outcome in ("failed", "error")]

    def not_checked(self) -> list[OperationStats]:
        """Operations whose success path went unchecked (no 2xx): skipped against a tenant, failed against a fake."""
        return [
            stats
            for stats in self.operations.values()
            if stats.outcome in ("skipped", "failed")
            and not stats.checked_2xx
            and stats.detail.startswith("not checked")
        ]

    def summary(self) -> str:
        """``absorb fake (in-process): 28/28 operations passed (each with 5 or more 2xx answers checked), 2411 cases,
        2415 requests, 0 5xx``; what went unchecked comes first."""
        ran = [stats for stats in self.operations.values() if stats.outcome != "not run"]
        passed = [stats for stats in ran if stats.outcome == "passed"]
        failed = self.failed()
        unchecked = self.not_checked()
        text = f"{self.target}: "
        if unchecked:
            names = ", ".join(stats.label for stats in unchecked[:3]) + (", …" if len(unchecked) > 3 else "")
            text += f"NOT CHECKED: {len(unchecked)} of {len(self.operations)} operations got no 2xx answer ({names}); "
        text += f"{len(passed)}/{len(self.operations)} operations passed"
        if passed:
            fewest = min(stats.checked_2xx for stats in passed)
            text += f" (each with {fewest} or more 2xx answers checked)"
        budget = f" of a budget of {self.budget}" if self.budget is not None else ""
        text += f", {self.cases} cases, {self.requests} requests{budget}, {self.server_errors} 5xx"
        failed = [stats for stats in failed if stats not in unchecked]
        if failed:
            text += f", {len(failed)} failed: " + "; ".join(stats.label for stats in failed)
        if len(ran) < len(self.operations):
            text += f"; {len(self.operations) - len(ran)} not run"
        if self.stopped:
            text += f"; stopped: {self.stopped.removeprefix(self.target + ': ')}"
        return text
