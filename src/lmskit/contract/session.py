"""One contract run: its options, the vendors' Apis (spec + overlays, each read once) and their suites.

``lmskit contract`` builds it and hands it to pytest inside a ``PreparedSession``; ``pytest contracts/`` builds
it from the command line (``lmskit.contract.pytest_hooks``). The contract plugin holds it: no module keeps one.
"""

from __future__ import annotations

from collections.abc import Mapping

from lmskit.contract.options import RunOptions
from lmskit.contract.suite import Suite
from lmskit.project import OverlayChoice, load_apis
from lmskit.redaction.secrets import KnownSecrets
from lmskit.spec.api import Api
from lmskit.vendors import get_vendor


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
        # Every secret of every vendor in the run: any text that leaves the run is scrubbed of all of them.
        self.redactor = KnownSecrets()

    def __repr__(self) -> str:
        return f"ContractSession(vendors={sorted(self.suites)})"

    def exit_code(self, pytest_code: int) -> int:
        """0 passed; 1 a check failed (the vendor or the spec is wrong); 2 the run could not finish (budget
        spent, target gone, bad options) — CI can tell "the contract broke" from "the run broke"."""
        if pytest_code == 0:
            return 0
        if any(suite.stats.all_failures() for suite in self.suites.values()):
            return 1
        if any(suite.stats.stopped for suite in self.suites.values()):
            return 2
        return 1 if pytest_code == 1 else 2

    def close(self) -> None:
        """Stop what the run's targets started (a served fake); a second call does nothing."""
        for suite in self.suites.values():
            closing, suite.target.close = suite.target.close, None
            if closing is not None:
                closing()

    def suite(self, vendor: str) -> Suite:
        """The vendor's suite, made (and, against a live target, checked: reachable, credentials taken) once."""
        get_vendor(vendor)
        if vendor not in self.suites:
            api = self.prepared.get(vendor) or load_apis([vendor], self.overlays)[vendor]
            suite = Suite(api, self.options, self.redactor)
            suite.preflight()
            self.suites[vendor] = suite
        return self.suites[vendor]
