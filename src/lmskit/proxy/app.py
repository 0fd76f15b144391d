"""A validating reverse proxy: your sync service talks to it, it talks to the vendor, and every answer is checked
against the spec on the way back — as Prism's proxy mode does, with the kit's validator and redaction.

Each request is forwarded as it came (method, path, query, headers but the hop-by-hop ones, body) over one
keep-alive connection pool; the vendor's answer goes back byte for byte (status, headers, body as sent,
still compressed if it was). Then the answer is validated (``lmskit.validation.engine``): each violation is
one line on stderr and one JSON line in ``--log``, naming the operation and the JSON pointer, never a header
or a body. With ``--record`` the exchange is kept as a redacted envelope for ``lmskit validate --drift``.

Read-only unless ``allow_writes``: any method but GET, HEAD and OPTIONS is answered 403 by the proxy itself
and never reaches the vendor, and so is a read carrying a method override (``X-HTTP-Method-Override``,
``?_method=``); the spec's token operation (Absorb's ``POST /authenticate``) goes through, as it reads nothing.
The proxy answers for itself, never with a traceback: 400 for a path with control characters or dot segments,
or a body shorter than its Content-Length; 431 past ``MAX_HEADERS``; 502 when the vendor does not answer or its
answer passes ``MAX_ANSWER``.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
from starlette.types import Receive, Scope, Send

from lmskit import bounded
from lmskit.fakes.incoming import read_body
from lmskit.redaction.allowlist import SAFE_HEADERS
from lmskit.redaction.redactor import Redactor
from lmskit.redaction.secrets import KnownSecrets
from lmskit.spec.api import Api
from lmskit.validation.engine import ERROR, ResponseChecker
from lmskit.validation.routing import match_path

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Headers that belong to one connection, not to the exchange (RFC 9110 7.6.1), and Host, which is the target's.
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding",
     "upgrade", "host"}
)  # fmt: skip
MAX_BODY = 64 * 1024 * 1024
# The vendor's answer is read whole to be validated: past this it is refused (an endless body would fill memory).
MAX_ANSWER = 64 * 1024 * 1024
# A request with more or larger headers is refused before any work is done for it.
MAX_HEADERS = 100
MAX_HEADER_BYTES = 64 * 1024
# Headers that ask a server to treat the request as another method: a GET carrying one may be a write.
METHOD_OVERRIDES = ("x-http-method-override", "x-http-method", "x-method-override")


@dataclass
class ProxyStats:
    exchanges: int = 0
    violations: int = 0
    refused_writes: int = 0
    not_covered: int = 0
    upstream_errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class ValidatingProxy:
    """The ASGI app of ``lmskit proxy``."""

    def __init__(
        self,
        api: Api,
        target: str,
        *,
        allow_writes: bool = False,
        log: TextIO | None = None,
        record: Callable[[dict[str, Any]], None] | None = None,
        redactor: Redactor | None = None,
        stderr: TextIO | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.api = api
        self.target = target.rstrip("/")
        self.base_path = urlsplit(self.target).path
        self.allow_writes = allow_writes
        self.log = log
        self.record = record
        self.redactor = redactor
        self.stderr = stderr or sys.stderr
        self.checker = ResponseChecker({api.vendor: api})
        self.stats = ProxyStats()
        # The credentials this proxy sees pass through it: masked in every line it prints or logs.
        self.known = redactor.known if redactor is not None else KnownSecrets()
        self.token_operations = {
            scheme.token.operation_id for scheme in api.security.schemes.values() if scheme.token is not None
        }
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    def __repr__(self) -> str:
        return f"ValidatingProxy({self.api.vendor!r}, target={self.target!r}, allow_writes={self.allow_writes})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        try:
            await self._forward(scope, receive, send)
        except Exception as exc:  # the proxy answers for itself: one line, never a traceback
            self._line(f"{scope.get('method', '?')} request not forwarded: {type(exc).__name__}")
            with contextlib.suppress(Exception):  # the answer may already have started
                await _json_answer(send, 502, f"the proxy could not forward this request ({type(exc).__name__})")

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"].upper()
        headers_in: list[tuple[bytes, bytes]] = list(scope["headers"])
        if len(headers_in) > MAX_HEADERS or sum(len(n) + len(v) for n, v in headers_in) > MAX_HEADER_BYTES:
            await _json_answer(
                send, 431, f"at most {MAX_HEADERS} request headers of {MAX_HEADER_BYTES // 1024} KiB in all"
            )
            return
        path = scope["path"]
        problem = _path_problem(path, scope.get("raw_path"))
        if problem is not None:
            await _json_answer(send, 400, problem)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        lower_headers = {name.decode("latin-1").strip().lower(): value for name, value in headers_in}
        self._learn(headers_in)
        if not self.allow_writes:
            refusal = self._read_only_refusal(method, path, query, lower_headers)
            if refusal is not None:
                with self.stats.lock:
                    self.stats.refused_writes += 1
                await _json_answer(send, 403, refusal)
                return
        body = await read_body(receive, MAX_BODY)
        if body is None:
            await _json_answer(send, 413, f"request bodies are at most {MAX_BODY // 2**20} MiB")
            return
        declared = lower_headers.get("content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) != len(body)):
            await _json_answer(send, 400, "the request body does not match its Content-Length")
            return
        relative = path[len(self.base_path) :] if self.base_path and path.startswith(self.base_path) else path
        url = self.target + relative
        if not urlsplit(url).path.startswith(self.base_path):
            await _json_answer(send, 400, f"the path leaves the target's base path {self.base_path}")
            return
        headers = [
            (name, value)
            for name, value in headers_in
            if name.decode("latin-1").strip().lower() not in HOP_BY_HOP | {"content-length"}
        ]
        client = self._http()
        try:
            request = client.build_request(method, url + (f"?{query}" if query else ""), headers=headers, content=body)
        except (httpx.InvalidURL, httpx.HTTPError, ValueError, TypeError) as exc:
            await _json_answer(send, 400, f"the request cannot be forwarded as sent ({type(exc).__name__})")
            return
        started = time.perf_counter()
        try:
            response = await client.send(request, stream=True)
            raw = await _read_capped(response, MAX_ANSWER)
        except httpx.HTTPError as exc:
            with self.stats.lock:
                self.stats.upstream_errors += 1
            message = f"the vendor did not answer ({type(exc).__name__})"
            self._line(f"{method} {path}: {message}")
            await _json_answer(send, 502, message)
            return
        if raw is None:
            with self.stats.lock:
                self.stats.upstream_errors += 1
            message = f"the vendor's answer is larger than {MAX_ANSWER // 2**20} MiB; it was not forwarded"
            self._line(f"{method} {path}: {message}")
            await _json_answer(send, 502, message)
            return
        elapsed_ms = (time.perf_counter() - started) * 1000
        out_headers = [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, value in response.headers.multi_items()
            if name.lower() not in HOP_BY_HOP
        ]
        await _answer(send, response.status_code, out_headers, raw)
        self._check(method, path, url, query, request, response.status_code, response.headers, raw, elapsed_ms)

    def _learn(self, headers: list[tuple[bytes, bytes]]) -> None:
        """The client's credential header values (a bearer token, a key) are secrets for every log line."""
        for name, value in headers:
            lower = name.decode("latin-1").strip().lower()
            if lower not in SAFE_HEADERS and lower not in ("host", "connection", "user-agent", "content-length"):
                self.known.learn_header(value.decode("latin-1"))

    def _read_only_refusal(self, method: str, path: str, query: str, headers: Mapping[str, bytes]) -> str | None:
        """Why a request may not go through a read-only proxy, or None when it may."""
        overrides = [name for name in METHOD_OVERRIDES if name in headers]
        if any(key.lower() == "_method" for key, _ in parse_qsl(query, keep_blank_values=True)):
            overrides.append("?_method=")
        if overrides:
            return (
                f"lmskit proxy is read-only: a method override ({', '.join(overrides)}) was not forwarded"
                " (start it with --allow-writes)"
            )
        if method in READ_METHODS:
            return None
        operation = match_path(self.api, method, path) or match_path(self.api, method, self.base_path + path)
        if operation is not None and operation.operation_id in self.token_operations:
            return None  # logging in reads nothing and changes nothing: `record` sends it too
        return f"lmskit proxy is read-only: {method} was not forwarded (start it with --allow-writes)"

    # --- validation, off the answer's path --------------------------------------------------------------------

    def _check(
        self,
        method: str,
        path: str,
        url: str,
        query: str,
        request: httpx.Request,
        status: int,
        headers: httpx.Headers,
        raw: bytes,
        elapsed_ms: float,
    ) -> None:
        with self.stats.lock:
            self.stats.exchanges += 1
        relative = urlsplit(url).path
        operation = match_path(self.api, method, relative) or match_path(self.api, method, path)
        if operation is None:
            with self.stats.lock:
                self.stats.not_covered += 1
            self._line(f"{method} {path} {status}: not covered (no operation of the {self.api.vendor} spec)")
            return
        decoded = httpx.Response(status, headers=headers, content=raw)
        text = decoded.content
        has_body = bool(text)
        body: Any = None
        if has_body:
            try:
                body = bounded.loads(text)
            except (ValueError, bounded.LimitError):
                body = text.decode("utf-8", errors="replace")
        lower = {name.lower(): value for name, value in headers.items()}
        issues = [
            issue
            for issue in self.checker.check(self.api.vendor, operation, status, lower, body, has_body)
            if issue.severity == ERROR
        ]
        label = f"{operation.operation_id} ({operation.label})"
        for issue in issues:
            # Pointers name keys the spec or the vendor chose; a key that is a value (a token) is masked as known.
            where = f" at {issue.pointer}" if issue.pointer else ""
            self._line(f"{label} {status}{where}: {issue.without_values()}")
        if issues:
            with self.stats.lock:
                self.stats.violations += len(issues)
        if self.log is not None and issues:
            entry = {
                "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "vendor": self.api.vendor,
                "operationId": operation.operation_id,
                "operation": operation.label,
                "status": status,
                "elapsed_ms": round(elapsed_ms, 1),
                "violations": [
                    {"pointer": self._scrub(i.pointer), "kind": i.kind, "message": self._scrub(i.without_values())}
                    for i in issues
                ],
            }
            self.log.write(json.dumps(entry) + "\n")
            self.log.flush()
        if self.record is not None and self.redactor is not None:
            envelope: dict[str, Any] = {
                "lmskit": {
                    "vendor": self.api.vendor,
                    "operationId": operation.operation_id,
                    "spec_sha256": self.api.fingerprint,
                    "recorded_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                    "via": "lmskit proxy",
                },
                # The client's headers go to the redactor, which learns their values (a bearer token) as secrets.
                "request": {"method": method, "url": str(request.url), "headers": dict(request.headers.items())},
                "response": {"status": status, "headers": dict(lower)},
            }
            if has_body:
                envelope["response"]["body"] = body
            redacted, _ = self.redactor.envelope(envelope)
            self.record(redacted)

    def _scrub(self, text: str) -> str:
        return self.known.scrub(text)

    def _line(self, text: str) -> None:
        print(f"lmskit proxy: {self._scrub(text)}", file=self.stderr, flush=True)

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=self._transport, timeout=httpx.Timeout(60.0), follow_redirects=False
            )
        return self._client

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _answer(send: Any, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    if not any(name.lower() == b"content-length" for name, _ in headers):
        headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _json_answer(send: Any, status: int, message: str) -> None:
    """The proxy's own answer (never the vendor's): ``{"lmskit_proxy": message}``."""
    body = json.dumps({"lmskit_proxy": message}).encode()
    await _answer(send, status, [(b"content-type", b"application/json")], body)


async def _read_capped(response: httpx.Response, limit: int) -> bytes | None:
    """The answer's bytes as sent, or None once they pass ``limit`` (the connection is then closed)."""
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_raw():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
    finally:
        await response.aclose()
    return b"".join(chunks)


def _path_problem(path: str, raw_path: bytes | None) -> str | None:
    """Why a request path cannot be forwarded: not a path, control characters, or dot segments that would
    climb out of the target's base path."""
    if not path.startswith("/"):
        return f"{path[:20]!r} is not a path; the proxy forwards requests for paths under the target"
    raw = (raw_path or b"").lower()
    if any(c in path for c in "\r\n\0") or any(code in raw for code in (b"%0d", b"%0a", b"%00")):
        return "the path holds a control character (CR, LF or NUL)"
    if any(unquote(unquote(segment)) in (".", "..") for segment in path.split("/")):
        return "the path holds a dot segment (. or ..); send the path as the vendor expects it, without them"
    return None


def recorder(folder: Path) -> Callable[[dict[str, Any]], None]:
    """Write each redacted envelope to ``folder/<vendor>/<operationId>/NNNN-STATUS.json``."""
    lock = threading.Lock()

    def keep(envelope: dict[str, Any]) -> None:
        meta = envelope["lmskit"]
        target = folder / meta["vendor"] / str(meta["operationId"])
        with lock:
            target.mkdir(parents=True, exist_ok=True)
            name = f"{sum(1 for _ in target.glob('*.json')) + 1:04d}-{envelope['response']['status']}.json"
            (target / name).write_text(json.dumps(envelope, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    return keep
