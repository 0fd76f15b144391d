"""One contract run: its options, the vendors' Apis (spec + overlays, each read once) and their suites.

The pytest plugin (``lmskit.contract.pytest_hooks``) builds it from the command line before collection;
the contract files ask it for their vendor's suite.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lmskit.contract.options import RunOptions
from lmskit.contract.suite import Suite
from lmskit.errors import UsageError
from lmskit.project import OverlayChoice, load_apis
from lmskit.spec.api import Api
from lmskit.vendors import get_vendor


@dataclass(frozen=True, eq=False)  # pluggy keeps plugins in a set: hash by identity
class PreparedApis:
    """A pytest plugin object: Apis ``lmskit contract`` already built (and checked), so pytest does not read
    the specs and overlays again."""

    apis: Mapping[str, Api]


class ContractSession:
    def __init__(
        self,
        options: RunOptions,
        config_overlays: tuple[OverlayChoice, ...] = (),
        prepared: Mapping[str, Api] | None = None,
    ) -> None:
        self.options = options
        self.overlays = (*config_overlays, *options.overlays)
        self.prepared = dict(prepared or {})
        self.suites: dict[str, Suite] = {}

    def suite(self, vendor: str) -> Suite:
        get_vendor(vendor)
        if vendor not in self.suites:
            api = self.prepared.get(vendor) or load_apis([vendor], self.overlays)[vendor]
            self.suites[vendor] = Suite(api, self.options)
        return self.suites[vendor]


_ACTIVE: ContractSession | None = None


def activate(session: ContractSession) -> None:
    global _ACTIVE
    _ACTIVE = session


def active_session() -> ContractSession:
    if _ACTIVE is None:
        raise UsageError(
            "no contract session: run the suites with `lmskit contract` or `pytest contracts/` "
            "(its conftest loads the lmskit.contract.pytest_hooks plugin)"
        )
    return _ACTIVE
