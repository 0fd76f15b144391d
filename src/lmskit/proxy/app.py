"""A validating reverse proxy: your sync service talks to it, it talks to the vendor, and every answer is checked
against the spec on the way back — as Prism's proxy mode does, with the kit's validator and redaction.

Each request is forwarded as it came (method, path, query, headers but the hop-by-hop ones, body) over one
keep-alive connection pool; the vendor's answer goes back byte for byte (status, headers, body as sent,
still compressed if it was). Then the answer is validated (``lmskit.validation.engine``): each violation is
one line on stderr and one JSON line in ``--log``, naming the operation and the JSON pointer, never a header
or a body. With ``--record`` the exchange is kept as a redacted envelope for ``lmskit validate --drift``.

Read-only unless ``allow_writes``: any method but GET, HEAD and OPTIONS is answered 403 by the proxy itself
and never reaches the vendor.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

import httpx
from starlette.types import Receive, Scope, Send

from lmskit import bounded
from lmskit.fakes.incoming import read_body
from lmskit.redaction.redactor import Redactor
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
        method = scope["method"].upper()
        if method not in READ_METHODS and not self.allow_writes:
            with self.stats.lock:
                self.stats.refused_writes += 1
            message = f"lmskit proxy is read-only: {method} was not forwarded (start it with --allow-writes)"
            await _answer(
                send, 403, [(b"content-type", b"application/json")], json.dumps({"lmskit_proxy": message}).encode()
            )
            return
        body = await read_body(receive, MAX_BODY)
        if body is None:
            await _json_answer(send, 413, f"request bodies are at most {MAX_BODY // 2**20} MiB")
            return
        path = scope["path"]
        query = scope.get("query_string", b"").decode("latin-1")
        url = (
            self.target + path[len(self.base_path) :]
            if path.startswith(self.base_path) and self.base_path
            else self.target + path
        )
        headers = [
            (name, value) for name, value in scope["headers"] if name.decode("latin-1").lower() not in HOP_BY_HOP
        ]
        client = self._http()
        started = time.perf_counter()
        try:
            request = client.build_request(method, url + (f"?{query}" if query else ""), headers=headers, content=body)
            response = await client.send(request, stream=True)
            raw = b"".join([chunk async for chunk in response.aiter_raw()])
            await response.aclose()
        except httpx.HTTPError as exc:
            with self.stats.lock:
                self.stats.upstream_errors += 1
            message = f"the vendor did not answer ({type(exc).__name__})"
            self._line(f"{method} {path}: {message}")
            await _answer(
                send, 502, [(b"content-type", b"application/json")], json.dumps({"lmskit_proxy": message}).encode()
            )
            return
        elapsed_ms = (time.perf_counter() - started) * 1000
        out_headers = [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, value in response.headers.multi_items()
            if name.lower() not in HOP_BY_HOP
        ]
        await _answer(send, response.status_code, out_headers, raw)
        self._check(method, path, url, query, request, response.status_code, response.headers, raw, elapsed_ms)

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
            where = f" at {issue.pointer}" if issue.pointer else ""
            self._line(f"{label} {status}{where}: {issue.message}")
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
                "violations": [{"pointer": i.pointer, "kind": i.kind, "message": i.message} for i in issues],
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
                "request": {"method": method, "url": str(request.url)},
                "response": {"status": status, "headers": dict(lower)},
            }
            if has_body:
                envelope["response"]["body"] = body
            redacted, _ = self.redactor.envelope(envelope)
            self.record(redacted)

    def _line(self, text: str) -> None:
        scrubbed = self.redactor.known.scrub(text) if self.redactor is not None else text
        print(f"lmskit proxy: {scrubbed}", file=self.stderr, flush=True)

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
