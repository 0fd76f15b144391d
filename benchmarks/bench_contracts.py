"""Contract-run time, this checkout against a baseline commit measured in the same run.

1. ``lmskit contract VENDOR`` (quick profile, the in-process fake) for each vendor, wall time from the command
   line, as a user runs it: imports, spec loading and pytest start-up included.
2. The Absorb suite against a fake served over loopback HTTP (``lmskit serve absorb`` in its own process,
   ``lmskit contract absorb --target URL``), whole (``--allow-writes``) and read-only: each side's own server
   and suite, a fresh server per run.

The baseline is a ``git worktree`` of ``--baseline`` (default: the main this work started from), installed into
a virtualenv of its own from its own pyproject.toml, as a user of that commit had it; the current side runs
from this interpreter. Rounds alternate baseline and current and the median of each is reported, so a slow
moment of the machine hits both sides alike.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
VENDORS = ("digitalchalk", "bridge", "absorb")
# The main the speed issue (#8) was measured on and filed against.
DEFAULT_BASELINE = "135766a"


@dataclass(frozen=True)
class Checkout:
    label: str
    root: Path
    python: str  # the interpreter of the environment the checkout is installed in

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LMSKIT_") and k != "PYTHONPATH"}
        env.update(extra or {})
        return env

    def lmskit(self, *args: str, env: dict[str, str] | None = None, timeout: float = 900) -> float:
        """Seconds for one ``lmskit ARGS`` run, which must pass."""
        started = time.perf_counter()
        done = subprocess.run(
            [self.python, "-m", "lmskit", *args],
            cwd=self.root,
            env=self.env(env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
            raise SystemExit(f"{self.label}: lmskit {' '.join(args)} exited {done.returncode}:\n{tail}")
        return elapsed


@contextmanager
def baseline_checkout(revision: str) -> Iterator[Checkout]:
    scratch = Path(tempfile.mkdtemp(prefix="lmskit-baseline-"))
    tree = scratch / "tree"
    added = subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), revision], capture_output=True, text=True
    )
    if added.returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        raise SystemExit(
            f"cannot check out the baseline {revision!r} ({added.stderr.strip().splitlines()[-1]}); "
            "pass --baseline REV, or fetch the history (a shallow clone lacks it)"
        )
    try:
        print(f"(installing the baseline {revision} into a virtualenv of its own)", flush=True)
        venv = scratch / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = str(venv / ("Scripts" if os.name == "nt" else "bin") / "python")
        subprocess.run([python, "-m", "pip", "install", "--quiet", str(tree)], check=True, capture_output=True)
        yield Checkout(f"baseline {revision}", tree, python)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)


@contextmanager
def served(checkout: Checkout, vendor: str) -> Iterator[tuple[str, dict[str, str]]]:
    """``lmskit serve VENDOR`` of that checkout: its base URL, and its seeded credentials as the env vars a
    contract run reads (from the control API's /_lmskit/info)."""
    process = subprocess.Popen(
        [checkout.python, "-m", "lmskit", "serve", vendor, "--port", "0"],
        cwd=checkout.root,
        env=checkout.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    try:
        found = re.search(r" at (http://\S+)", process.stdout.readline())
        if found is None:
            raise SystemExit(f"{checkout.label}: lmskit serve {vendor} printed no URL")
        url = found.group(1)
        root = re.match(r"http://[^/]+", url)
        assert root is not None
        info = httpx.get(f"{root.group(0)}/_lmskit/info", timeout=30).json()
        env = {f"LMSKIT_{vendor.upper()}_{name}": str(value) for name, value in info["credentials"].items()}
        yield url, env
    finally:
        process.terminate()
        process.wait(timeout=30)


def median_times(rounds: int, runs: dict[str, Callable[[], float]]) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            times[name].append(run())
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="a commit, tag or branch of this repository")
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    current = Checkout("current", ROOT, sys.executable)
    print(f"lmskit contract-run benchmark ({os.cpu_count()} cores; {options.rounds} interleaved rounds, medians)")
    with baseline_checkout(options.baseline) as baseline:
        print("\nQuick profile, in-process fake (seconds per `lmskit contract VENDOR`, start-up included):")
        print(f"  {'vendor':14} {baseline.label:>20} {'current':>10} {'speed-up':>9}")
        totals = {"baseline": 0.0, "current": 0.0}
        for vendor in VENDORS:
            medians = median_times(
                options.rounds,
                {
                    "baseline": lambda vendor=vendor: baseline.lmskit("contract", vendor),
                    "current": lambda vendor=vendor: current.lmskit("contract", vendor),
                },
            )
            totals["baseline"] += medians["baseline"]
            totals["current"] += medians["current"]
            ratio = medians["baseline"] / medians["current"]
            print(f"  {vendor:14} {medians['baseline']:20.1f} {medians['current']:10.1f} {ratio:8.1f}x")
        ratio = totals["baseline"] / totals["current"]
        print(f"  {'all three':14} {totals['baseline']:20.1f} {totals['current']:10.1f} {ratio:8.1f}x  (target: 2x)")

        def against_served(checkout: Checkout, *extra: str) -> float:
            with served(checkout, "absorb") as (url, env):
                return checkout.lmskit("contract", "absorb", "--target", url, *extra, env=env)

        print("\nAbsorb suite against a served fake (`lmskit serve absorb`, loopback HTTP, seconds):")
        for title, extra, target in (
            ("whole suite (--allow-writes: loopback counts as a sandbox)", ("--allow-writes",), "  (target: 2.5x)"),
            ("read-only live mode (GET operations only)", (), ""),
        ):
            medians = median_times(
                options.rounds,
                {
                    "baseline": lambda extra=extra: against_served(baseline, *extra),
                    "current": lambda extra=extra: against_served(current, *extra),
                },
            )
            ratio = medians["baseline"] / medians["current"]
            print(
                f"  {title}: {baseline.label} {medians['baseline']:.1f}, current {medians['current']:.1f},"
                f" {ratio:.1f}x{target}"
            )


if __name__ == "__main__":
    main()
