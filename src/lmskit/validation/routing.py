"""Exchange → (vendor, operation): by host and server base path, then by method + path template.

Hosts and base paths come from each spec's servers (``lmskit.spec.servers``): every Absorb region,
``*.bridgeapp.com``, DigitalChalk under ``/dc/api/v5`` and ``/api/v5``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from lmskit.spec.api import Api
from lmskit.spec.operations import Operation
from lmskit.spec.router import Match
from lmskit.spec.servers import split_base_path


@dataclass(frozen=True, slots=True)
class Routed:
    vendor: str
    operation: Operation


@dataclass(frozen=True, slots=True)
class Unrouted:
    """Not validated: another host (skipped), or a vendor path no operation documents (not covered)."""

    vendor: str | None
    reason: str
    uncovered: bool = False  # a vendor's host, on a path the spec does not describe
    path: str = ""  # the request path relative to the base path, for the not-covered list
    method: str = ""
    host: str = ""


def match_path(api: Api, method: str, path: str) -> Operation | None:
    """The operation ``METHOD path`` calls, trying each of the spec's base paths."""
    for base in api.base_paths:
        split = split_base_path(path, (base,))
        if split is None:
            continue
        found = api.router.match(method, split[1])
        if found.match is Match.FULL:
            return found.operation
    return None


def relative_path(api: Api, path: str) -> str:
    split = split_base_path(path, api.base_paths)
    return split[1] if split is not None else path


# Leading path segments a gateway may put before the vendor's own path (``/lms/gw/users/…``).
MAX_PREFIX_SEGMENTS = 4


def _behind_a_prefix(api: Api, method: str, path: str) -> Operation | None:
    """The operation of ``path`` once up to ``MAX_PREFIX_SEGMENTS`` leading segments (a gateway's or a proxy's
    prefix, as ``lmskit record --target http://host/prefix`` keeps it) are set aside."""
    segments = path.split("/")
    for dropped in range(1, min(MAX_PREFIX_SEGMENTS, len(segments) - 2) + 1):
        found = match_path(api, method, "/" + "/".join(segments[dropped + 1 :]))
        if found is not None:
            return found
    return None


# Routes remembered per (method, URL, vendor): a capture asks for the same few URLs again and again (each page of
# a list), and a bounded memory keeps a capture of unique URLs from growing it without end.
ROUTE_MEMORY = 4096


class ExchangeRouter:
    def __init__(self, apis: Mapping[str, Api], default_vendor: str | None) -> None:
        self.apis = apis
        self.default_vendor = default_vendor
        self._routes: dict[tuple[str, str, str | None], Routed | Unrouted] = {}

    def route(self, method: str, url: str, vendor: str | None = None) -> Routed | Unrouted:
        """``vendor`` claims the URL's host for that vendor (a recording says which vendor it was made against)."""
        key = (method, url, vendor)
        found = self._routes.get(key)
        if found is None:
            if len(self._routes) >= ROUTE_MEMORY:
                self._routes.clear()
            found = self._routes[key] = self._route(method, url, vendor)
        return found

    def _route(self, method: str, url: str, vendor: str | None) -> Routed | Unrouted:
        parts = urlsplit(url)
        host, path = parts.hostname or "", parts.path or "/"
        # A host claimed for a vendor (a recording says which; --vendor) may sit behind a gateway's path prefix.
        claimed = (vendor is not None and vendor in self.apis) or self.default_vendor is not None
        owners = [name for name, api in self.apis.items() if host and any(s.owns_host(host) for s in api.servers)]
        if vendor is not None and vendor in self.apis:
            owners = [vendor]
        if not owners:
            if self.default_vendor is not None:
                owners = [self.default_vendor]
            elif host:
                return Unrouted(None, f"host {host} belongs to no vendor spec (pass --vendor to claim it)", host=host)
            else:
                owners = [name for name, api in self.apis.items() if match_path(api, method, path)]
                if len(owners) != 1:
                    return Unrouted(None, f"{method} {path} cannot be told apart by path alone; pass --vendor")
        vendor = owners[0]
        operation = match_path(self.apis[vendor], method, path)
        if operation is None and claimed:
            operation = _behind_a_prefix(self.apis[vendor], method, path)
        if operation is None:
            relative = relative_path(self.apis[vendor], path)
            reason = f"{method} {relative} is not an operation of the {vendor} spec"
            return Unrouted(vendor, reason, uncovered=True, path=relative, method=method)
        return Routed(vendor, operation)
