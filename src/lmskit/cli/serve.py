"""``lmskit serve VENDOR``: a vendor's verified fake over HTTP."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for
from lmskit.errors import InputError, PortUnavailable, UsageError
from lmskit.extras import require
from lmskit.fakes.request_log import DEFAULT_CAPACITY
from lmskit.vendors import get_vendor


def serve_command(
    vendor: Annotated[str, typer.Argument(help="digitalchalk, bridge or absorb.")],
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0 picks a free one).")] = 8000,
    db: Annotated[
        Path | None, typer.Option(help="SQLite file that keeps state across restarts (default: in memory).")
    ] = None,
    seed: Annotated[
        Path | None,
        typer.Option(
            "--seed-file",
            help="Seed YAML: the learners, courses and enrollments the fake starts with (default: the built-in seed).",
        ),
    ] = None,
    rate_limit: Annotated[
        int | None, typer.Option(help="Requests per second per credential before 429 (Bridge documents 5).", min=1)
    ] = None,
    weather: Annotated[
        Path | None,
        typer.Option(
            "--weather",
            help="A weather schedule (YAML or JSON): the vendor's bad days, which operations meet them and when"
            " (see docs/weather.md; change it live with PUT /_lmskit/weather).",
        ),
    ] = None,
    log_size: Annotated[
        int,
        typer.Option(
            help="Requests the log at /_lmskit/requests keeps (the oldest drop out; its total counts them all).",
            min=1,
            max=10_000_000,
        ),
    ] = DEFAULT_CAPACITY,
    expose: Annotated[
        bool,
        typer.Option(
            "--expose",
            help="Allow a --host beyond loopback; the control API then needs the token from LMSKIT_CONTROL_TOKEN"
            " (or one made up and printed at start).",
        ),
    ] = False,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Serve the vendor's fake: the documented behaviour, plus a control API under /_lmskit/.

    Example: lmskit serve absorb --port 8933   (then curl the printed base URL with the printed credentials)
    """
    require("fakes", "lmskit serve")
    # Imported here: starlette and uvicorn are not needed by the other commands.
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.control import is_loopback
    from lmskit.fakes.server import bind, run_forever

    vendor = get_vendor(vendor).name
    if not is_loopback(host) and not expose:
        raise UsageError(
            f"{host} is not a loopback address: anyone who reaches it could reset the fake and read its"
            " credentials; pass --expose to serve it there with a token-protected control API"
        )
    api = apis_for([vendor], overlay, no_config)[vendor]
    fake = get_fake(vendor)
    options: dict[str, Any] = {"log_size": log_size}
    if rate_limit:
        options["rate_limit"] = rate_limit
    if weather is not None:
        from lmskit.fakes.weather import WeatherError, read_schedule

        try:
            options["weather"] = read_schedule(weather)
            options["weather_source"] = str(weather)
        except WeatherError as exc:
            raise InputError(str(exc)) from None
    made_up_token = False
    if expose:
        token = os.environ.get("LMSKIT_CONTROL_TOKEN") or ""
        made_up_token = not token
        options["control_token"] = token or secrets.token_urlsafe(24)
    app = build_app(fake, api=api, db=db, seed=seed, options=options)
    try:
        sock = bind(host, port)
    except OSError as exc:
        raise PortUnavailable(f"cannot listen on {host}:{port} ({exc.strerror}); pass another --port") from None
    actual = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    layered = f" with {len(api.overlays)} overlay(s)" if api.overlays else ""
    print(f"lmskit: {api.title} fake{layered} at http://{shown_host}:{actual}{api.default_base_path}")
    print(f"lmskit: state: {db or 'in memory'}; control API: http://{shown_host}:{actual}/_lmskit/")
    if app.state.weather is not None:
        rules = len(app.state.weather.rules)
        print(f"lmskit: weather: {rules} rule(s) from {weather}, seed {app.state.weather.seed} (GET /_lmskit/weather)")
    if made_up_token:
        # Printed once so the user can drive the control API; set LMSKIT_CONTROL_TOKEN to choose it instead.
        print(f"lmskit: control API token (Authorization: Bearer …): {options['control_token']}")
    elif expose:
        print("lmskit: control API token: from LMSKIT_CONTROL_TOKEN")
    for name, value in fake.credentials(app.state.seed).items():
        print(f"lmskit: credential {name}={value}  (LMSKIT_{vendor.upper()}_{name})")
    sys.stdout.flush()
    run_forever(app, sock)
