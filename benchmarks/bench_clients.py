"""The production clients: iterating a large Absorb course from a fake on loopback (`nox -s bench -- clients`).

An Absorb fake seeded with one course of N enrollments runs in its own process. In child processes of their own
(so each peak RSS is its own), a ready client from ``client_from_env`` reads every enrollment two ways:

- ``paginate(list_course_enrollments, …)``: the kit's pager;
- a hand-written loop over the same generated ``sync_detailed`` call, moving ``field_offset`` page by page:
  the baseline a team would write, on the same client (auth, retries and pacing included on both sides).

Rounds alternate the two; medians are reported. Figures: items per second, the pager's overhead against the
loop, and the pager's peak RSS at 10,000 vs 100,000 items (flat means within 10 %).

Then ``lmskit proxy``'s cost: a DigitalChalk fake in its own process, ``lmskit proxy digitalchalk`` in front of
it, and the load generator (``loadgen.py``, one keep-alive connection) calling a registration directly and
through the proxy, interleaved: the latency the proxy adds per request, validation included.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).parent

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time, uuid
    from absorb_client.api.enrollments import list_course_enrollments
    from lmskit.clients import client_from_env, paginate

    mode, course, wanted = sys.argv[1], uuid.UUID(sys.argv[2]), int(sys.argv[3])
    client = client_from_env("absorb")
    started = time.perf_counter()
    count = 0
    if mode == "pager":
        for enrollment in paginate(list_course_enrollments, client=client, course_id=course, max_items=wanted):
            count += 1
    else:
        page = 0
        while count < wanted:
            parsed = list_course_enrollments.sync_detailed(
                course, client=client, field_limit=1000, field_offset=page
            ).parsed
            for enrollment in parsed.enrollments[: wanted - count]:
                count += 1
            if len(parsed.enrollments) < 1000:
                break
            page += 1
    seconds = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"items": count, "seconds": seconds, "rss_mb": rss_mb}))
    """
)


def run_child(mode: str, env: dict[str, str], course: str, items: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, course, str(items)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=1800,
    )
    result: dict[str, float] = json.loads(done.stdout)
    if result["items"] != items:
        raise SystemExit(f"{mode} read {result['items']} of {items} items")
    return result


def bench_proxy(rounds: int, seconds: float) -> dict[str, float]:
    """p50/p99 latency and rate of GET /registrations/{id}, direct vs through ``lmskit proxy``."""
    fake = subprocess.Popen(
        [sys.executable, str(HERE / "bench_server.py"), "fake", "digitalchalk"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert fake.stdout is not None and fake.stdin is not None
    root = fake.stdout.readline().strip()
    proxy = subprocess.Popen(
        [sys.executable, "-m", "lmskit", "proxy", "digitalchalk", "--target", root, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "LMSKIT_REDACT_SALT": "bench-salt-0123456789"},
    )
    assert proxy.stdout is not None
    line = proxy.stdout.readline()
    proxied_root = line.split(" at ", 1)[1].split(" ", 1)[0]
    path = "/dc/api/v5/registrations/65ade781cc98d136543678191005431a"
    runs: dict[str, list[dict[str, float]]] = {"direct": [], "proxy": []}
    try:
        for _ in range(rounds):
            for side, url in (("direct", root + path), ("proxy", proxied_root + path)):
                command = [
                    sys.executable,
                    str(HERE / "loadgen.py"),
                    url,
                    "--connections",
                    "1",
                    "--seconds",
                    str(seconds),
                ]
                command += ["-H", "Authorization: Bearer dc-demo-token"]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                runs[side].append(json.loads(done.stdout))
    finally:
        proxy.terminate()
        proxy.wait(timeout=30)
        fake.stdin.close()
        fake.wait(timeout=30)
    return {
        f"{side}_{key}": statistics.median(run[key] for run in results)
        for side, results in runs.items()
        for key in ("rate", "p50_ms", "p99_ms")
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--proxy-seconds", type=float, default=3.0)
    options = parser.parse_args()
    print(f"lmskit clients benchmark ({os.cpu_count()} cores; {options.rounds} interleaved rounds, medians)")
    server = subprocess.Popen(
        [sys.executable, str(HERE / "bench_server.py"), "large-absorb", str(options.items)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stdin is not None
    url, course, api_key, username, password = server.stdout.readline().split()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("LMSKIT_")},
        "LMSKIT_ABSORB_BASE_URL": url,
        "LMSKIT_ABSORB_API_KEY": api_key,
        "LMSKIT_ABSORB_USERNAME": username,
        "LMSKIT_ABSORB_PASSWORD": password,
    }
    try:
        runs: dict[str, list[dict[str, float]]] = {"pager": [], "loop": [], "pager-small": []}
        for _ in range(options.rounds):
            runs["pager"].append(run_child("pager", env, course, options.items))
            runs["loop"].append(run_child("loop", env, course, options.items))
            runs["pager-small"].append(run_child("pager", env, course, options.small))
    finally:
        server.stdin.close()
        server.wait(timeout=60)

    def median(side: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[side])

    pager_rate = options.items / median("pager", "seconds")
    loop_rate = options.items / median("loop", "seconds")
    print(f"\nIterating {options.items:,} Absorb course enrollments (1,000 a page) from a fake over loopback:")
    print(f"  paginate()              {pager_rate:>9,.0f} items/s")
    print(f"  hand-written loop       {loop_rate:>9,.0f} items/s")
    print(f"  pager / loop            {pager_rate / loop_rate:>9.2f}  (overhead {1 - pager_rate / loop_rate:+.1%})")
    small, large = median("pager-small", "rss_mb"), median("pager", "rss_mb")
    sizes = f"{options.small:,} items {small:.0f} MB, {options.items:,} items {large:.0f} MB"
    print(f"\nPeak RSS of the reading process: {sizes}")
    print(f"  {options.items:,} / {options.small:,} = {large / small:.2f} (flat: at most 1.10)")
    proxy = bench_proxy(options.rounds, options.proxy_seconds)
    print("\nlmskit proxy in front of a DigitalChalk fake, GET /registrations/{id}, one connection:")
    for side in ("direct", "proxy"):
        print(
            f"  {side:7} {proxy[side + '_rate']:>8,.0f} req/s  p50 {proxy[side + '_p50_ms']:.2f} ms"
            f"  p99 {proxy[side + '_p99_ms']:.2f} ms"
        )
    added = proxy["proxy_p50_ms"] - proxy["direct_p50_ms"]
    print(f"  the proxy adds {added:.2f} ms at p50 (forwarding, validation, logging)")


if __name__ == "__main__":
    main()
