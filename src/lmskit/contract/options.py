"""What a contract run was asked to do: one object, built from pytest options (``lmskit contract`` passes
the same options to pytest), never from environment variables the kit writes for itself."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from lmskit.errors import UsageError
from lmskit.project import OverlayChoice

FAKE = "fake"
# The bundled fake, served on a loopback port for the run: every request crosses real HTTP.
SERVED = "served"
BUNDLED = (FAKE, SERVED)
# A run is reproducible by default: the same seed, derandomized. --seed picks another.
DEFAULT_SEED = 20261123


@dataclass(frozen=True, slots=True)
class RunOptions:
    target: str | None = None  # "fake", a tenant's base URL, or None: LMSKIT_<VENDOR>_BASE_URL, else the fake
    profile: str = "quick"
    allow_writes: bool = False
    budget: int | None = None
    overlays: tuple[OverlayChoice, ...] = field(default=())
    # Hypothesis examples per operation; None: the profile's.
    max_examples: int | None = None
    # operationIds, paths or "METHOD /path"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    seed: int = DEFAULT_SEED
    # Pinned parameter values (``--param userId=…``), as schemathesis's ``parameters`` setting takes them.
    params: tuple[tuple[str, str], ...] = ()

    def target_for(self, vendor: str, environ: Mapping[str, str] = os.environ) -> str:
        """A --target wins over the vendor's own LMSKIT_<VENDOR>_BASE_URL."""
        return self.target or environ.get(f"LMSKIT_{vendor.upper()}_BASE_URL") or FAKE


def parse_params(values: list[str] | tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``["userId=42", "query.limit=5"]`` → pairs; a value without ``=`` is a usage error that shows the form."""
    pairs = []
    for value in values:
        name, sep, pinned = value.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {value!r}: write NAME=VALUE, e.g. --param userId=42 or --param path.id=7")
        pairs.append((name.strip(), pinned))
    return tuple(pairs)


def check_counts(budget: int | None, max_examples: int | None) -> None:
    if budget is not None and budget < 1:
        raise UsageError(f"--budget {budget}: a budget is a number of requests, at least 1")
    if max_examples is not None and max_examples < 1:
        raise UsageError(f"--max-examples {max_examples}: at least 1")
