"""A small HTTP/1.1 load generator: N keep-alive connections, each sending its next request as soon as the
previous answer is read, for a fixed time. Run in its own process so it has a core of its own.

    python benchmarks/loadgen.py URL --connections 8 --seconds 5 [--method POST --body JSON] [-H "Name: value"]
    → one JSON line: {"requests", "seconds", "rate", "p50_ms", "p99_ms", "statuses"}

It speaks just enough HTTP for the fakes (Content-Length bodies; no chunked encoding) on uvloop when installed,
which keeps its own cost per request far below a server's: bench_fakes.py measures it against a raw socket
responder (`bench_server.py raw`) and prints how many times the fastest server's rate it can drive.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter
from urllib.parse import urlsplit


async def _connection(
    host: str, port: int, request: bytes, deadline: float, latencies: list[float], statuses: Counter[int]
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            statuses[status] += 1
    finally:
        writer.close()


async def _run(url: str, connections: int, seconds: float, method: str, body: bytes, headers: list[str]) -> dict:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}", "Connection: keep-alive", *headers]
    if body:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _connection(parts.hostname or "127.0.0.1", parts.port or 80, request, deadline, latencies, statuses)
            for _ in range(connections)
        )
    )
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000 if latencies else 0.0

    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rate": len(latencies) / elapsed,
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "statuses": dict(statuses),
    }


def use_uvloop() -> None:
    """uvloop when installed: about three times the requests per second of asyncio's own loop on one core."""
    try:
        import uvloop
    except ImportError:
        return
    uvloop.install()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--method", default="GET")
    parser.add_argument("--body", default="")
    parser.add_argument("-H", "--header", action="append", default=[])
    options = parser.parse_args()
    use_uvloop()
    result = asyncio.run(
        _run(options.url, options.connections, options.seconds, options.method, options.body.encode(), options.header)
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
