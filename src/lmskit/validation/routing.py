"""Exchange → (vendor, operation): by host and server base path, then by method + path template.

Server URLs come from each spec (`https://rest.myabsorb.{region}`, `https://{subdomain}.bridgeapp.com`,
`https://api.digitalchalk.com/dc/api/v5`); a variable with an enum matches only its values.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lmskit.errors import InputError
from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.router import Match, Router


@dataclass(frozen=True, slots=True)
class Server:
    host: re.Pattern[str]
    base_path: str


@dataclass(frozen=True, slots=True)
class Routed:
    vendor: str
    operation: Operation


@dataclass(frozen=True, slots=True)
class Unrouted:
    """Not validated: another host (skipped), or a vendor path no operation documents (an undocumented call)."""

    vendor: str | None
    reason: str
    undocumented: bool = False


def compile_server(url: str, variables: dict[str, Any]) -> Server:
    """``https://rest.myabsorb.{region}`` with region ∈ {com, ca} → host ``rest\\.myabsorb\\.(?:com|ca)``."""
    parts = urlsplit(re.sub(r"{([^{}]+)}", lambda m: f"__var_{m.group(1)}__", url))
    pattern = re.escape(parts.netloc)
    for name, spec in variables.items():
        enum = spec.get("enum") if isinstance(spec, dict) else None
        choice = "|".join(re.escape(str(v)) for v in enum) if enum else r"[^/.:]+"
        pattern = pattern.replace(re.escape(f"__var_{name}__"), f"(?:{choice})")
    return Server(re.compile(f"^{pattern}$", re.IGNORECASE), parts.path.rstrip("/"))


class VendorRouter:
    def __init__(self, vendor: str, document: dict[str, Any], extra_base_paths: tuple[str, ...] = ()) -> None:
        self.vendor = vendor
        self.router = Router(document)
        self.servers = [
            compile_server(str(s.get("url", "")), s.get("variables") or {}) for s in document.get("servers") or []
        ]
        self.base_paths = sorted({s.base_path for s in self.servers} | set(extra_base_paths), key=len, reverse=True)
        self.operations = {op.operation_id: op for op in iter_operations(document) if op.operation_id}

    def owns_host(self, host: str) -> bool:
        return any(server.host.match(host) for server in self.servers)

    def match_path(self, method: str, path: str) -> Operation | None:
        for base in self.base_paths:
            if base and not (path == base or path.startswith(base + "/")):
                continue
            found = self.router.match(method, path[len(base) :] or "/")
            if found.match is Match.FULL:
                return found.operation
        return None

    def operation(self, name: str) -> Operation:
        """An operationId or ``"METHOD /path/template"``; an unknown name lists the closest ones."""
        if name in self.operations:
            return self.operations[name]
        method, _, path = name.partition(" ")
        for operation in self.operations.values():
            if operation.method.upper() == method.upper() and operation.path == path.strip():
                return operation
        labels = list(self.operations) + [op.label for op in self.operations.values()]
        close = difflib.get_close_matches(name, labels, n=3, cutoff=0.4)
        hint = f"did you mean {', '.join(close)}?" if close else f"run `lmskit operations {self.vendor}` for the list"
        raise InputError(f"{self.vendor} has no operation {name!r}; {hint}")


class ExchangeRouter:
    def __init__(self, routers: dict[str, VendorRouter], default_vendor: str | None) -> None:
        self.routers = routers
        self.default_vendor = default_vendor

    def route(self, method: str, url: str) -> Routed | Unrouted:
        parts = urlsplit(url)
        host, path = parts.hostname or "", parts.path or "/"
        owners = [name for name, router in self.routers.items() if host and router.owns_host(host)]
        if not owners:
            if self.default_vendor is not None:
                owners = [self.default_vendor]
            elif host:
                return Unrouted(None, f"host {host} belongs to no vendor spec (pass --vendor to claim it)")
            else:
                owners = [name for name, router in self.routers.items() if router.match_path(method, path)]
                if len(owners) != 1:
                    return Unrouted(None, f"{method} {path} cannot be told apart by path alone; pass --vendor")
        vendor = owners[0]
        operation = self.routers[vendor].match_path(method, path)
        if operation is None:
            return Unrouted(vendor, f"{method} {path} matches no {vendor} operation", undocumented=True)
        return Routed(vendor, operation)
