"""What a contract run was asked to do: one object, built from pytest options (``lmskit contract`` passes
the same options to pytest), never from environment variables the kit writes for itself."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from lmskit.project import OverlayChoice

FAKE = "fake"


@dataclass(frozen=True, slots=True)
class RunOptions:
    target: str | None = None  # "fake", a tenant's base URL, or None: LMSKIT_<VENDOR>_BASE_URL, else the fake
    profile: str = "quick"
    allow_writes: bool = False
    budget: int | None = None
    overlays: tuple[OverlayChoice, ...] = field(default=())

    def target_for(self, vendor: str, environ: Mapping[str, str] = os.environ) -> str:
        """A --target wins over the vendor's own LMSKIT_<VENDOR>_BASE_URL."""
        return self.target or environ.get(f"LMSKIT_{vendor.upper()}_BASE_URL") or FAKE
