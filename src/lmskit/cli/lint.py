"""``lmskit lint``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from lmskit.cli._targets import spec_paths
from lmskit.errors import SpecError
from lmskit.spec.lint import LintFinding, lint_spec
from lmskit.spec.loader import load_spec
from lmskit.spec.operations import iter_operations


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def lint_command(
    specs: Annotated[
        list[str] | None, typer.Argument(help="Vendor names or spec files (default: every vendor).")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Check specs: OpenAPI structure, operation metadata, examples (formats included), refs, links, errata."""
    results: list[dict[str, object]] = []
    errors: list[SpecError] = []
    findings: list[LintFinding] = []
    for path in spec_paths(specs):
        try:
            spec = load_spec(path)
        except SpecError as exc:
            errors.append(exc)
            results.append({"spec": str(path), "error": str(exc)})
            continue
        spec_findings = lint_spec(spec)
        findings.extend(spec_findings)
        operation_count = sum(1 for _ in iter_operations(spec.document))
        results.append(
            {
                "spec": str(path),
                "operations": operation_count,
                "findings": [
                    {
                        "rule": f.rule,
                        "line": f.line,
                        "column": f.column,
                        "pointer": f.pointer,
                        "message": f.message,
                        "hint": f.hint,
                    }
                    for f in spec_findings
                ],
            }
        )
        if output_format is OutputFormat.text:
            for finding in spec_findings:
                print(finding)
            verdict = "ok" if not spec_findings else f"{len(spec_findings)} finding(s)"
            print(f"{path}: {operation_count} operations, {verdict}", file=sys.stderr)
    if output_format is OutputFormat.json:
        print(json.dumps({"specs": results}, indent=2))
    for error in errors:
        print(f"lmskit: {error}", file=sys.stderr)
    if errors:
        raise typer.Exit(2)
    if findings:
        raise typer.Exit(1)
