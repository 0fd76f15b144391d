"""Where a contract run sends its requests: a fake in-process, or a live base URL over HTTP."""

from __future__ import annotations

import asyncio
import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
import requests

from lmskit.contract.credentials import Credentials, credentials_from_env
from lmskit.contract.harvest import Record
from lmskit.contract.inprocess import BASE_URL, InProcessSession
from lmskit.contract.pacing import PacedAdapter, RequestGate
from lmskit.errors import TargetUnreachable as TargetUnreachable
from lmskit.errors import UsageError
from lmskit.errors import WritesNotAllowed as WritesNotAllowed
from lmskit.reachability import connect_problem
from lmskit.spec.api import Api

# How long a live run waits for the target to accept a connection before it gives up with one line.


@dataclass
class Target:
    """A fake (``app`` set, requests stay in the process) or a live tenant (``base_url`` over HTTP)."""

    vendor: str
    label: str
    credentials: Credentials
    read_only: bool
    app: Any = None
    base_url: str | None = None
    server_path: str = ""
    # Counts (and budgets, and paces) every request sent to a live target; None for a fake in-process.
    pacer: RequestGate | None = None
    # A bundled fake's: values its seed holds, and going back to that seed between operations.
    records: tuple[Record, ...] = ()
    reset: Callable[[], None] | None = field(default=None, repr=False)
    # Stops what the target started for the run (a served fake); None when there is nothing to stop.
    close: Callable[[], None] | None = field(default=None, repr=False)
    # A bundled fake's own count of the vendor requests it answered (its request log), which also sees what
    # schemathesis sends outside the run's session; None for a tenant, where the pacer counts.
    answered: Callable[[], int] | None = field(default=None, repr=False)
    _client: Any = field(default=None, repr=False)

    @property
    def is_live(self) -> bool:
        """Reached over HTTP (a tenant, or a fake served on loopback), not called in-process."""
        return self.app is None

    @property
    def is_fake(self) -> bool:
        """One of the kit's bundled fakes, in-process or served for this run: its data reaches every success
        path, so an operation that never answered 2xx is a failure, not "not checked"."""
        return self.reset is not None

    def url(self, path: str) -> str:
        """The full URL of an API path (``/registrations``) at this target, as the run's session reaches it."""
        if self.app is not None:
            return BASE_URL + self.server_path + path
        return (self.base_url or "").rstrip("/") + path

    def session(self) -> requests.Session:
        """The ``requests`` session every generated case goes through, kept alive for the whole run."""
        if self.app is not None:
            return InProcessSession(self.app)
        # A tenant: connections are reused; proxy settings from the environment still apply, except to a
        # loopback address (a fake standing in for the tenant), where requests would only re-read them per call.
        session = requests.Session()
        session.trust_env = not _is_loopback(urlsplit(self.base_url or "").hostname or "")
        if self.pacer is not None:
            adapter = PacedAdapter(self.pacer)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
        return session

    def send(self, method: str, path: str, headers: dict[str, str], json: Any) -> httpx.Response:
        """One request outside the generated cases (token fetches, auth probes)."""
        if self.app is not None:
            return asyncio.run(self._send_in_process(method, path, headers, json))
        if self._client is None:
            self._client = httpx.Client(base_url=(self.base_url or "").rstrip("/"), timeout=30)
        if self.pacer is not None:
            self.pacer.before_send()
        # httpx appends a relative path to the base URL's own path (/dc/api/v5 + /registrations).
        try:
            response: httpx.Response = self._client.request(method, path, headers=headers, json=json)
        except httpx.TransportError as exc:
            raise TargetUnreachable(f"{self.label}: {method} {path} failed ({type(exc).__name__})") from None
        if self.pacer is not None:
            self.pacer.after_response(response.status_code, response.headers)
        return response

    def check_reachable(self) -> None:
        """A live target accepts TCP connections, or TargetUnreachable says where it looked (no HTTP request)."""
        if self.base_url is None:
            return
        problem = connect_problem(self.base_url)
        if problem is not None:
            raise TargetUnreachable(f"{problem}; check --target or LMSKIT_{self.vendor.upper()}_BASE_URL")

    async def _send_in_process(self, method: str, path: str, headers: dict[str, str], json: Any) -> httpx.Response:
        transport = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://lmskit-fake") as client:
            response = await client.request(method, self.server_path + path, headers=headers, json=json)
            await response.aread()
            return response


