"""The readable report: results grouped by operation, then the drift report."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape

from lmskit.validation.drift import DriftItem
from lmskit.validation.results import RunReport, ValidationResult


def print_report(
    report: RunReport, console: Console, drift: list[DriftItem] | None = None, verbose: bool = False
) -> None:
    groups: dict[str, list[ValidationResult]] = defaultdict(list)
    for result in report.results:
        groups[f"{result.vendor or '?'} {result.operation or '(no documented operation)'}"].append(result)
    for name in sorted(groups):
        results = groups[name]
        bad = [r for r in results if not r.valid or r.warnings]
        if not any(r.vendor for r in results) and name.startswith("?"):
            name = "fixtures with recorded errata"
        mark = "[green]✓[/]" if all(r.valid for r in results) else "[red]✗[/]"
        console.print(f"{mark} [bold]{escape(name)}[/]: {sum(r.valid for r in results)}/{len(results)} valid")
        for result in bad if not verbose else results:
            for issue in result.errors:
                where = f" at {issue.pointer}" if issue.pointer else ""
                head = f"    [red]error[/] {escape(result.source)} [{result.status}]"
                console.print(f"{head}{escape(where)}: {escape(issue.message)}")
            for issue in result.warnings:
                console.print(
                    f"    [yellow]warning[/] {escape(result.source)} [{result.status}]: {escape(issue.message)}"
                )
        for result in results:
            for issue in result.expected:
                where = f" at {issue.pointer}" if issue.pointer else ""
                console.print(f"    [blue]expected[/] {escape(result.source)}{escape(where)}: {escape(issue.message)}")
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
        console.print(
            f"[bold]Not covered[/]: {len(report.not_covered)} call(s) to vendor hosts on paths no spec describes"
        )
        for vendor, route, calls in routes[:20]:
            console.print(f"  {escape(vendor)} {escape(route)} x{calls}")
        if len(routes) > 20:
            console.print(f"  … and {len(routes) - 20} more route(s)")
    skipped = f", {len(report.skipped)} skipped (other hosts)" if report.skipped else ""
    uncovered = f", {len(report.not_covered)} not covered" if report.not_covered else ""
    warnings = sum(len(r.warnings) for r in report.results)
    console.print(
        f"{len(report.results)} response(s) from {report.files} file(s): {report.valid} valid, {report.invalid} invalid"
        f"{skipped}{uncovered}, {warnings} warning(s)"
    )
