"""What validation found, per exchange and for a whole run, with its stable JSON shape."""

from __future__ import annotations

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
    source: str
    reason: str


@dataclass
class RunReport:
    files: int = 0
    results: list[ValidationResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

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
            "results": [result.to_json() for result in self.results],
        }
