"""Verified fakes: stateful local implementations of each vendor API, driven by the vendor's spec.

Vendors are listed once here; shared code is handed a VendorFake and never asks which vendor it is.
"""

from __future__ import annotations

from lmskit.errors import UsageError
from lmskit.fakes import absorb, bridge, digitalchalk
from lmskit.fakes.vendor import VendorFake

FAKES: dict[str, VendorFake] = {fake.name: fake for fake in (digitalchalk.FAKE, bridge.FAKE, absorb.FAKE)}


def get_fake(name: str) -> VendorFake:
    try:
        return FAKES[name]
    except KeyError:
        raise UsageError(f"no fake for {name!r}; choose one of {', '.join(FAKES)}") from None
