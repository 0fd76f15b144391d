"""Measure which faults of the corpus each tool catches: the kit's contract suite and plain schemathesis.

    python -m mutants.run                       # quick profile and plain schemathesis, every fault
    python -m mutants.run --profile thorough --no-plain
    python -m mutants.run --only dc-next-repeats --only ab-filter-ignored
    python -m mutants.run --json mutants.json

A fault is killed when the tool exits non-zero against the fake with that fault, and survives when it exits 0.
Before the corpus, each tool runs against the unmodified fakes: a tool that fails there has no kill rate to
report (every fault would look killed). Each run is a process of its own, so faults never mix.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from mutants.faults import FAULTS, Fault

REPO = Path(__file__).resolve().parents[1]
VENDORS = ("digitalchalk", "bridge", "absorb")
_PLAIN_CHECK = re.compile(r"^- (ST\d+ .+)$", re.MULTILINE)


@dataclass
class Outcome:
    killed: bool
    by: list[str] = field(default_factory=list)
    seconds: float = 0.0
    exit_code: int = 0


def kit(fault: str, vendor: str, profile: str, target: str) -> Outcome:
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "mutants.launch", fault, "contract", vendor, "--profile", profile]
        command += ["--target", target, "--junit", scratch]
        started = time.monotonic()
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
        seconds = time.monotonic() - started
        report = Path(scratch) / "lmskit-contracts.xml"
        by = _junit_failures(report) if report.is_file() else []
    if done.returncode not in (0, 1):
        by = by or [f"exit {done.returncode}: " + (done.stderr.strip().splitlines() or ["?"])[-1]]
    return Outcome(done.returncode != 0, by, seconds, done.returncode)


def _junit_failures(path: Path) -> list[str]:
    """The failed checks (``LMS101 Write not shown by the next read``), and the plain tests that failed."""
    checks: list[str] = []
    tests: list[str] = []
    with_checks: set[str] = set()
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        if case.find("failure") is None and case.find("error") is None:
            continue
        name = case.get("name", "")
        label, separator, check = name.partition(" · ")
        if separator:
            with_checks.add(label)
            if check not in checks:
                checks.append(check)
        else:
            tests.append(name)
    return checks + [name for name in tests if name not in with_checks]


def plain(fault: str, vendor: str) -> Outcome:
    command = [sys.executable, "-m", "mutants.launch", fault, "plain", vendor]
    started = time.monotonic()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    by = sorted(set(_PLAIN_CHECK.findall(done.stdout)))
    return Outcome(done.returncode != 0, by, time.monotonic() - started, done.returncode)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m mutants.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default="quick", choices=("quick", "thorough"))
    parser.add_argument("--target", default="fake", choices=("fake", "served"), help="the kit's target")
    parser.add_argument("--no-plain", action="store_true", help="leave out plain schemathesis")
    parser.add_argument("--only", action="append", default=[], help="only this fault (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    options = parser.parse_args(argv)
    faults = [fault for fault in FAULTS if not options.only or fault.name in options.only]
    unknown = set(options.only) - {fault.name for fault in FAULTS}
    if unknown:
        parser.error(f"no fault named {', '.join(sorted(unknown))}")
    vendors = sorted({fault.vendor for fault in faults}, key=VENDORS.index)
    baseline_ok = True
    for vendor in vendors:
        clean = kit("none", vendor, options.profile, options.target)
        line = f"baseline {vendor}: kit {'FAILS' if clean.killed else 'passes'} ({clean.seconds:.0f} s)"
        if not options.no_plain:
            clean_plain = plain("none", vendor)
            line += f", plain schemathesis {'FAILS' if clean_plain.killed else 'passes'} ({clean_plain.seconds:.0f} s)"
            baseline_ok = baseline_ok and not clean_plain.killed
        baseline_ok = baseline_ok and not clean.killed
        print(line, flush=True)
    rows = []
    for fault in faults:
        ours = kit(fault.name, fault.vendor, options.profile, options.target)
        theirs = None if options.no_plain else plain(fault.name, fault.vendor)
        rows.append((fault, ours, theirs))
        print(_row(fault, ours, theirs), flush=True)
    print()
    print(_table(rows, options.profile))
    if options.json is not None:
        data = [
            {"fault": asdict_fault(fault), "kit": asdict(ours), "plain": asdict(theirs) if theirs else None}
            for fault, ours, theirs in rows
        ]
        options.json.write_text(json.dumps({"profile": options.profile, "results": data}, indent=2) + "\n")
    return 0 if baseline_ok else 1


def asdict_fault(fault: Fault) -> dict[str, str]:
    return {"name": fault.name, "vendor": fault.vendor, "kind": fault.kind, "story": fault.story}


def _mark(outcome: Outcome | None) -> str:
    if outcome is None:
        return "-"
    if not outcome.killed:
        return "survived"
    return "killed by " + "; ".join(outcome.by[:3]) if outcome.by else "killed"


def _row(fault: Fault, ours: Outcome, theirs: Outcome | None) -> str:
    return f"{fault.name:28} kit: {_mark(ours)} ({ours.seconds:.0f} s) | plain: {_mark(theirs)}"


def _table(rows: list[tuple[Fault, Outcome, Outcome | None]], profile: str) -> str:
    lines = [
        f"| fault | kind | lmskit contract ({profile}) | plain schemathesis run |",
        "|---|---|---|---|",
    ]
    for fault, ours, theirs in rows:
        lines.append(f"| `{fault.name}` | {fault.kind} | {_mark(ours)} | {_mark(theirs)} |")
    total = len(rows)
    ours_killed = sum(ours.killed for _, ours, _ in rows)
    lines.append("")
    lines.append(
        f"lmskit contract ({profile}): {ours_killed}/{total} killed ({100 * ours_killed / max(total, 1):.0f} %)"
    )
    if rows and rows[0][2] is not None:
        theirs_killed = sum(bool(theirs and theirs.killed) for _, _, theirs in rows)
        lines.append(
            f"plain schemathesis run: {theirs_killed}/{total} killed ({100 * theirs_killed / max(total, 1):.0f} %)"
        )
    return "\n".join(lines)


def _rate(killed: int, total: int) -> str:
    return f"{killed}/{total} killed ({100 * killed / max(total, 1):.0f} %)"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
