"""``lmskit lint``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, announce_config, overlay_choices, spec_targets
from lmskit.errors import SeveralErrors, SpecError
from lmskit.project import overlays_by_vendor
from lmskit.spec.lint import LintFinding, lint_spec
from lmskit.spec.loader import Spec, display_path, load_spec
from lmskit.spec.operations import iter_operations
from lmskit.spec.overlay import apply_overlays
from lmskit.vendors import VENDORS, get_vendor


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def lint_command(
    specs: Annotated[
        list[str] | None, typer.Argument(help="Vendor names or spec files (default: every vendor).")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Check specs: OpenAPI structure, operation metadata, examples (formats included), refs, links, errata.

    With overlays, the spec is linted as they leave it; findings in an overlay's nodes name the overlay's line.

    Examples: lmskit lint;  lmskit lint absorb --overlay absorb=tenant.yaml
    """
    results: list[dict[str, object]] = []
    errors: list[SpecError] = []
    findings: list[LintFinding] = []
    loaded: list[tuple[str, Spec]] = []
    for name, path in spec_targets(specs):
        try:
            spec = load_spec(path or get_vendor(name).spec_path)
        except SpecError as exc:
            errors.append(exc)
            results.append({"spec": str(path or name), "error": str(exc)})
            continue
        info = spec.document.get("info")
        declared = info.get("x-lmskit-vendor") if isinstance(info, dict) else None
        loaded.append((declared if declared in VENDORS else name, spec))
    choices = overlay_choices(overlay, no_config)
    layers = overlays_by_vendor(choices, [key for key, _ in loaded])
    announce_config(choices)
    for key, spec in loaded:
        try:
            merged = apply_overlays(spec, layers.get(key, ()))
        except SpecError as exc:
            errors.append(exc)
            results.append({"spec": display_path(spec.path), "error": str(exc)})
            continue
        spec_findings = lint_spec(merged)
        findings.extend(spec_findings)
        operation_count = sum(1 for _ in iter_operations(merged.document))
        results.append(
            {
                "spec": display_path(spec.path),
                "overlays": [display_path(item.path) for item in layers.get(key, ())],
                "operations": operation_count,
                "findings": [
                    {
                        "rule": f.rule,
                        "path": f.path,
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
            layered = f" with {len(layers.get(key, ()))} overlay(s)" if layers.get(key) else ""
            print(f"{display_path(spec.path)}{layered}: {operation_count} operations, {verdict}", file=sys.stderr)
    if output_format is OutputFormat.json:
        print(json.dumps({"specs": results}, indent=2))
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise SeveralErrors(list(errors))
    if findings:
        raise typer.Exit(1)
