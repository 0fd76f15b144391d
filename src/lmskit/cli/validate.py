"""``lmskit validate``: captured vendor responses against the specs."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for
from lmskit.reporting.console import print_report
from lmskit.reporting.junit import junit_xml
from lmskit.validation.drift import DriftCollector
from lmskit.validation.results import NotCovered, Skipped
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
    """Check responses: documented status, content type, headers, and the body with strict formats."""
    engine = Engine(apis_for(list(VENDORS), overlay, no_config), strict=strict, default_vendor=vendor)
    collector = DriftCollector(engine.apis) if drift or drift_overlay else None
    report = engine.run(inputs, BareTarget(vendor, operation, status), [collector] if collector else [])
    items = collector.items() if collector else None
    if output_format is ValidateFormat.json:
        payload = report.to_json()
        if items is not None:
            payload["drift"] = [item.to_json() for item in items]
        print(json.dumps(payload, indent=2))
    elif output_format is ValidateFormat.junit:
        print(junit_xml(report))
    else:
        print_report(report, Console(highlight=False, soft_wrap=True), items if drift else None, verbose)
    if drift_overlay is not None and collector is not None:
        corrections, actions = collector.write_overlay(drift_overlay)
        print(
            f"lmskit: {corrections} correction(s) ({actions} overlay action(s)) written to {drift_overlay} "
            "(apply with --overlay)",
            file=sys.stderr,
        )
    if not report.results:
        _nothing_validated(report.skipped, report.not_covered, report.files)
    if report.invalid:
        raise typer.Exit(1)


def _nothing_validated(skipped: list[Skipped], not_covered: list[NotCovered], files: int) -> None:
    if not skipped and not not_covered:
        print(f"lmskit: no responses found in {files} input file(s)", file=sys.stderr)
    else:
        hosts = sorted({item.reason.split()[1] for item in skipped if item.reason.startswith("host ")})
        parts = []
        if skipped:
            parts.append(f"{len(skipped)} skipped (hosts no vendor spec names: {', '.join(hosts[:5]) or 'none'})")
        if not_covered:
            parts.append(f"{len(not_covered)} on vendor paths no spec describes")
        print(
            f"lmskit: nothing was validated: {'; '.join(parts)}; pass --vendor VENDOR to claim a host "
            "(a fake on localhost, a proxy)",
            file=sys.stderr,
        )
    raise typer.Exit(2)
