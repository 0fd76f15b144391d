"""What validation found, per exchange and for a whole run, with its stable JSON shape."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lmskit.validation.engine import ERROR, WARNING, Issue

# Issues listed per result in full; a response with 5,000 violations is summarised, not printed whole.
ISSUES_SHOWN = 10


@dataclass(frozen=True, slots=True)
class ValidationResult:
    source: str
    vendor: str | None
    operation: str | None  # "getRegistration (GET /registrations/{id})"
    status: int
    issues: tuple[Issue, ...] = ()
    body: Any = field(default=None, repr=False, compare=False)
    schema_pointer: str | None = None  # of the response schema, for the drift report

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == WARNING]

    @property
    def expected(self) -> list[Issue]:
        """Violations a fixture's sidecar records (vendor-doc errata reproduced as they should be)."""
        return [issue for issue in self.issues if issue.severity == "expected"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def without_body(self) -> ValidationResult:
        """The same result without the response body, for keeping (a capture's bodies must not pile up)."""
        return ValidationResult(
            self.source, self.vendor, self.operation, self.status, self.issues, None, self.schema_pointer
        )

    @property
    def group(self) -> str:
        """``absorb getCourseEnrollment (GET /enrollments/{id})``: what reports group results by."""
        if self.vendor is None and self.expected:
            return "fixtures with recorded errata"
        return f"{self.vendor or '?'} {self.operation or '(no documented operation)'}"

    def to_json(self, max_issues: int = ISSUES_SHOWN) -> dict[str, Any]:
        """The stable JSON shape; past ``max_issues`` of a kind, the rest are counted in ``more_<kind>``."""
        found: dict[str, Any] = {
            "source": self.source,
            "vendor": self.vendor,
            "operation": self.operation,
            "status": self.status,
            "valid": self.valid,
        }
        for kind, issues in (("errors", self.errors), ("warnings", self.warnings), ("expected", self.expected)):
            found[kind] = [_issue_json(issue) for issue in issues[:max_issues]]
            if len(issues) > max_issues:
                found[f"more_{kind}"] = len(issues) - max_issues
        return found


def _issue_json(issue: Issue) -> dict[str, Any]:
    return {"pointer": issue.pointer, "schema_path": issue.schema_path, "message": issue.message, "kind": issue.kind}


@dataclass(frozen=True, slots=True)
class Skipped:
    """An exchange with a host no vendor spec names."""

    source: str
    reason: str
    host: str = ""


@dataclass(frozen=True, slots=True)
class NotCovered:
    """A call to a vendor's host on a path its spec does not describe (users, courses, …): counted, not judged."""

    source: str
    vendor: str
    method: str
    path: str  # relative to the base path

    @property
    def route(self) -> str:
        """``GET /api/author/course_templates/{id}/enrollments``: ids folded so calls group."""
        return f"{self.method} {_ID_SEGMENT.sub('/{id}', self.path)}"


_ID_SEGMENT = re.compile(
    r"/(?:\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32})(?=/|$)"
)


@dataclass
class RunReport:
    """A running summary of a validation run: counts, never the results themselves, so memory stays flat
    whatever the size of the capture. Reporters see each result as it goes past (lmskit.reporting)."""

    files: int = 0
    valid: int = 0
    invalid: int = 0
    warnings: int = 0
    skipped: int = 0
    skipped_hosts: Counter[str] = field(default_factory=Counter)
    not_covered: Counter[tuple[str, str]] = field(default_factory=Counter)  # (vendor, route) → calls
    operations: dict[str, list[int]] = field(default_factory=dict)  # "vendor operation" → [valid, invalid]
    # Files found in a folder that are no capture (an unrelated JSON file): (file, why), a finding each.
    unusable: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, result: ValidationResult) -> None:
        counts = self.operations.setdefault(result.group, [0, 0])
        if result.valid:
            self.valid += 1
            counts[0] += 1
        else:
            self.invalid += 1
            counts[1] += 1
        self.warnings += len(result.warnings)

    def skip(self, skipped: Skipped) -> None:
        self.skipped += 1
        self.skipped_hosts[skipped.host] += 1

    def uncover(self, call: NotCovered) -> None:
        self.not_covered[(call.vendor, call.route)] += 1

    @property
    def responses(self) -> int:
        return self.valid + self.invalid

    @property
    def not_covered_calls(self) -> int:
        return sum(self.not_covered.values())

    def not_covered_routes(self) -> list[tuple[str, str, int]]:
        """(vendor, route, calls), most called first."""
        return [(vendor, route, calls) for (vendor, route), calls in self.not_covered.most_common()]

    def counts_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "valid": self.valid,
            "invalid": self.invalid,
            "skipped": self.skipped,
            "not_covered": [
                {"vendor": vendor, "route": route, "calls": calls} for vendor, route, calls in self.not_covered_routes()
            ],
            "unusable": [{"file": path, "why": why} for path, why in self.unusable],
        }