def fake_target(api: Api, app: Any = None) -> Target:
    """The bundled fake (or ``app``, an instance of it built with other options), called in-process."""
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app

    fake = get_fake(api.vendor)
    # Strict: a bug in the bundled fake answers 500, so the suite reports it instead of a plausible 400.
    app = app or build_app(fake, api=api, strict=True)
    credentials = Credentials(fake.credentials(app.state.seed))
    records = tuple(Record(values, "the fake's seed") for values in fake.records(app.state.seed))
    return Target(
        api.vendor,
        f"{api.vendor} fake (in-process)",
        credentials,
        False,
        app,
        None,
        api.default_base_path,
        records=records,
        reset=app.state.reset,
        answered=lambda: int(app.state.log.total),
    )


def served_target(api: Api) -> Target:
    """The bundled fake on a loopback port of its own for this run, reached over real HTTP like a tenant: the
    same requests session, token fetches and pacing a live run uses, with writes allowed and a reset between
    operations through the fake's control API."""
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer

    fake = get_fake(api.vendor)
    app = build_app(fake, api=api, strict=True)
    server = FakeServer(app).start()
    control = httpx.Client(base_url=server.root_url, timeout=30)

    def reset() -> None:
        control.post("/_lmskit/reset", json={}).raise_for_status()

    def close() -> None:
        control.close()
        server.stop()

    def answered() -> int:
        return int(app.state.log.total)  # the served app lives in this process: its log is at hand

    label = f"{api.vendor} fake (served at {server.root_url})"
    credentials = Credentials(fake.credentials(app.state.seed))
    records = tuple(Record(values, "the fake's seed") for values in fake.records(app.state.seed))
    return Target(
        api.vendor,
        label,
        credentials,
        read_only=False,
        base_url=server.base_url,
        pacer=RequestGate(label, None),
        records=records,
        reset=reset,
        close=close,
        answered=answered,
    )


def live_target(
    api: Api,
    base_url: str,
    *,
    allow_writes: bool,
    budget: int | None = None,
    environ: Mapping[str, str] = os.environ,
) -> Target:
    vendor = api.vendor
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"{base_url!r} is not an http(s) URL; pass the tenant's base URL, e.g. https://rest.myabsorb.com"
        )
    host = parts.hostname
    if allow_writes and not (is_sandbox(api, host) or environ.get("LMSKIT_ALLOW_WRITES") == "1"):
        sandboxes = [server.url for server in api.servers if server.sandbox]
        where = f"the spec's sandbox servers are {', '.join(sandboxes)}" if sandboxes else "the spec declares none"
        raise WritesNotAllowed(
            f"--allow-writes against {host}: not a sandbox ({where}) nor loopback; "
            "set LMSKIT_ALLOW_WRITES=1 as well if you really mean to write to it"
        )
    credentials = credentials_from_env(vendor, api.security, environ)
    if not credentials.values:
        names = ", ".join(api.security.environment_names(vendor))
        raise UsageError(f"no credentials for {vendor}: set {names} (see the README's 'Live tenants' section)")
    label = (
        f"{vendor} at {parts.scheme}://{parts.netloc}{parts.path} ({'writes allowed' if allow_writes else 'read-only'})"
    )
    pacer = RequestGate(label, budget)
    return Target(vendor, label, credentials, read_only=not allow_writes, base_url=base_url, pacer=pacer)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def is_sandbox(api: Api, host: str) -> bool:
    """Loopback (a fake standing in for the tenant), or a host of a server the spec marks ``x-lmskit-sandbox``."""
    return _is_loopback(host) or any(server.sandbox and server.owns_host(host) for server in api.servers)
