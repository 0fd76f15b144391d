"""At a terminal, a contract run shows where it is while it runs: finished operations scroll by, and a live
footer holds a line per vendor (operations done, cases, failures, the operation running and for how long).
In CI (no terminal) the same finished-operation lines are printed plainly, one per line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from lmskit.contract.stats import OperationStats, VendorStats


@dataclass
class Running:
    vendor: str
    stats: OperationStats
    started: float


class LiveView:
    def __init__(self, runs: Callable[[], Iterable[VendorStats]], scrub: Callable[[str], str]) -> None:
        self.runs = runs
        self.scrub = scrub
        self.console = Console(highlight=False)
        self.running: Running | None = None
        self._live = Live(self, console=self.console, refresh_per_second=4, transient=True)

    def start(self) -> None:
        self._live.start()

    def stop(self) -> None:
        self._live.stop()

    def began(self, vendor: str, stats: OperationStats) -> None:
        self.running = Running(vendor, stats, time.monotonic())

    def finished(self, line: str) -> None:
        self.running = None
        self.console.print(Text(self.scrub(line)))

    def __rich__(self) -> Table:
        table = Table.grid(padding=(0, 2))
        for run in self.runs():
            parts = run.parts()
            done = sum(1 for part in parts if part.outcome not in ("not run", "running"))
            failed = len(run.failed())
            status = f"{done}/{len(parts)} tests, {run.cases} cases" + (f", {failed} failed" if failed else "")
            current = ""
            if self.running is not None and self.running.vendor == run.vendor:
                elapsed = time.monotonic() - self.running.started
                current = f"running {self.running.stats.label} ({self.running.stats.cases} cases, {elapsed:.0f} s)"
            table.add_row(Text(run.vendor, style="bold"), Text(status), Text(self.scrub(current)))
        return table
