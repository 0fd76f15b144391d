"""pytest hooks for the contract suites: a per-vendor summary at the end of the run."""

from __future__ import annotations

from typing import Any

from lmskit.contract.stats import STATS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not STATS:
        return
    terminalreporter.section("lmskit contract summary")
    for stats in STATS.values():
        terminalreporter.write_line(stats.summary())
