"""The servers a spec declares: which hosts belong to the vendor, and the base path its paths hang under.

``https://rest.myabsorb.{region}`` with ``region ∈ {com, ca}`` matches the hosts ``rest.myabsorb.com`` and
``rest.myabsorb.ca``; ``https://api.digitalchalk.com/dc/api/v5`` puts every path under ``/dc/api/v5``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    host: re.Pattern[str]
    base_path: str
    description: str = ""
    # A server where writes are expected to be safe (x-lmskit-sandbox: true in the spec).
    sandbox: bool = False

    def owns_host(self, host: str) -> bool:
        return bool(self.host.match(host))


def read_servers(document: dict[str, Any]) -> tuple[Server, ...]:
    servers = document.get("servers")
    if not isinstance(servers, list):
        return ()
    return tuple(
        compile_server(
            str(item.get("url", "")),
            variables if isinstance(variables := item.get("variables"), dict) else {},
            str(item.get("description", "")),
            item.get("x-lmskit-sandbox") is True,
        )
        for item in servers
        if isinstance(item, dict)
    )


def compile_server(url: str, variables: dict[str, Any], description: str = "", sandbox: bool = False) -> Server:
    """``https://rest.myabsorb.{region}`` with region ∈ {com, ca} → host ``rest\\.myabsorb\\.(?:com|ca)``."""
    parts = urlsplit(re.sub(r"{([^{}]+)}", lambda m: f"__var_{m.group(1)}__", url))
    pattern = re.escape(parts.netloc)
    for name, spec in variables.items():
        enum = spec.get("enum") if isinstance(spec, dict) else None
        choice = "|".join(re.escape(str(v)) for v in enum) if enum else r"[^/.:]+"
        pattern = pattern.replace(re.escape(f"__var_{name}__"), f"(?:{choice})")
    return Server(url, re.compile(f"^{pattern}$", re.IGNORECASE), parts.path.rstrip("/"), description, sandbox)


def base_paths(servers: tuple[Server, ...]) -> tuple[str, ...]:
    """Every distinct base path, longest first (so ``/dc/api/v5`` is tried before ``/api/v5``)."""
    return tuple(sorted({server.base_path for server in servers}, key=len, reverse=True))


def split_base_path(path: str, bases: tuple[str, ...]) -> tuple[str, str] | None:
    """``("/dc/api/v5/registrations", ("/dc/api/v5",))`` → ``("/dc/api/v5", "/registrations")``.

    None when no base path fits.
    """
    for base in bases:
        if not base:
            return "", path
        if path == base or path.startswith(base + "/"):
            return base, path[len(base) :] or "/"
    return None
