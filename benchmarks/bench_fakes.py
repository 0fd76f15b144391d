"""The fakes at loopback speed: each fake's get, list and write at concurrency 1, 8 and 32 against a bare
Starlette app answering the same paths with the same bodies on the same server setup (the framework's
ceiling); DigitalChalk creates over time; Stoplight Prism's mock on the same specs when `prism` is on PATH.

Interleaved rounds (fake, ceiling, fake, ceiling, …), medians. Every server and the load generator run in
processes of their own. Ratios are what matter: the machine's speed cancels out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).parent
ROOT = HERE.parent
ABSORB_KEY = "2f6a1d3c-8b4e-4f1a-9c7d-5e3b2a1f0d9c"
COURSE = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


@dataclass(frozen=True)
class Endpoint:
    name: str  # get | list | write
    method: str
    path: str
    body: str = ""


ENDPOINTS: dict[str, list[Endpoint]] = {
    "digitalchalk": [
        Endpoint("get", "GET", "/dc/api/v5/registrations/65ade781cc98d136543678191005431a"),
        Endpoint("list", "GET", "/dc/api/v5/registrations?limit=15"),
        # Course 1 allows retakes: every create succeeds and the (user, offering) history grows.
        Endpoint(
            "write",
            "POST",
            "/dc/api/v5/registrations",
            '{"userId": "6629aeada89133acedfad6d7d110123d", "offeringId": "89cd2eada89133acedfad6d766a2d931"}',
        ),
    ],
    "bridge": [
        Endpoint("get", "GET", "/api/author/programs/1/learners?user_id=42"),  # Bridge has no single GET
        Endpoint("list", "GET", "/api/author/programs/1/learners"),
        Endpoint(
            "write",
            "PATCH",
            "/api/author/programs/1/learners/7",
            '{"enrollments": [{"end_at": "2030-01-01T00:00:00Z"}]}',
        ),
    ],
    "absorb": [
        Endpoint("get", "GET", "/enrollments/a14c149a-2ce0-41d4-b532-02189ad3cb22"),
        Endpoint("list", "GET", f"/courses/{COURSE}/enrollments"),
        # reEnroll: every call creates an enrollment (the old one becomes history).
        Endpoint("write", "POST", f"/users/6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e/enrollments/{COURSE}?reEnroll=true"),
    ],
}


class Served:
    """A bench_server.py process: ``with Served("fake", "absorb") as url: …``."""

    def __init__(self, kind: str, what: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "bench_server.py"), kind, what],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def auth_headers(vendor: str, url: str) -> list[str]:
    if vendor == "digitalchalk":
        return ["Authorization: Bearer dc-demo-token"]
    if vendor == "bridge":
        return ["Authorization: Bearer bridge-demo-token"]
    base = {"x-api-key": ABSORB_KEY, "x-api-version": "2"}
    login = {"username": "api.admin", "password": "fake-admin-password", "privateKey": ABSORB_KEY}
    token = httpx.post(f"{url}/authenticate", headers=base, json=login).json()
    return [f"x-api-key: {ABSORB_KEY}", "x-api-version: 2", f"Authorization: Bearer {token}"]


def load(url: str, endpoint: Endpoint, headers: list[str], connections: int, seconds: float) -> dict[str, Any]:
    command = [
        sys.executable,
        str(HERE / "loadgen.py"),
        url + endpoint.path,
        "--connections",
        str(connections),
        "--seconds",
        str(seconds),
        "--method",
        endpoint.method,
    ]
    if endpoint.body:
        command += ["--body", endpoint.body]
    for header in headers:
        command += ["-H", header]
    result: dict[str, Any] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    return result


def recorded_bodies(vendor: str, url: str, headers: list[str]) -> dict[str, Any]:
    """One real answer per endpoint, for the ceiling app to repeat."""
    answers = {}
    pairs = dict(header.split(": ", 1) for header in headers)
    for endpoint in ENDPOINTS[vendor]:
        response = httpx.request(
            endpoint.method,
            url + endpoint.path,
            headers={**pairs, "Content-Type": "application/json"},
            content=endpoint.body or None,
        )
        path = endpoint.path.split("?", 1)[0]
        body = response.json() if response.content else None
        answers[f"{endpoint.method} {path}"] = {"status": response.status_code, "body": body}
    return answers


def bench_vendor(vendor: str, concurrencies: list[int], rounds: int, seconds: float) -> list[dict[str, Any]]:
    rows = []
    with Served("fake", vendor) as fake, tempfile.TemporaryDirectory() as scratch:
        headers = auth_headers(vendor, fake.url)
        bodies = Path(scratch) / "bodies.json"
        bodies.write_text(json.dumps(recorded_bodies(vendor, fake.url, headers)))
        with Served("ceiling", str(bodies)) as ceiling:
            for endpoint in ENDPOINTS[vendor]:
                for connections in concurrencies:
                    runs: dict[str, list[dict[str, Any]]] = {"fake": [], "ceiling": []}
                    for _ in range(rounds):
                        runs["fake"].append(load(fake.url, endpoint, headers, connections, seconds))
                        runs["ceiling"].append(load(ceiling.url, endpoint, headers, connections, seconds))
                    row = {"vendor": vendor, "endpoint": endpoint.name, "connections": connections}
                    for side, results in runs.items():
                        row[f"{side}_rate"] = statistics.median(r["rate"] for r in results)
                        row[f"{side}_p50"] = statistics.median(r["p50_ms"] for r in results)
                        row[f"{side}_p99"] = statistics.median(r["p99_ms"] for r in results)
                        row[f"{side}_statuses"] = sorted({s for r in results for s in r["statuses"]})
                    rows.append(row)
            rows.append({"vendor": vendor, "rss_mb": fake.rss_mb(), "ceiling_rss_mb": ceiling.rss_mb()})
    return rows


def bench_creates_over_time(seconds: int) -> list[float]:
    """DigitalChalk creates per second, second by second, from a fresh fake."""
    endpoint = ENDPOINTS["digitalchalk"][2]
    with Served("fake", "digitalchalk") as fake:
        headers = auth_headers("digitalchalk", fake.url)
        return [load(fake.url, endpoint, headers, 1, 1.0)["rate"] for _ in range(seconds)]


def bench_load_generator(concurrencies: list[int], rounds: int, seconds: float) -> dict[int, float]:
    """What the load generator drives against a responder that does no work (``bench_server.py raw``): the
    ceiling of the measurement itself, to set beside the servers' rates."""
    probe = Endpoint("get", "GET", "/")
    with Served("raw", "-") as raw:
        rates = {n: [load(raw.url, probe, [], n, seconds)["rate"] for _ in range(rounds)] for n in concurrencies}
    return {connections: statistics.median(runs) for connections, runs in rates.items()}


