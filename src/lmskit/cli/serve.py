"""``lmskit serve VENDOR``: a vendor's verified fake over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lmskit.spec.loader import load_spec
from lmskit.vendors import get_vendor


def serve_command(
    vendor: Annotated[str, typer.Argument(help="digitalchalk, bridge or absorb.")],
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0 picks a free one).")] = 8000,
    db: Annotated[
        Path | None, typer.Option(help="SQLite file that keeps state across restarts (default: in memory).")
    ] = None,
    seed: Annotated[Path | None, typer.Option(help="Seed YAML (default: the built-in seed).")] = None,
    rate_limit: Annotated[
        int | None, typer.Option(help="Requests per second per credential before 429 (Bridge documents 5).", min=1)
    ] = None,
) -> None:
    """Serve the vendor's fake: the documented behaviour, plus a control API under /_lmskit/."""
    # Imported here: starlette and uvicorn are not needed by the other commands.
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import bind, run_forever

    get_vendor(vendor)
    fake = get_fake(vendor)
    app = build_app(fake, db=db, seed=seed, options={"rate_limit": rate_limit} if rate_limit else None)
    try:
        sock = bind(host, port)
    except OSError as exc:
        print(f"lmskit: cannot listen on {host}:{port} ({exc.strerror}); pass another --port", file=sys.stderr)
        raise typer.Exit(2) from None
    actual = sock.getsockname()[1]
    base = fake.base_paths[0] if fake.base_paths else ""
    shown_host = f"[{host}]" if ":" in host else host
    title = load_spec(get_vendor(vendor).spec_path).title
    print(f"lmskit: {title} fake at http://{shown_host}:{actual}{base}")
    print(f"lmskit: state: {db or 'in memory'}; control API: http://{shown_host}:{actual}/_lmskit/")
    for name, value in fake.credentials(app.state.seed).items():
        print(f"lmskit: credential {name}={value}  (LMSKIT_{vendor.upper()}_{name})")
    sys.stdout.flush()
    run_forever(app, sock)
