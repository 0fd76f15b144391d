"""A vendor request as the fakes read it straight from the ASGI scope, and an answer as two ASGI messages.

Reading the scope once into plain values (lower-case header names, query pairs, the origin for next links)
costs a fraction of building Starlette's Request and URL objects, which a fake serving thousands of small
answers a second would otherwise pay several times per request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import Receive, Scope

from lmskit.fakes.vendor import Reply

# json.dumps with non-default options builds a new encoder per call; one shared encoder spares that. ASCII
# escapes keep a lone surrogate (a client may send "\ud800" and read it back) writable.
_ASCII_ENCODER = json.JSONEncoder(separators=(",", ":"))

try:
    import orjson
except ImportError:  # no orjson build for this interpreter: the standard library's json only
    orjson = None  # type: ignore[assignment]


def encode_json(value: Any) -> bytes:
    """Compact JSON. orjson (the [fakes] extra on CPython) writes a page of enrollments about ten times faster
    than json, which was a tenth of a served fake's time per list request (`nox -s bench -- fakes`); what it
    refuses (a lone surrogate, an integer past 64 bits) goes through json, as everything does without it."""
    if orjson is not None:
        try:
            # Non-string keys are written as strings, as json does.
            return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
        except TypeError:
            pass
    return _ASCII_ENCODER.encode(value).encode()


# (status, raw headers, body): what http.response.start and http.response.body carry.
Rendered = tuple[int, list[tuple[bytes, bytes]], bytes]


@dataclass(frozen=True, slots=True)
class Incoming:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]  # lower-case names; the first value of a repeated header
    origin: str  # scheme://host[:port], for absolute next links
    body: bytes

    @classmethod
    def from_scope(cls, scope: Scope, body: bytes) -> Incoming:
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
        raw_query = scope.get("query_string", b"")
        query = parse_qsl(raw_query.decode("latin-1"), keep_blank_values=True) if raw_query else []
        host = headers.get("host")
        if host is None:
            server = scope.get("server") or ("localhost", None)
            host = f"{server[0]}:{server[1]}" if server[1] else str(server[0])
        return cls(scope["method"], scope["path"], query, headers, f"{scope.get('scheme', 'http')}://{host}", body)


async def read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None once it grows past ``limit`` bytes (the rest is not kept)."""
    chunks = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def render(reply: Reply, extra_headers: dict[str, str] | None = None) -> Rendered:
    """A reply as raw ASGI parts: JSON bodies compact, with Content-Type and Content-Length."""
    headers = [(name.lower().encode("latin-1"), str(value).encode("latin-1")) for name, value in reply.headers.items()]
    headers += [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in (extra_headers or {}).items()
    ]
    content = b""
    if reply.has_body:
        content = encode_json(reply.body)
        headers.append((b"content-type", b"application/json"))
    headers.append((b"content-length", str(len(content)).encode()))
    return reply.status, headers, content
