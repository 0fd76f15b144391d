"""Whether a tenant's host accepts connections at all, asked before a run sends its first request.

One TCP connect, no HTTP request (so nothing is counted against a budget): an unreachable or mistyped tenant is
one line at once, instead of a minute of retries with backoff.
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

CONNECT_TIMEOUT = 5.0


def connect_problem(base_url: str, timeout: float = CONNECT_TIMEOUT) -> str | None:
    """``https://host: cannot connect (Connection refused)``, or None when the host accepts a connection."""
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname or "", port), timeout=timeout).close()
    except OSError as exc:
        return f"{parts.scheme}://{parts.netloc}: cannot connect ({exc.strerror or type(exc).__name__})"
    return None
