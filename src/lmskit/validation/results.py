"""What validation found, per exchange and for a whole run, with its stable JSON shape."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lmskit.validation.engine import ERROR, WARNING, Issue


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

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "vendor": self.vendor,
            "operation": self.operation,
            "status": self.status,
            "valid": self.valid,
            "errors": [_issue_json(issue) for issue in self.errors],
            "warnings": [_issue_json(issue) for issue in self.warnings],
            "expected": [_issue_json(issue) for issue in self.expected],
        }


def _issue_json(issue: Issue) -> dict[str, Any]:
    return {"pointer": issue.pointer, "schema_path": issue.schema_path, "message": issue.message, "kind": issue.kind}


@dataclass(frozen=True, slots=True)
class Skipped:
    """An exchange with a host no vendor spec names."""

    source: str
    reason: str


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
    files: int = 0
    results: list[ValidationResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_covered: list[NotCovered] = field(default_factory=list)

    def not_covered_routes(self) -> list[tuple[str, str, int]]:
        """(vendor, route, calls), most called first."""
        counts = Counter((item.vendor, item.route) for item in self.not_covered)
        return [(vendor, route, count) for (vendor, route), count in counts.most_common()]

    @property
    def valid(self) -> int:
        return sum(1 for result in self.results if result.valid)

    @property
    def invalid(self) -> int:
        return len(self.results) - self.valid

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "valid": self.valid,
            "invalid": self.invalid,
            "skipped": len(self.skipped),
            "not_covered": [
                {"vendor": vendor, "route": route, "calls": calls} for vendor, route, calls in self.not_covered_routes()
            ],
            "results": [result.to_json() for result in self.results],
        }
