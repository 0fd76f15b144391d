"""The two sides of a diff: a spec file, or ``REV:path`` read from git, with the project's overlays applied."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from lmskit.errors import UsageError
from lmskit.spec.loader import Spec, parse_spec, read_text
from lmskit.spec.overlay import Overlay, apply_overlays
from lmskit.vendors import VENDORS


@dataclass(frozen=True, slots=True)
class Side:
    label: str  # what the user named: "HEAD:specs/absorb.yaml" or "specs/absorb.yaml"
    spec: Spec
    text: str

    @property
    def vendor(self) -> str | None:
        info = self.spec.document.get("info")
        named = info.get("x-lmskit-vendor") if isinstance(info, dict) else None
        if isinstance(named, str) and named in VENDORS:
            return named
        stem = self.spec.path.stem
        return stem if stem in VENDORS else None


def read_side(argument: str, cwd: Path | None = None) -> Side:
    """``specs/absorb.yaml`` (a file) or ``REV:path`` (that path at a git revision; the path is relative to the
    working folder, as ``git show REV:./path`` reads it)."""
    path = Path(argument)
    if path.is_file() or ":" not in argument:
        text = read_text(path, "an OpenAPI spec")
        return Side(argument, parse_spec(text, path), text)
    revision, _, name = argument.partition(":")
    relative = name if name.startswith(("/", "./", "../")) else f"./{name}"
    try:
        shown = subprocess.run(
            ["git", "show", f"{revision}:{relative}"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError(f"{argument}: reading a revision needs git on PATH") from None
    if shown.returncode != 0:
        reason = " ".join(shown.stderr.split())[:200] or "git could not show it"
        raise UsageError(
            f"{argument}: not a spec at that revision ({reason}); write REV:path, e.g. HEAD~1:specs/absorb.yaml"
        )
    return Side(argument, parse_spec(shown.stdout, Path(name)), shown.stdout)


def with_overlays(side: Side, overlays: tuple[Overlay, ...]) -> Side:
    return Side(side.label, apply_overlays(side.spec, overlays), side.text)
