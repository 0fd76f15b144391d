"""Serving a fake over real HTTP: in a background thread (tests, the pytest plugin) or in the foreground
(``lmskit serve``)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from enum import Enum
from types import TracebackType
from typing import Any

from lmskit.extras import missing

try:
    import uvicorn
    from starlette.types import ASGIApp
except ImportError:
    missing("fakes", "serving a fake")

from lmskit.fakes.app import FakeApp
from lmskit.fakes.control import is_loopback


class ServerState(Enum):
    NEW = "new"
    RUNNING = "running"
    STOPPED = "stopped"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket with TCP_NODELAY; port 0 picks a free one.

    Created with ``IPPROTO_TCP`` explicitly: asyncio sets TCP_NODELAY on accepted connections only when the
    socket says it is TCP, and without it every response whose headers and body go out in two writes waits
    ~40 ms for the client's delayed ACK (22 req/s instead of thousands). The option is also set on the
    listening socket, which Linux passes on to the connections it accepts.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


class FakeServer:
    """``with FakeServer(app) as server: httpx.get(server.base_url + "/registrations")``."""

    def __init__(self, app: ASGIApp, host: str = "127.0.0.1", port: int = 0, base_path: str | None = None) -> None:
        self.app = app
        self.host = host
        if isinstance(app, FakeApp) and not is_loopback(host) and not app.state.options.get("control_token"):
            raise ValueError(
                f"{host} is not a loopback address: build the app with options={{'control_token': ...}} so the"
                " control API is not open to everyone who reaches it"
            )
        # A fake's first declared server's base path (DigitalChalk's /dc/api/v5), unless told otherwise.
        default = app.state.api.default_base_path if isinstance(app, FakeApp) else ""
        self.base_path = default if base_path is None else base_path
        self._socket = bind(host, port)
        self.port = int(self._socket.getsockname()[1])
        self._server = uvicorn.Server(server_config(app))
        self._thread: threading.Thread | None = None
        self.state = ServerState.NEW

    @property
    def root_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + self.base_path

    def start(self, timeout: float = 10.0) -> FakeServer:
        if self.state is not ServerState.NEW:
            raise RuntimeError(f"the server is {self.state.value}; make a new FakeServer")
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"the fake did not start on {self.root_url} within {timeout} s")
            time.sleep(0.01)
        self.state = ServerState.RUNNING
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self.state is ServerState.RUNNING and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout)
        self._socket.close()
        self.state = ServerState.STOPPED

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def run_forever(app: ASGIApp, sock: socket.socket) -> Any:
    """Serve in the foreground until Ctrl-C."""
    raise_descriptor_limit()
    server = uvicorn.Server(server_config(app))
    return server.run(sockets=[sock])


# A connection that sends nothing for this long after it opens is closed (uvicorn closes idle keep-alive
# connections after a response, but not one that never sent a request: a thousand of them would hold every
# file descriptor the process may open).
IDLE_SECONDS = 10.0


def idle_closing(base: type[asyncio.Protocol]) -> type[asyncio.Protocol]:
    """``base`` (uvicorn's HTTP protocol) that starts its keep-alive timer when the connection opens."""

    class IdleClosing(base):  # type: ignore[valid-type,misc]
        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self.timeout_keep_alive_task = self.loop.call_later(IDLE_SECONDS, self.timeout_keep_alive_handler)

    IdleClosing.__name__ = f"IdleClosing{base.__name__}"
    return IdleClosing


def server_config(app: ASGIApp) -> uvicorn.Config:
    # A fake sits behind no proxy: uvicorn's X-Forwarded-* middleware would only cost time on every request.
    # Its access log is off: the fake keeps its own request log (GET /_lmskit/requests), and uvicorn formats
    # the access line's arguments on every request even when the level hides it.
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    return uvicorn.Config(
        app,
        log_level="warning",
        lifespan="off",
        proxy_headers=False,
        server_header=False,
        access_log=False,
        http=idle_closing(AutoHTTPProtocol),
    )


def raise_descriptor_limit() -> None:
    """The soft limit on open files raised to the hard one (often 1,024 → 1,048,576): a server for many clients."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))
