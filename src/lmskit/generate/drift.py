"""Drift check: regenerate into a temporary folder and compare with the committed client, file by file."""

from __future__ import annotations

import difflib
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lmskit.generate.client import generate_client
from lmskit.spec.api import Api


class DriftKind(StrEnum):
    changed = "changed"
    missing = "missing"  # the generator writes it, the committed tree lacks it
    extra = "extra"  # committed, but the generator no longer writes it


@dataclass(frozen=True, slots=True)
class FileDrift:
    relative_path: str
    kind: DriftKind
    diff: str


def check_drift(api: Api, output_dir: Path, package: str | None = None) -> list[FileDrift]:
    """Every difference between ``output_dir/<package>`` and a fresh generation from ``api``."""
    package = package or f"{api.vendor}_client"
    committed = output_dir / package
    with tempfile.TemporaryDirectory(prefix="lmskit-drift-") as scratch:
        fresh = generate_client(api, Path(scratch), package)
        return compare_trees(committed, fresh, label=f"{output_dir.name}/{package}")


def compare_trees(committed: Path, fresh: Path, label: str) -> list[FileDrift]:
    committed_files = _files(committed)
    fresh_files = _files(fresh)
    drifts: list[FileDrift] = []
    for relative in sorted(committed_files | fresh_files):
        name = f"{label}/{relative}"
        old = _read(committed / relative) if relative in committed_files else None
        new = _read(fresh / relative) if relative in fresh_files else None
        if old == new:
            continue
        diff = "".join(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                (new or "").splitlines(keepends=True),
                fromfile=f"a/{name} (committed)",
                tofile=f"b/{name} (regenerated)",
            )
        )
        kind = DriftKind.missing if old is None else DriftKind.extra if new is None else DriftKind.changed
        drifts.append(FileDrift(name, kind, diff))
    return drifts


def _files(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def _read(path: Path) -> str:
    # Decoding with replacement keeps a stray binary file a reportable difference rather than a crash.
    return path.read_bytes().decode("utf-8", errors="replace")
