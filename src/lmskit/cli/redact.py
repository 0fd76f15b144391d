"""``lmskit redact FILE|DIR... (--out DIR | --in-place)``: secrets and personal data out of existing captures."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from lmskit import bounded
from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for
from lmskit.errors import InputError, UsageError
from lmskit.inputs import UnreadableInput, is_regular_file, read_bytes
from lmskit.redaction.redactor import RedactionCounts, Redactor
from lmskit.redaction.salt import project_salt
from lmskit.settings import current
from lmskit.validation.sources import envelope_exchange, har_exchange
from lmskit.vendors import VENDORS


def redact_command(
    inputs: Annotated[list[Path], typer.Argument(help="Exchange envelopes (.json), HAR files (.har) or folders.")],
    out: Annotated[Path | None, typer.Option(help="Write redacted copies here, keeping the relative names.")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Overwrite each file with its redacted copy.")] = False,
    vendor: Annotated[
        str | None, typer.Option(help="Claim hosts no spec names for this vendor (a fake on localhost, a proxy).")
    ] = None,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Redact captures by allowlist, so they can be committed and shared.

    Keeps only what the spec calls safe (ids, enums, dates, numbers, x-lmskit-safe strings), pseudonymises the
    x-lmskit-personal fields, replaces every other value, and masks every LMSKIT_* credential in any spelling.

    Example: lmskit redact captures/ --out redacted/
    """
    if (out is None) == (not in_place):
        raise UsageError("say where the redacted copies go: --out DIR, or --in-place to overwrite the files")
    apis = apis_for(list(VENDORS), overlay, no_config)
    total = RedactionCounts()
    files = list(capture_files(inputs))
    redactor: Redactor | None = None
    for path, relative in files:
        data = read_capture(path)
        if redactor is None:  # the project's key is read (or made) once there is something to redact
            redactor = Redactor(apis, project_salt(), default_vendor=vendor)
            redactor.remember(credential_values(os.environ))
        redacted, counts = redactor.har(data) if "log" in data else redactor.envelope(data)
        target = path if in_place else (out or Path()) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(redacted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        total.add(counts)
    print(
        f"lmskit: redacted {len(files)} file(s), {total.exchanges} exchange(s): {total.secrets} secret(s) masked,"
        f" {total.personal} personal value(s) pseudonymised, {total.replaced} other value(s) replaced",
        file=sys.stderr,
    )
    if total.unrouted:
        print(
            f"lmskit: {total.unrouted} exchange(s) on paths no spec describes: every value in them replaced"
            " (pass --vendor to claim their host and keep what its spec calls safe)",
            file=sys.stderr,
        )


def credential_values(environ: Any) -> list[str]:
    """Every credential the environment configures for any vendor (``LMSKIT_<VENDOR>_*`` but the base URL)."""
    prefixes = tuple(f"LMSKIT_{name.upper()}_" for name in VENDORS)
    return [
        value
        for key, value in environ.items()
        if key.startswith(prefixes) and not key.endswith(("_BASE_URL", "_PROBE_ID")) and value
    ]


def capture_files(inputs: list[Path]) -> list[tuple[Path, Path]]:
    """(file, its name relative to the input it came from): folders give their .json and .har files."""
    found: list[tuple[Path, Path]] = []
    for item in inputs:
        if item.is_dir():
            found.extend(
                (path, path.relative_to(item))
                for path in sorted(item.rglob("*"))
                if path.suffix.lower() in (".json", ".har") and is_regular_file(path)
            )
        elif item.exists():
            found.append((item, Path(item.name)))  # read_capture says why a FIFO or a device is not one
        else:
            raise InputError(f"{item}: no such file or folder")
    return found


def read_capture(path: Path) -> dict[str, Any]:
    """An envelope or a HAR log, read with the depth and duplicate-key limits and checked for the shapes
    ``lmskit validate`` checks (the same functions): InputError naming the JSON pointer for anything else."""
    try:
        data = bounded.loads(read_bytes(path, "an exchange envelope or a HAR file", current().max_capture_bytes))
    except (ValueError, bounded.LimitError) as exc:
        raise InputError(f"{path}: not JSON ({exc}); lmskit redact takes exchange envelopes and HAR files") from None
    except UnreadableInput as exc:
        raise InputError(f"{path}: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("log"), dict):
        entries = data["log"].get("entries")
        if not isinstance(entries, list):
            raise InputError(f"{path}: /log/entries must be a list of HAR entries")
        for index, entry in enumerate(entries):
            har_exchange(entry, f"{path} entry {index}")
        return data
    if isinstance(data, dict) and isinstance(data.get("response"), dict):
        envelope_exchange(data, str(path))
        return data
    raise InputError(f"{path}: neither an exchange envelope ({{request, response}}) nor a HAR file ({{log: …}})")
