"""The two sides of a diff: a spec file, or ``REV:path`` read from git, with the project's overlays applied."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lmskit.errors import UsageError
from lmskit.inputs import max_input_bytes
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
    if not _REVISION.fullmatch(revision) or not name or "\0" in name:
        raise UsageError(
            f"{argument[:80]!r}: not REV:path (a revision is letters, digits and ~^@{{}}./_- and does not start"
            " with -); write e.g. HEAD~1:specs/absorb.yaml"
        )
    relative = name if name.startswith(("/", "./", "../")) else f"./{name}"
    try:
        # --end-of-options: whatever the revision says, git reads it as a revision, never as an option.
        shown = subprocess.run(
            ["git", "show", "--end-of-options", f"{revision}:{relative}"],
            cwd=cwd,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError(f"{argument}: reading a revision needs git on PATH") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"{argument}: git did not answer within 60 s; check the repository") from None
    if shown.returncode != 0:
        reason = " ".join(shown.stderr.decode("utf-8", "replace").split())[:200] or "git could not show it"
        raise UsageError(
            f"{argument}: not a spec at that revision ({reason}); write REV:path, e.g. HEAD~1:specs/absorb.yaml"
        )
    if len(shown.stdout) > max_input_bytes():
        raise UsageError(f"{argument}: larger than {max_input_bytes() // 2**20} MiB; not a spec")
    try:
        text = shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            f"{argument}: not UTF-8 text at that revision (a binary file?); name the spec's YAML"
        ) from None
    return Side(argument, parse_spec(text, Path(name)), text)


# A git revision as users write one (HEAD~1, main, v1.2^, a1b2c3d, HEAD@{2}), never an option.
_REVISION = re.compile(r"[A-Za-z0-9_./~^@{}][A-Za-z0-9_./~^@{}-]*")


def with_overlays(side: Side, overlays: tuple[Overlay, ...]) -> Side:
    return Side(side.label, apply_overlays(side.spec, overlays), side.text)
