"""``lmskit diff OLD NEW``: what a spec change breaks for the code that consumes it."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, overlay_choices
from lmskit.diff.compare import diff_documents
from lmskit.diff.report import as_json, as_markdown, as_text, summary
from lmskit.diff.sources import read_side, with_overlays
from lmskit.errors import UsageError
from lmskit.project import overlays_by_vendor


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def diff_command(
    old: Annotated[str, typer.Argument(help="The spec before: a file, or REV:path (e.g. HEAD~1:specs/absorb.yaml).")],
    new: Annotated[str, typer.Argument(help="The spec after: a file, or REV:path.")],
    output_format: Annotated[DiffFormat, typer.Option("--format", help="text, markdown (a PR comment) or json.")] = (
        DiffFormat.text
    ),
    package: Annotated[
        str | None, typer.Option(help="The generated client's package, for symbol names (default <vendor>_client).")
    ] = None,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """What a spec change breaks for the code that consumes the API. Exit 1 when anything is breaking.

    Removed or renamed operations, removed response fields, type and format changes, new enum values in
    responses, fields turning nullable or optional, new required request parameters or fields, changed statuses
    and union branches — each with the generated client symbols it touches.

    Example: lmskit diff HEAD~1:specs/absorb.yaml specs/absorb.yaml --format markdown
    """
    before, after = read_side(old), read_side(new)
    vendor = after.vendor or before.vendor
    choices = overlay_choices(overlay, no_config)
    if choices:
        if vendor is None:
            raise UsageError(
                f"{new}: cannot tell the vendor (info.x-lmskit-vendor) to apply overlays to; use --no-config"
            )
        overlays = overlays_by_vendor(choices, [vendor])[vendor]
        before, after = with_overlays(before, overlays), with_overlays(after, overlays)
    changes = diff_documents(before.spec.document, after.spec.document, package or f"{vendor or 'api'}_client")
    render = {DiffFormat.text: as_text, DiffFormat.markdown: as_markdown, DiffFormat.json: as_json}[output_format]
    sys.stdout.write(render(old, new, changes))
    if summary(changes)["breaking"]:
        raise typer.Exit(1)
