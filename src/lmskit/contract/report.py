"""How a contract run reads: a line per finished operation, a failure report a person reads in ten seconds, a
summary per vendor, and JUnit with a test case per operation and per failing check.

Everything here is built from ``stats`` (plain data the run already redacted) and passes ``KnownSecrets.scrub``
once more on the way out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from lmskit.contract.stats import CheckFailure, OperationStats, VendorStats
from lmskit.redaction.secrets import KnownSecrets

# A failure's details and the response excerpt are cut to this many lines / characters.
DETAIL_LINES = 14
EXCERPT_CHARS = 400

_MARKS = {"passed": "ok", "failed": "FAILED", "error": "ERROR", "skipped": "skipped", "not run": "not run"}


def progress_line(vendor: str, stats: OperationStats) -> str:
    """``absorb  ok      GET /users/{userId}/enrollments  42 cases, 31 2xx checked, 0.8 s``."""
    mark = "UNCHECKED" if stats.detail.startswith("not checked") else _MARKS.get(stats.outcome, stats.outcome)
    parts = [f"{stats.cases} case{'' if stats.cases == 1 else 's'}"]
    if stats.cases and stats.expects_2xx:
        parts.append(f"{stats.checked_2xx} 2xx checked")
    parts.append(f"{stats.seconds:.1f} s")
    if stats.failures:
        parts.append(f"{len(stats.failures)} failing check{'s' if len(stats.failures) > 1 else ''}")
    text = f"{vendor:<12} {mark:<7} {stats.label}  " + ", ".join(parts)
    if stats.detail.startswith("not checked"):
        text += f"  ({stats.detail})"
    return text


def excerpt(text: str, limit: int = 160) -> str:
    """A response text on one line, cut to ``limit`` characters: what a one-line error quotes of an answer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def not_checked_reason(stats: OperationStats) -> str:
    """``no 2xx among 74 answers (404: 40, 422: 30, 401: 4): its success path was never checked``."""
    if not stats.cases:
        return "no request was sent, so its success path was never checked"
    seen = ", ".join(f"{status}: {count}" for status, count in stats.statuses.most_common(4))
    return f"no 2xx among {stats.cases} answers ({seen}): its success path was never checked"


def failure_text(failure: CheckFailure, seed: int) -> str:
    """The report of one failed check: operation, check, expected vs seen, the response, the reproduction."""
    lines = [f"{failure.operation} — {failure.check}"]
    details = failure.details.strip().splitlines()
    if len(details) > DETAIL_LINES:
        details = [*details[:DETAIL_LINES], f"… ({len(details) - DETAIL_LINES} more lines)"]
    lines += [f"    {line}" if line else "" for line in details]
    if failure.status is not None:
        excerpt = failure.response_excerpt
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[:EXCERPT_CHARS] + "…"
        lines.append(f"  response: {failure.status}" + (f" {excerpt}" if excerpt else ""))
    if failure.curl:
        lines.append(f"  reproduce: {failure.curl}")
    lines.append(f"  seed: {seed} (rerun: --seed {seed} --include '{failure.operation}')")
    return "\n".join(lines)


def operation_failure_text(stats: OperationStats, seed: int, fallback: str = "") -> str:
    """Every failed check of one operation; ``fallback`` (one line) when the test failed some other way."""
    if stats.failures:
        return "\n\n".join(failure_text(failure, seed) for failure in stats.failures.values())
    return fallback


def write_junit(path: Path, runs: Iterable[VendorStats], redactor: KnownSecrets) -> None:
    """One ``testsuite`` per vendor; a ``testcase`` per operation, and one more per failing check within it."""
    root = ElementTree.Element("testsuites", name="lmskit contract")
    for stats in runs:
        suite = ElementTree.SubElement(root, "testsuite", name=f"{stats.vendor}", hostname=stats.target)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        total_time = 0.0
        for part in stats.parts():
            if part is stats.workflows and part.outcome == "not run" and not part.cases:
                continue
            counts["tests"] += 1
            total_time += part.seconds
            case = ElementTree.SubElement(
                suite, "testcase", classname=stats.vendor, name=part.label, time=f"{part.seconds:.3f}"
            )
            out = f"{part.cases} cases, {part.checked_2xx} 2xx responses checked"
            ElementTree.SubElement(case, "system-out").text = redactor.scrub(out)
            if part.outcome == "failed" and not part.failures:
                counts["failures"] += 1
                failure = ElementTree.SubElement(case, "failure", message=redactor.scrub(part.label))
                failure.text = redactor.scrub(_detail_of(part))
            elif part.outcome == "error":
                counts["errors"] += 1
                ElementTree.SubElement(case, "error", message=redactor.scrub(_detail_of(part)))
            elif part.outcome in ("skipped", "not run"):
                counts["skipped"] += 1
                reason = stats.stopped or part.detail or part.outcome
                ElementTree.SubElement(case, "skipped", message=redactor.scrub(reason))
            for check in part.failures.values():
                counts["tests"] += 1
                counts["failures"] += 1
                check_case = ElementTree.SubElement(
                    suite, "testcase", classname=stats.vendor, name=f"{part.label} · {check.check}"
                )
                element = ElementTree.SubElement(
                    check_case, "failure", message=redactor.scrub(f"{check.check}: {_first_line(check.details)}")
                )
                element.text = redactor.scrub(failure_text(check, stats.seed))
            if part.outcome == "failed" and part.failures:
                # The operation's own case fails too, so a reader of either sees it.
                counts["failures"] += 1
                element = ElementTree.SubElement(case, "failure", message=f"{len(part.failures)} failing check(s)")
                element.text = redactor.scrub(operation_failure_text(part, stats.seed))
        for name, value in counts.items():
            suite.set(name, str(value))
        suite.set("time", f"{total_time:.3f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _detail_of(stats: OperationStats) -> str:
    return stats.detail or stats.outcome


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return textwrap.shorten(line.strip(), 200)
    return ""
