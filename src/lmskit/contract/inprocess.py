"""Calling a fake in-process, in the caller's own thread: a ``requests`` adapter over the fake's ASGI app.

schemathesis reaches an ASGI app through a portal to another thread's event loop and a fresh ``requests``
session per call: two thread hand-offs and a scan of the environment for proxy settings each time, several
times the fake's own work. A fake answers without awaiting anything but its own request body, so its app can
run to completion on a private event loop in the calling thread. Mounted on one keep-alive session that does
not read the environment, a contract run calls the fake directly.
"""

from __future__ import annotations

import asyncio
import io
import time
from datetime import timedelta
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from schemathesis.python import asgi
from starlette.types import ASGIApp, Message
from urllib3 import HTTPHeaderDict, HTTPResponse

BASE_URL = "http://lmskit-fake"


class InProcessAdapter(BaseAdapter):
    def __init__(self, app: ASGIApp) -> None:
        super().__init__()
        self.app = app
        self._loop = asyncio.new_event_loop()

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        return self._loop.run_until_complete(self._call(request))

    async def _call(self, request: requests.PreparedRequest) -> requests.Response:
        parts = urlsplit(request.url or "")
        raw_body = request.body or b""
        body = raw_body.encode() if isinstance(raw_body, str) else raw_body
        if not isinstance(body, bytes):
            raise TypeError("the in-process adapter sends bodies given as bytes or text, not streams")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method or "GET",
            "scheme": parts.scheme,
            "path": parts.path or "/",
            "raw_path": (parts.path or "/").encode(),
            "query_string": parts.query.encode(),
            "root_path": "",
            "headers": [(name.lower().encode(), str(value).encode()) for name, value in request.headers.items()]
            + [(b"host", parts.netloc.encode())],
            "server": (parts.hostname or "lmskit-fake", parts.port or 80),
            "client": ("127.0.0.1", 0),
        }
        sent_body = False
        status, headers, chunks = 500, [], []

        async def receive() -> Message:
            nonlocal sent_body
            if sent_body:
                return {"type": "http.disconnect"}
            sent_body = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], message.get("headers", [])
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        started = time.perf_counter()
        await self.app(scope, receive, send)
        content = b"".join(chunks)
        pairs = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in headers]
        reason = _reason(status)
        response = requests.Response()
        response.status_code = status
        response.headers = CaseInsensitiveDict(pairs)
        # schemathesis reads repeated headers and the HTTP version from the urllib3 response underneath.
        response.raw = HTTPResponse(
            body=io.BytesIO(content), headers=HTTPHeaderDict(pairs), status=status, version=11, reason=reason
        )
        response._content = content
        response.url = request.url or ""
        response.request = request
        response.reason = reason
        response.encoding = None
        response.elapsed = timedelta(seconds=time.perf_counter() - started)
        return response

    def close(self) -> None:
        self._loop.close()


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


class InProcessSession(asgi.ASGIClient):
    """A session whose every request is answered by ``app`` in this thread.

    It is schemathesis's own ASGI client type, so with ``schema.app`` set its ASGI transport uses the session
    as it is for the generated cases, while the probes that drop the run's session on purpose (``ignored_auth``
    sends requests without credentials) still reach the app through schemathesis's own client.
    """

    def __init__(self, app: ASGIApp) -> None:
        requests.Session.__init__(self)
        self.trust_env = False  # proxy settings from the environment do not apply to an in-process call
        self.app = cast(Any, app)  # schemathesis spells the ASGI app type its own way
        self.base_url = BASE_URL
        adapter = InProcessAdapter(app)
        self.mount("http://", adapter)
        self.mount("https://", adapter)
