"""How hard a contract run pushes: ``quick`` for every CI run, ``thorough`` for nightly or pre-release."""

from __future__ import annotations

import math
from dataclasses import dataclass

from lmskit.errors import UsageError


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    # Hypothesis examples per operation in the fuzzing phase (examples and coverage phases add their own).
    max_examples: int
    stateful_examples: int
    stateful_steps: int
    # Live tenants only: the most requests one vendor's run may send.
    live_request_budget: int
    # Spread this many generated cases over the operations (thorough), instead of max_examples each.
    target_cases: int | None = None
    # Explicit requests per operation that the target's own data says should succeed (lmskit.contract.success).
    success_cases: int = 10
    # Whether Hypothesis shrinks a failing case to a minimal one before reporting it.
    shrink: bool = False

    def examples_per_operation(self, operations: int) -> int:
        if self.target_cases is None or operations == 0:
            return self.max_examples
        return max(self.max_examples, math.ceil(self.target_cases / operations))


PROFILES = {
    "quick": Profile("quick", max_examples=5, stateful_examples=6, stateful_steps=5, live_request_budget=5_000),
    "thorough": Profile(
        "thorough",
        max_examples=100,
        stateful_examples=100,
        stateful_steps=10,
        live_request_budget=100_000,
        target_cases=10_000,
        success_cases=20,
        shrink=True,
    ),
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise UsageError(f"unknown profile {name!r}; choose {' or '.join(PROFILES)}") from None
