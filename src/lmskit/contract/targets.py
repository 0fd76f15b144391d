"""Where a contract run sends its requests: a fake in-process, or a live base URL over HTTP."""

from __future__ import annotations

import asyncio
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
import requests

from lmskit.contract.credentials import Credentials, credentials_from_env
from lmskit.contract.inprocess import InProcessSession
from lmskit.errors import LmskitError, UsageError
from lmskit.spec.api import Api


class WritesNotAllowed(LmskitError):
    """A write to a live tenant was asked for without the second opt-in."""


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
    _client: Any = field(default=None, repr=False)

    @property
    def is_live(self) -> bool:
        return self.app is None

    def session(self) -> requests.Session:
        """The ``requests`` session every generated case goes through, kept alive for the whole run."""
        if self.app is not None:
            return InProcessSession(self.app)
        # A tenant: connections are reused; proxy settings from the environment still apply, except to a
        # loopback address (a fake standing in for the tenant), where requests would only re-read them per call.
        session = requests.Session()
        session.trust_env = not _is_loopback(urlsplit(self.base_url or "").hostname or "")
        return session

    def send(self, method: str, path: str, headers: dict[str, str], json: Any) -> httpx.Response:
        """One request outside the generated cases (token fetches, auth probes)."""
        if self.app is not None:
            return asyncio.run(self._send_in_process(method, path, headers, json))
        if self._client is None:
            self._client = httpx.Client(base_url=(self.base_url or "").rstrip("/"), timeout=30)
        # httpx appends a relative path to the base URL's own path (/dc/api/v5 + /registrations).
        response: httpx.Response = self._client.request(method, path, headers=headers, json=json)
        return response

    async def _send_in_process(self, method: str, path: str, headers: dict[str, str], json: Any) -> httpx.Response:
        transport = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://lmskit-fake") as client:
            response = await client.request(method, self.server_path + path, headers=headers, json=json)
            await response.aread()
            return response


def fake_target(api: Api) -> Target:
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app

    fake = get_fake(api.vendor)
    app = build_app(fake, api=api)
    credentials = Credentials(fake.credentials(app.state.seed))
    return Target(api.vendor, f"{api.vendor} fake (in-process)", credentials, False, app, None, api.default_base_path)


def live_target(api: Api, base_url: str, *, allow_writes: bool, environ: Mapping[str, str] = os.environ) -> Target:
    vendor = api.vendor
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(
            f"{base_url!r} is not an http(s) URL; pass the tenant's base URL, e.g. https://rest.myabsorb.com"
        )
    if allow_writes and not (_is_sandbox(parts.hostname or "") or environ.get("LMSKIT_ALLOW_WRITES") == "1"):
        raise WritesNotAllowed(
            f"--allow-writes against {parts.hostname}: that host is not a sandbox; "
            "set LMSKIT_ALLOW_WRITES=1 as well if you really mean to write to it"
        )
    credentials = credentials_from_env(vendor, api.security, environ)
    if not credentials.values:
        names = ", ".join(api.security.environment_names(vendor))
        raise UsageError(f"no credentials for {vendor}: set {names} (see the README's 'Contract suites' section)")
    label = (
        f"{vendor} at {parts.scheme}://{parts.netloc}{parts.path} ({'writes allowed' if allow_writes else 'read-only'})"
    )
    return Target(vendor, label, credentials, read_only=not allow_writes, base_url=base_url)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _is_sandbox(host: str) -> bool:
    return _is_loopback(host) or "sandbox" in host
