"""``--format junit``: one test case per response (classname: vendor and operation), a failure per invalid one.

Test cases are spooled to a temporary file as they arrive and the totals, which JUnit puts first, are
written at the end: memory stays flat however large the capture.
"""

from __future__ import annotations

import tempfile
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from lmskit.validation.drift import DriftItem
from lmskit.validation.results import ISSUES_SHOWN, RunReport, ValidationResult


class JunitReporter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        # Closed in finish(): the reporter outlives any one with-block.
        self._cases = tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8")  # noqa: SIM115

    def __call__(self, result: ValidationResult) -> None:
        name = quoteattr(f"{result.source} [{result.status}]")
        case = f"    <testcase classname={quoteattr(result.group)} name={name}"
        if result.valid:
            self._cases.write(case + "/>\n")
            return
        errors = result.errors
        text = "\n".join(f"{issue.pointer or '/'}: {issue.message}" for issue in errors[:ISSUES_SHOWN])
        if len(errors) > ISSUES_SHOWN:
            text += f"\n… and {len(errors) - ISSUES_SHOWN} more"
        message = quoteattr(errors[0].message)
        self._cases.write(f"{case}>\n      <failure message={message}>{escape(text)}</failure>\n    </testcase>\n")

    def finish(self, report: RunReport, drift: list[DriftItem] | None = None) -> None:
        totals = f'tests="{report.responses}" failures="{report.invalid}"'
        self.stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
        self.stream.write(f'<testsuites name="lmskit validate" {totals}>\n')
        self.stream.write(f'  <testsuite name="lmskit validate" {totals} skipped="0">\n')
        self._cases.seek(0)
        while chunk := self._cases.read(1 << 20):
            self.stream.write(chunk)
        self._cases.close()
        self.stream.write("  </testsuite>\n</testsuites>\n")