def bench_prism(vendor: str, rounds: int, seconds: float) -> dict[str, float] | None:
    prism = shutil.which("prism")
    if prism is None:
        return None
    port = 4010 + list(ENDPOINTS).index(vendor)
    process = subprocess.Popen(
        [prism, "mock", str(ROOT / "specs" / f"{vendor}.yaml"), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        endpoint = ENDPOINTS[vendor][0]
        path = endpoint.path.removeprefix("/dc/api/v5")
        headers = ["Authorization: Bearer x", f"x-api-key: {ABSORB_KEY}", "x-api-version: 2"]
        rates = [load(url, Endpoint("get", "GET", path), headers, 8, seconds)["rate"] for _ in range(rounds)]
        return {"rate": statistics.median(rates)}
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per measurement (medians)")
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one load run")
    parser.add_argument("--vendors", nargs="+", default=list(ENDPOINTS), choices=list(ENDPOINTS))
    options = parser.parse_args()
    print(
        f"lmskit fakes benchmark ({os.cpu_count()} cores; {options.rounds} interleaved rounds of {options.seconds} s)"
    )
    print("Ceiling: a bare Starlette app answering the same paths with the same bodies on the same server setup.")
    print(
        f"\n  {'vendor':13}{'call':6}{'conns':>6}{'fake/s':>9}{'ceiling/s':>11}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}"
    )
    fastest: dict[int, float] = {}
    for vendor in options.vendors:
        for row in bench_vendor(vendor, [1, 8, 32], options.rounds, options.seconds):
            if "rss_mb" in row:
                rss, ceiling_rss = row["rss_mb"], row["ceiling_rss_mb"]
                print(f"  {vendor}: RSS {rss:.0f} MB after the load (ceiling app: {ceiling_rss:.0f} MB)")
                continue
            fastest[row["connections"]] = max(fastest.get(row["connections"], 0.0), row["ceiling_rate"])
            ratio = row["fake_rate"] / row["ceiling_rate"]
            flag = "" if row["connections"] != 8 or (ratio >= 0.5 and row["fake_p99"] <= 20) else "  < target"
            print(
                f"  {vendor:13}{row['endpoint']:6}{row['connections']:>6}{row['fake_rate']:>9,.0f}"
                f"{row['ceiling_rate']:>11,.0f}{ratio:>7.2f}{row['fake_p50']:>8.1f}{row['fake_p99']:>8.1f}{flag}"
            )
    print("  (targets at 8 connections: ratio at least 0.50, p99 at most 20 ms)")
    capacity = bench_load_generator(sorted(fastest), options.rounds, options.seconds)
    print("\nThe load generator against a responder that does no work (its own ceiling):")
    for connections, rate in capacity.items():
        print(
            f"  {connections:>2} connections: {rate:>9,.0f}/s, {rate / fastest[connections]:.1f}x the fastest server"
            " measured above: the servers, not the load generator, set the rates"
        )
    # Three fresh fakes, each timed second by second; one second of one run moves by ±20 % on a busy machine.
    held = []
    for run in range(3):
        creates = bench_creates_over_time(11)
        held.append(creates[-1] / creates[0])
        print(f"\nDigitalChalk creates per second from a fresh fake, run {run + 1}: {[round(c) for c in creates]}")
        print(f"  second 11 / second 1 = {held[-1]:.2f}")
    print(f"  median of the three runs: {statistics.median(held):.2f} (target: at least 0.80)")
    for vendor in options.vendors:
        prism = bench_prism(vendor, options.rounds, options.seconds)
        if prism is None:
            print("\nPrism: no `prism` on PATH; install @stoplight/prism-cli to compare its mock server")
            break
        print(f"  Prism mock, {vendor} get at 8 connections: {prism['rate']:,.0f}/s")


if __name__ == "__main__":
    main()
