"""The readable report: results grouped by operation, the drift report, what was not covered.

It keeps at most ``keep`` results per operation to show in detail (the failing ones, or all with
``--verbose``) and counts the rest, so a capture with 250,000 violations prints a summary, not 75 MB.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from lmskit.validation.drift import DriftItem
from lmskit.validation.results import ISSUES_SHOWN, RunReport, ValidationResult


class TextReporter:
    def __init__(self, console: Console, verbose: bool = False, keep: int = 20) -> None:
        self.console = console
        self.verbose = verbose
        self.keep = keep
        self.shown: dict[str, list[ValidationResult]] = {}
        self.hidden: dict[str, int] = {}

    def __call__(self, result: ValidationResult) -> None:
        if not (self.verbose or result.errors or result.warnings or result.expected):
            return
        group = self.shown.setdefault(result.group, [])
        if len(group) < self.keep:
            group.append(result.without_body())
        else:
            self.hidden[result.group] = self.hidden.get(result.group, 0) + 1

    def finish(self, report: RunReport, drift: list[DriftItem] | None = None) -> None:
        console = self.console
        for name in sorted(report.operations):
            valid, invalid = report.operations[name]
            mark = "[green]✓[/]" if not invalid else "[red]✗[/]"
            console.print(f"{mark} [bold]{escape(name)}[/]: {valid:,}/{valid + invalid:,} valid")
            for result in self.shown.get(name, []):
                self._detail(result)
            if self.hidden.get(name):
                console.print(f"    … and {self.hidden[name]:,} more response(s) with findings (use --format json)")
        if drift:
            console.print()
            console.print(
                "[bold]Drift report[/] (Overlay actions that would correct the spec; --drift-overlay writes them)"
            )
            for item in drift:
                subject = f"{escape(item.vendor)} {escape(item.operation)} {escape(item.path)}".rstrip()
                backing = f" in {item.responses} response(s) from {item.files} file(s)" if item.responses else ""
                console.print(f"  [cyan]{item.kind}[/] {subject}{backing}: {escape(item.detail)}")
                console.print(f"    at {escape(item.location)} ({escape(item.pointer)})")
                for line in item.patch.splitlines():
                    console.print(f"      {escape(line)}", highlight=False)
        routes = report.not_covered_routes()
        if routes:
            console.print()
            calls = report.not_covered_calls
            console.print(f"[bold]Not covered[/]: {calls:,} call(s) to vendor hosts on paths no spec describes")
            for vendor, route, count in routes[:20]:
                console.print(f"  {escape(vendor)} {escape(route)} x{count}")
            if len(routes) > 20:
                console.print(f"  … and {len(routes) - 20} more route(s)")
        if report.unusable:
            console.print()
            console.print(f"[bold]Unusable[/]: {len(report.unusable):,} file(s) in the folders are no capture")
            for _, why in report.unusable[:20]:
                console.print(f"  {escape(why)}")
        skipped = f", {report.skipped:,} skipped (other hosts)" if report.skipped else ""
        uncovered = f", {report.not_covered_calls:,} not covered" if report.not_covered else ""
        console.print(
            f"{report.responses:,} response(s) from {report.files:,} file(s): {report.valid:,} valid, "
            f"{report.invalid:,} invalid{skipped}{uncovered}, {report.warnings:,} warning(s)"
        )

    def _detail(self, result: ValidationResult) -> None:
        console = self.console
        source = escape(result.source)
        for issue in result.errors[:ISSUES_SHOWN]:
            where = f" at {issue.pointer}" if issue.pointer else ""
            console.print(f"    [red]error[/] {source} [{result.status}]{escape(where)}: {escape(issue.message)}")
        for issue in result.warnings[:ISSUES_SHOWN]:
            console.print(f"    [yellow]warning[/] {source} [{result.status}]: {escape(issue.message)}")
        for issue in result.expected[:ISSUES_SHOWN]:
            where = f" at {issue.pointer}" if issue.pointer else ""
            console.print(f"    [blue]expected[/] {source}{escape(where)}: {escape(issue.message)}")
        more = len(result.issues) - min(len(result.errors), ISSUES_SHOWN) - min(len(result.warnings), ISSUES_SHOWN)
        more -= min(len(result.expected), ISSUES_SHOWN)
        if more > 0:
            console.print(f"    … and {more:,} more finding(s) in {source}")
        if self.verbose and result.valid and not result.issues:
            console.print(f"    [green]valid[/] {source} [{result.status}]")
