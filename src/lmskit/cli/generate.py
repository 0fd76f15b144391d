"""``lmskit generate [--check]``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from lmskit.errors import UsageError
from lmskit.generate.client import generate_client
from lmskit.generate.drift import check_drift
from lmskit.vendors import VENDORS, get_vendor


def generate_command(
    vendors: Annotated[list[str] | None, typer.Argument(help="Vendor names (default: all).")] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Regenerate into a temporary folder and fail with a diff if the committed client differs."
        ),
    ] = False,
    specs_dir: Annotated[Path, typer.Option(help="Folder holding <vendor>.yaml.")] = Path("specs"),
    output_dir: Annotated[Path, typer.Option(help="Folder holding the committed <vendor>_client packages.")] = Path(
        "generated"
    ),
) -> None:
    """Regenerate the typed clients from the specs (or, with --check, prove they are up to date)."""
    if not specs_dir.is_dir():
        raise UsageError(f"{specs_dir}: no such folder; run from the repository root or pass --specs-dir")
    chosen = [get_vendor(name) for name in vendors] if vendors else list(VENDORS.values())
    drifted = 0
    for vendor in chosen:
        spec_path = specs_dir / f"{vendor.name}.yaml"
        if not spec_path.is_file():
            raise UsageError(f"{spec_path}: no such spec; expected one <vendor>.yaml per vendor in {specs_dir}")
        if check:
            drifts = check_drift(vendor, spec_path, output_dir)
            for drift in drifts:
                print(f"{drift.relative_path}: {drift.kind.value}")
                sys.stdout.write(drift.diff if drift.diff.endswith("\n") or not drift.diff else drift.diff + "\n")
            status = "up to date" if not drifts else f"{len(drifts)} file(s) differ from a fresh generation"
            print(f"{output_dir / vendor.client_package}: {status}", file=sys.stderr)
            drifted += len(drifts)
        else:
            target = output_dir / vendor.client_package
            fresh = generate_client(vendor, spec_path, output_dir / ".lmskit-staging")
            # Swap in only after a successful run, so a failed generation never leaves half a client.
            if target.exists():
                shutil.rmtree(target)
            fresh.rename(target)
            shutil.rmtree(output_dir / ".lmskit-staging", ignore_errors=True)
            print(f"{target}: generated from {spec_path}", file=sys.stderr)
    if drifted:
        print(
            "lmskit: the committed clients are stale; "
            f"run `lmskit generate` (or `nox -s generate`) and commit {output_dir}/",
            file=sys.stderr,
        )
        raise typer.Exit(1)
