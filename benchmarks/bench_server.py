"""Serve one benchmark target in its own process and print its root URL; stop when stdin closes.

    python benchmarks/bench_server.py fake absorb          # the verified fake, as `lmskit serve` runs it
    python benchmarks/bench_server.py ceiling BODIES.json  # a bare Starlette app answering the same paths with
                                                           # the same bodies: the framework's ceiling
    python benchmarks/bench_server.py raw -                # a constant answer straight from an asyncio protocol:
                                                           # what the load generator itself can drive

Both run on the same server setup (lmskit.fakes.server: uvicorn on a socket from ``bind()``), so the ratio
between them is what the fake's own work costs.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from pathlib import Path
from typing import Any, cast

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


def ceiling_app(bodies: dict[str, Any]) -> Starlette:
    """Answers ``METHOD path`` (query ignored) with the recorded status and body, as the plainest Starlette
    endpoint would (``JSONResponse``): no spec routing, authentication, validation or storage."""
    answers = {key: (value["status"], value["body"]) for key, value in bodies.items()}

    async def answer(request: Request) -> Response:
        await request.body()
        status, body = answers.get(f"{request.method} {request.url.path}", (404, {}))
        if body is None:  # a recorded answer without a body (DigitalChalk's 201)
            return Response(status_code=status)
        return JSONResponse(body, status_code=status)

    return Starlette(routes=[Route("/{path:path}", answer, methods=["GET", "POST", "PATCH", "PUT", "DELETE"])])


class _RawResponder(asyncio.Protocol):
    """Answers every request head with one constant response: no HTTP parsing, no framework."""

    ANSWER = b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}'

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports do not subclass asyncio's
        self.pending = b""

    def data_received(self, data: bytes) -> None:
        self.pending += data
        while b"\r\n\r\n" in self.pending:
            _, _, self.pending = self.pending.partition(b"\r\n\r\n")
            self.transport.write(self.ANSWER)


def serve_raw() -> None:
    """The load generator's own ceiling: bench_fakes.py shows it is far above every server it measures."""
    from loadgen import use_uvloop  # this folder is on sys.path when bench_server.py runs as a script

    use_uvloop()

    async def run() -> None:
        from lmskit.fakes.server import bind

        sock = bind("127.0.0.1", 0)
        server = await asyncio.get_running_loop().create_server(_RawResponder, sock=sock)
        print(f"http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        server.close()

    asyncio.run(run())


def large_absorb(rows: int) -> tuple[Any, str]:
    """An Absorb fake whose first course holds ``rows`` more enrollments; announces URL, course and credentials."""
    import uuid

    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer

    fake = get_fake("absorb")
    seed = dict(build_app(fake).state.seed)
    course = seed["courses"][0]["id"]
    users = [{"id": str(uuid.UUID(int=index + 1)), "full_name": f"Learner {index}"} for index in range(rows)]
    enrollments = [{"user": user["id"], "course": course} for user in users]
    seed = {**seed, "users": seed["users"] + users, "enrollments": seed["enrollments"] + enrollments}
    app = build_app(fake, seed=seed)
    server = FakeServer(app)
    credentials = fake.credentials(seed)
    announce = " ".join(
        [server.base_url, course, credentials["API_KEY"], credentials["USERNAME"], credentials["PASSWORD"]]
    )
    return server, announce


def main() -> None:
    from lmskit.fakes.server import FakeServer

    kind, what = sys.argv[1], sys.argv[2]
    if kind == "raw":
        serve_raw()
        return
    if kind == "fake":
        from lmskit.fakes import get_fake
        from lmskit.fakes.app import build_app

        server = FakeServer(build_app(get_fake(what)))
    elif kind == "large-absorb":
        server, announce = large_absorb(int(what))
    else:
        server = FakeServer(ceiling_app(json.loads(Path(what).read_text(encoding="utf-8"))), base_path="")
    server.start()
    print(announce if kind == "large-absorb" else server.root_url, flush=True)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()
