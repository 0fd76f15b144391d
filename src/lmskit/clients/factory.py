"""A ready client from the environment: the same ``LMSKIT_<VENDOR>_*`` variables ``lmskit contract`` reads.

    LMSKIT_ABSORB_BASE_URL=https://rest.myabsorb.com
    LMSKIT_ABSORB_API_KEY=…  LMSKIT_ABSORB_USERNAME=…  LMSKIT_ABSORB_PASSWORD=…

    absorb = client_from_env("absorb")      # absorb_client.Client, authenticated, retrying, paced

The variable names follow from the spec's security schemes (``lmskit.spec.security``), so one factory serves
every vendor and every client generated with ``lmskit generate --package``.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx
from httpx_retries import Retry

from lmskit.clients.auth import SpecAuth
from lmskit.clients.described import ClientSetupError, described
from lmskit.clients.transport import RequestBudget, SpecTransport, shared_pacer
from lmskit.contract.credentials import credentials_from_env
from lmskit.spec.servers import Server


def client_from_env(
    vendor: str,
    *,
    package: str | None = None,
    base_url: str | None = None,
    environ: Mapping[str, str] | None = None,
    retry: Retry | None = None,
    pace: bool = True,
    timeout: float = 30.0,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    budget: RequestBudget | None = None,
) -> Any:
    """The vendor's generated ``Client``, ready: credentials from the spec's security schemes (a token fetched
    when first needed and again after a 401), retries (``retry``, default ``transport.default_retry()``), and
    the spec's rate limit kept per credential (``pace=False`` to leave it to the vendor's 429s).

    ``package`` names a client generated into your project (``acme_absorb_client``); ``transport`` and
    ``async_transport`` replace the network (tests: ``httpx.MockTransport``); ``budget`` counts every request
    sent, retries and token fetches included, and refuses the one past its limit (``BudgetSpent``).
    """
    environ = os.environ if environ is None else environ
    package = package or f"{vendor}_client"
    api = described(package)
    if api.vendor != vendor:
        raise ClientSetupError(f"{package} is a {api.vendor} client, not {vendor}'s")
    prefix = f"LMSKIT_{vendor.upper()}_"
    url = base_url or environ.get(f"{prefix}BASE_URL", "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ClientSetupError(
            f"set {prefix}BASE_URL to the tenant's API base URL (e.g. {_example(api.servers)}), or pass base_url="
        )
    credentials = credentials_from_env(vendor, api.security, environ)
    auth = SpecAuth(api, credentials.values, url)
    pacer = None
    if pace and api.rate_limit is not None:
        key = hashlib.sha256(repr(sorted(credentials.values.items())).encode()).hexdigest()
        pacer = shared_pacer(vendor, key, api.rate_limit)
    spec_transport = SpecTransport(
        api,
        parts.path.rstrip("/"),
        retry=retry,
        pacer=pacer,
        sync=transport,
        asynchronous=async_transport,
        budget=budget,
    )
    client_class = importlib.import_module(f"{package}.client").Client
    return client_class(
        base_url=url.rstrip("/"),
        timeout=httpx.Timeout(timeout),
        raise_on_unexpected_status=False,
        httpx_args={"auth": auth, "transport": spec_transport},
    )


def _example(servers: tuple[Server, ...]) -> str:
    return servers[0].url if servers else "https://…"
