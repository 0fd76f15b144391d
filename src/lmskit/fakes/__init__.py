"""Verified fakes: stateful local implementations of each vendor API, driven by the vendor's spec.

Each vendor's fake lives in ``lmskit.fakes.<vendor>`` and exports ``FAKE``; the vendor list itself is
``lmskit.vendors.VENDORS``. Shared code is handed a VendorFake and never asks which vendor it is.
"""

from __future__ import annotations

import importlib

from lmskit.fakes.vendor import VendorFake
from lmskit.vendors import get_vendor


def get_fake(name: str) -> VendorFake:
    vendor = get_vendor(name)
    fake: VendorFake = importlib.import_module(f"lmskit.fakes.{vendor.name}").FAKE
    return fake
