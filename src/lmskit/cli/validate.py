"""``lmskit validate``: captured vendor responses against the specs."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for
from lmskit.errors import NothingValidated
from lmskit.reporting.console import TextReporter
from lmskit.reporting.json_stream import JsonReporter
from lmskit.reporting.junit import JunitReporter
from lmskit.validation.drift import DriftCollector
from lmskit.validation.results import RunReport
from lmskit.validation.run import Engine
from lmskit.validation.sources import BareTarget
from lmskit.vendors import VENDORS


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"


def validate_command(
    inputs: Annotated[
        list[str], typer.Argument(help="JSON files, exchange envelopes, HAR files, folders, or - for stdin.")
    ],
    vendor: Annotated[
        str | None,
        typer.Option(help="The vendor of bare bodies and of hosts no spec names (e.g. a fake on localhost)."),
    ] = None,
    operation: Annotated[
        str | None, typer.Option(help='For a bare body: an operationId or "METHOD /path/template".')
    ] = None,
    status: Annotated[int, typer.Option(help="For a bare body: its HTTP status.")] = 200,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Undocumented fields, and vendor calls on paths no spec describes, are errors."),
    ] = False,
    drift: Annotated[
        bool, typer.Option("--drift", help="Add the drift report: what the traffic says the spec gets wrong.")
    ] = False,
    drift_overlay: Annotated[
        Path | None,
        typer.Option(
            help="Write the drift report's corrections as an OpenAPI Overlay to this file (use it with --overlay)."
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", help="text, json or junit.")
    ] = ValidateFormat.text,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List valid responses too.")] = False,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check responses: documented status, content type, headers, and the body with strict formats.

    Examples: lmskit validate recordings/;  lmskit validate --drift --drift-overlay fix.yaml capture.har
    """
    engine = Engine(apis_for(list(VENDORS), overlay, no_config), strict=strict, default_vendor=vendor)
    collector = DriftCollector(engine.apis) if drift or drift_overlay else None
    reporter: TextReporter | JsonReporter | JunitReporter
    if output_format is ValidateFormat.json:
        reporter = JsonReporter(sys.stdout)
    elif output_format is ValidateFormat.junit:
        reporter = JunitReporter(sys.stdout)
    else:
        reporter = TextReporter(Console(highlight=False, soft_wrap=True), verbose)
    observers = [reporter, collector] if collector else [reporter]
    report = engine.run(inputs, BareTarget(vendor, operation, status), observers, stop_on_unusable=strict)
    items = collector.items() if collector else None
    reporter.finish(report, items if drift or output_format is ValidateFormat.json else None)
    sys.stdout.flush()
    if drift_overlay is not None and collector is not None:
        corrections, actions = collector.write_overlay(drift_overlay)
        if actions:
            print(
                f"lmskit: {corrections} correction(s) ({actions} overlay action(s)) written to {drift_overlay} "
                "(apply with --overlay)",
                file=sys.stderr,
            )
        else:
            print(
                f"lmskit: nothing to correct; {drift_overlay} was not written (an overlay needs at least one action)",
                file=sys.stderr,
            )
    if not report.responses and not report.unusable:
        _nothing_validated(report)
    if report.invalid or report.unusable:
        raise typer.Exit(1)


def _nothing_validated(report: RunReport) -> None:
    if not report.skipped and not report.not_covered:
        raise NothingValidated(f"no responses found in {report.files} input file(s)")
    hosts = ", ".join(host for host, _ in report.skipped_hosts.most_common(5) if host) or "none"
    parts = []
    if report.skipped:
        parts.append(f"{report.skipped} skipped (hosts no vendor spec names: {hosts})")
    if report.not_covered:
        parts.append(f"{report.not_covered_calls} on vendor paths no spec describes")
    raise NothingValidated(
        f"nothing was validated: {'; '.join(parts)}; pass --vendor VENDOR to claim a host "
        "(a fake on localhost, a proxy)"
    )
