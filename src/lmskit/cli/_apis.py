"""Turning command-line words into Apis: vendor names or spec files, plus the overlays that apply to them.

Overlays come from the project settings (``lmskit.toml`` or ``[tool.lmskit]``, unless ``--no-config``) and
from ``--overlay``; the command says on stderr which settings file it used, so nothing changes a run silently.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lmskit.errors import UsageError
from lmskit.project import OverlayChoice, ProjectConfig, find_config, load_apis, parse_overlay_option
from lmskit.spec.api import Api
from lmskit.spec.loader import display_path
from lmskit.vendors import VENDORS, get_vendor

OverlayOption = Annotated[
    list[str] | None,
    typer.Option(
        "--overlay",
        help="An OpenAPI Overlay (1.0) to apply on top of the spec: FILE or VENDOR=FILE. Repeatable; "
        "applied after those of lmskit.toml / \\[tool.lmskit].",
    ),
]
NoConfigOption = Annotated[
    bool,
    typer.Option("--no-config", help="Ignore the project settings (lmskit.toml, \\[tool.lmskit] in pyproject.toml)."),
]


def overlay_choices(overlays: list[str] | None, no_config: bool) -> tuple[OverlayChoice, ...]:
    """The project's configured overlays, then those of --overlay."""
    config = ProjectConfig() if no_config else find_config()
    return (*config.overlays, *(parse_overlay_option(value) for value in overlays or []))


def announce_config(choices: tuple[OverlayChoice, ...]) -> None:
    """Say which settings file changed the run (once its overlays loaded), so nothing changes it silently."""
    configured = [choice for choice in choices if choice.origin != "--overlay"]
    if configured:
        listed = ", ".join(display_path(choice.path) for choice in configured)
        print(f"lmskit: overlays from {configured[0].origin}: {listed} (--no-config to ignore)", file=sys.stderr)


def vendor_names(words: list[str] | None) -> list[str]:
    return [get_vendor(word).name for word in words] if words else list(VENDORS)


SpecsDirOption = Annotated[
    Path | None, typer.Option(help="Read <vendor>.yaml from this folder instead of the shipped specs.")
]


def apis_for(vendors: list[str], overlays: list[str] | None, no_config: bool) -> dict[str, Api]:
    choices = overlay_choices(overlays, no_config)
    apis = load_apis(vendors, choices)
    announce_config(choices)
    return apis


def spec_targets(words: list[str] | None) -> list[tuple[str, Path | None]]:
    """``["absorb", "my/copy.yaml"]`` → [("absorb", None), ("copy", Path("my/copy.yaml"))]; nothing → every vendor."""
    if not words:
        return [(name, None) for name in VENDORS]
    targets: list[tuple[str, Path | None]] = []
    for word in words:
        if word in VENDORS:
            targets.append((word, None))
        elif word.endswith((".yaml", ".yml", ".json")) or "/" in word or Path(word).exists():
            targets.append((Path(word).stem, Path(word)))
        else:
            get_vendor(word)  # raises with a "did you mean"
            raise UsageError(f"{word!r} is neither a vendor nor a spec file")
    return targets
