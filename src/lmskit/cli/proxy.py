"""``lmskit proxy VENDOR --target URL``: a validating reverse proxy for your sync service in staging."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for
from lmskit.cli.redact import credential_values
from lmskit.errors import PortUnavailable, UsageError
from lmskit.extras import require
from lmskit.vendors import VENDORS, get_vendor


def proxy_command(
    vendor: Annotated[str, typer.Argument(help=f"One of {', '.join(VENDORS)}.")],
    target: Annotated[str, typer.Option(help="The vendor's base URL the proxy forwards to.")],
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback unless --expose).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0 picks a free one).")] = 8080,
    log: Annotated[Path | None, typer.Option(help="Append each violation as a JSON line to this file.")] = None,
    record: Annotated[
        Path | None, typer.Option(help="Keep every exchange, redacted, under this folder (for validate --drift).")
    ] = None,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Forward POST, PUT, PATCH and DELETE too (read-only otherwise).")
    ] = False,
    expose: Annotated[bool, typer.Option("--expose", help="Allow a --host beyond loopback.")] = False,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Forward your sync service's calls to the vendor unchanged, and report every answer that breaks the spec.

    Example: lmskit proxy absorb --target https://rest.myabsorb.com --port 8080 --log violations.jsonl
    """
    require("fakes", "lmskit proxy")
    from lmskit.fakes.control import is_loopback
    from lmskit.fakes.server import bind, run_forever
    from lmskit.proxy.app import ValidatingProxy, recorder
    from lmskit.redaction.redactor import Redactor
    from lmskit.redaction.salt import project_salt

    name = get_vendor(vendor).name
    if not target.startswith(("http://", "https://")):
        raise UsageError(f"--target {target!r}: the vendor's base URL, e.g. https://rest.myabsorb.com")
    if not is_loopback(host) and not expose:
        raise UsageError(f"{host} is not a loopback address; pass --expose to serve the proxy there")
    api = apis_for([name], overlay, no_config)[name]
    redactor = Redactor({name: api}, project_salt(), default_vendor=name) if record is not None else None
    if redactor is not None:
        redactor.remember(credential_values(os.environ))
    log_file = log.open("a", encoding="utf-8") if log is not None else None
    app = ValidatingProxy(
        api,
        target,
        allow_writes=allow_writes,
        log=log_file,
        record=recorder(record) if record is not None else None,
        redactor=redactor,
    )
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise PortUnavailable(f"cannot listen on {host}:{port} ({exc.strerror}); pass another --port") from None
    shown = f"[{host}]" if ":" in host else host
    mode = "forwards writes" if allow_writes else "read-only: writes get 403 (--allow-writes to forward them)"
    print(f"lmskit: validating proxy for {name} at http://{shown}:{sock.getsockname()[1]} -> {target} ({mode})")
    sys.stdout.flush()
    try:
        run_forever(app, sock)
    finally:
        if log_file is not None:
            log_file.close()
        stats = app.stats
        print(
            f"lmskit proxy: {stats.exchanges} exchange(s), {stats.violations} violation(s), {stats.not_covered} not"
            f" covered, {stats.refused_writes} write(s) refused, {stats.upstream_errors} upstream error(s)",
            file=sys.stderr,
        )
