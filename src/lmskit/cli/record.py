"""``lmskit record VENDOR --target URL|fake --out DIR``: a tenant's read-only answers as redacted envelopes."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for
from lmskit.cli.redact import credential_values
from lmskit.errors import RunStopped, UsageError
from lmskit.reachability import connect_problem
from lmskit.vendors import VENDORS, get_vendor


def record_command(
    vendor: Annotated[str, typer.Argument(help=f"One of {', '.join(VENDORS)}.")],
    target: Annotated[
        str, typer.Option(help="The tenant's base URL (credentials from LMSKIT_<VENDOR>_*), or `fake`.")
    ] = "fake",
    out: Annotated[
        Path, typer.Option(help="Folder for the envelopes: OUT/<vendor>/<operationId>/NNNN-STATUS.json.")
    ] = Path("recordings"),
    budget: Annotated[int, typer.Option(help="Requests the walk may send, every one counted.", min=1)] = 200,
    pages: Annotated[int, typer.Option(help="Pages of each list operation to follow.", min=1, max=100)] = 2,
    param: Annotated[
        list[str] | None, typer.Option(help="Pin a path parameter: --param program_id=12 (repeatable).")
    ] = None,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Record a tenant's read-only answers, redacted, for `lmskit validate --drift`.

    Walks the vendor's GET operations (lists first, then the gets their ids reach) within a request budget and
    writes each answer, redacted by allowlist.

    Example: lmskit record absorb --target https://rest.myabsorb.com --out recordings --budget 200
    """
    from lmskit import __version__
    from lmskit.clients import RequestBudget, client_from_env
    from lmskit.recording.walk import Recorded, record
    from lmskit.redaction.redactor import Redactor
    from lmskit.redaction.salt import project_salt

    name = get_vendor(vendor).name
    if target != "fake" and not target.startswith(("http://", "https://")):
        raise UsageError(f"--target {target!r}: the tenant's base URL (https://…), or `fake` for the bundled fake")
    pinned = dict(_pair(item) for item in param or [])
    api = apis_for([name], overlay, no_config)[name]
    counter = RequestBudget(budget)
    if target != "fake":
        problem = connect_problem(target)
        if problem is not None:
            raise UsageError(f"{problem}; check --target")
    with _target(name, target) as (base_url, environ, label):
        client = client_from_env(name, environ=environ, base_url=base_url, budget=counter)
        redactor = Redactor({name: api}, project_salt(), default_vendor=name)
        redactor.remember(credential_values(environ))
        written: list[Path] = []
        console = Console(stderr=True)
        metadata = {"vendor": name, "spec_sha256": api.fingerprint, "kit_version": __version__, "target": label}

        def keep(found: Recorded) -> None:
            folder = out / name / found.operation_id
            folder.mkdir(parents=True, exist_ok=True)
            status = found.envelope["response"]["status"]
            path = folder / f"{sum(1 for _ in folder.glob('*.json')) + 1:04d}-{status}.json"
            path.write_text(json.dumps(found.envelope, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            written.append(path)
            if console.is_terminal:
                console.print(f"  {found.operation_id} {status}  ({counter.sent}/{budget} requests)", highlight=False)

        summary = record(
            api, client.get_httpx_client(), redactor, metadata=metadata, pages=pages, pinned=pinned, keep=keep
        )
    print(
        f"lmskit record {name} ({label}): {len(written)} exchange(s) in {out / name},"
        f" {counter.sent} request(s) of a budget of {budget}"
    )
    for operation_id, statuses in summary.exchanges.items():
        print(f"  {operation_id}: {', '.join(str(s) for s in statuses)}")
    for operation_id, why in summary.unreached.items():
        print(f"  {operation_id}: not recorded ({why})")
    if summary.stopped and not written:
        raise RunStopped(f"the walk stopped early, with nothing recorded: {summary.stopped}")
    if summary.stopped:
        print(f"lmskit: the walk stopped early: {summary.stopped}", file=sys.stderr)


def _pair(text: str) -> tuple[str, Any]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise UsageError(f"--param {text!r}: write NAME=VALUE, e.g. --param program_id=12")
    return key.split(".", 1)[-1], int(value) if value.isdigit() else value


@contextlib.contextmanager
def _target(vendor: str, target: str) -> Iterator[tuple[str, dict[str, str], str]]:
    """(base URL, environment with credentials, label): the tenant from the environment, or a fake on loopback."""
    if target != "fake":
        return_env = {key: value for key, value in os.environ.items() if key.startswith(f"LMSKIT_{vendor.upper()}_")}
        yield target, return_env, target
        return
    from lmskit.extras import require

    require("fakes", "lmskit record --target fake")
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer

    fake = get_fake(vendor)
    app = build_app(fake)
    with FakeServer(app) as server:
        prefix = f"LMSKIT_{vendor.upper()}_"
        yield server.base_url, {prefix + key: value for key, value in fake.credentials(app.state.seed).items()}, "fake"
