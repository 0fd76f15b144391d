"""``lmskit validate``: captured vendor responses against the specs."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from lmskit.reporting.console import print_report
from lmskit.reporting.junit import junit_xml
from lmskit.validation.drift import DriftCollector
from lmskit.validation.run import Engine
from lmskit.validation.sources import BareTarget


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
    strict: Annotated[bool, typer.Option("--strict", help="Undocumented fields are errors, not warnings.")] = False,
    drift: Annotated[
        bool, typer.Option("--drift", help="Add the drift report: what the traffic says the spec gets wrong.")
    ] = False,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", help="text, json or junit.")
    ] = ValidateFormat.text,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List valid responses too.")] = False,
) -> None:
    """Check responses: documented status, content type, headers, and the body with strict formats."""
    engine = Engine(strict=strict, default_vendor=vendor)
    collector = DriftCollector(engine.specs) if drift else None
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
        print_report(report, Console(highlight=False, soft_wrap=True), items, verbose)
    if report.invalid:
        raise typer.Exit(1)
    if not report.results and not report.skipped:
        print("lmskit: no responses found in the inputs", file=sys.stderr)
        raise typer.Exit(2)
