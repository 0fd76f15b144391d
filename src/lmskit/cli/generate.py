"""``lmskit generate [--check]``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from lmskit.cli._apis import (
    NoConfigOption,
    OverlayOption,
    SpecsDirOption,
    announce_config,
    overlay_choices,
    vendor_names,
)
from lmskit.errors import UsageError
from lmskit.generate.client import generate_client
from lmskit.generate.drift import check_drift
from lmskit.project import load_apis
from lmskit.spec.loader import display_path
from lmskit.vendors import checkout_root


def generate_command(
    vendors: Annotated[list[str] | None, typer.Argument(help="Vendor names (default: all).")] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Regenerate into a temporary folder and fail with a diff if the committed client differs."
        ),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "--output-dir",
            help="Folder for the <vendor>_client packages (default: the checkout's generated/, the kit's committed "
            "clients; required with overlays and outside a checkout).",
        ),
    ] = None,
    package: Annotated[
        str | None, typer.Option(help="Package name of the client (one vendor only; default <vendor>_client).")
    ] = None,
    specs_dir: SpecsDirOption = None,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Regenerate the typed clients from the specs (or, with --check, prove they are up to date).

    With overlays (--overlay, or lmskit.toml / \\[tool.lmskit]), the client is generated from the spec as the
    overlays leave it, into --out: your tenant's client, inside your own project.

    Examples: lmskit generate --check;  lmskit generate absorb --overlay absorb=tenant.yaml --out src/
    """
    chosen = vendor_names(vendors)
    if package is not None and len(chosen) != 1:
        raise UsageError("--package names one client; name its vendor, e.g. `lmskit generate absorb --package ...`")
    if package is not None and not package.isidentifier():
        raise UsageError(f"--package {package!r} is not a Python identifier; use e.g. acme_absorb_client")
    spec_paths = {}
    if specs_dir is not None:
        if not specs_dir.is_dir():
            raise UsageError(f"{specs_dir}: no such folder; pass the folder holding <vendor>.yaml")
        for name in chosen:
            spec_paths[name] = specs_dir / f"{name}.yaml"
            if not spec_paths[name].is_file():
                raise UsageError(f"{spec_paths[name]}: no such spec; expected one <vendor>.yaml per vendor")
    choices = overlay_choices(overlay, no_config)
    if choices and out is None:
        raise UsageError(
            "overlays change the client: pass --out DIR (and --package NAME) to generate your own; "
            "generated/ holds the clients of the shipped specs"
        )
    root = checkout_root()
    if out is None and root is None:
        raise UsageError(
            "pass --out DIR: the kit's committed clients live in its repository; name the folder of your own client"
            " (and --package NAME), e.g. `lmskit generate absorb --out src --package acme_absorb_client"
            + (" --check`, your drift gate" if check else "`")
        )
    output_dir = out or (root / "generated" if root is not None else Path("generated"))
    apis = load_apis(chosen, choices, spec_paths)
    announce_config(choices)
    drifted = 0
    for name, api in apis.items():
        client = package or f"{name}_client"
        if check:
            drifts = check_drift(api, output_dir, client)
            for drift in drifts:
                print(f"{drift.relative_path}: {drift.kind.value}")
                sys.stdout.write(drift.diff if drift.diff.endswith("\n") or not drift.diff else drift.diff + "\n")
            status = "up to date" if not drifts else f"{len(drifts)} file(s) differ from a fresh generation"
            print(f"{display_path(output_dir / client)}: {status}", file=sys.stderr)
            drifted += len(drifts)
        else:
            output_dir.mkdir(parents=True, exist_ok=True)
            target = output_dir / client
            staging = output_dir / ".lmskit-staging"
            fresh = generate_client(api, staging, client)
            # Swap in only after a successful run, so a failed generation never leaves half a client.
            if target.exists():
                shutil.rmtree(target)
            fresh.rename(target)
            shutil.rmtree(staging, ignore_errors=True)
            layered = f" with {len(api.overlays)} overlay(s)" if api.overlays else ""
            print(f"{display_path(target)}: generated from the {name} spec{layered}", file=sys.stderr)
    if drifted:
        print(
            f"lmskit: the committed clients are stale; {_regenerate_hint(chosen, out, package, root)}", file=sys.stderr
        )
        raise typer.Exit(1)


def _regenerate_hint(vendors: list[str], out: Path | None, package: str | None, root: Path | None) -> str:
    """What to run: the same command without --check (a user's project), or the kit's own session."""
    if root is not None and (out is None or out.resolve() == (root / "generated").resolve()):
        return "run `nox -s generate` (or `lmskit generate`) and commit generated/"
    command = ["lmskit", "generate", *vendors]
    if out is not None:
        command += ["--out", str(out)]
    if package is not None:
        command += ["--package", package]
    return f"run `{' '.join(command)}` and commit {display_path(out or Path('generated'))}/"
