"""``lmskit lint``: structural validation plus the kit's own rules, each finding with a place and a fix.

Rules are plain functions ``(spec) -> Iterator[Problem]`` listed once in ``RULES``; one rule family per
module.
"""

from __future__ import annotations

from dataclasses import dataclass

from lmskit.spec.lint import (
    errata,
    examples,
    extensions,
    links,
    operations,
    redaction,
    references,
    responses,
    structure,
)
from lmskit.spec.lint._problem import Problem, Rule
from lmskit.spec.loader import Spec, display_path

RULES: tuple[Rule, ...] = (
    Rule("yaml", "duplicate mapping keys (YAML keeps only the last)", structure.check_duplicate_keys),
    Rule("refs", "every $ref resolves inside the file", references.check_refs),
    Rule("structure", "the OpenAPI 3.1 schema (openapi-spec-validator)", structure.check_structure, needs_refs=True),
    Rule("operation", "operationId, summary and tags on every operation", operations.check_metadata),
    Rule("path-params", "path template and path parameters agree", operations.check_path_parameters),
    Rule("success-schema", "every 2xx JSON response has a schema", responses.check_success_schemas),
    Rule(
        "examples",
        "every example validates against its schema, formats included",
        examples.check_examples,
        needs_refs=True,
    ),
    Rule("links", "links name existing operations and their parameters", links.check_links),
    Rule("errata", "x-lmskit-errata and x-lmskit-confidence are well-formed", errata.check_annotations),
    Rule(
        "extensions",
        "x-lmskit-contract and x-lmskit-token name real operations and statuses",
        extensions.check_extensions,
    ),
    Rule(
        "paging",
        "x-lmskit-pagination, x-lmskit-rate-limit and x-lmskit-retry-safe are well-formed",
        extensions.check_paging,
    ),
    Rule(
        "promises",
        "x-lmskit-filter sits on query parameters and x-lmskit-expect on links, both well-formed",
        extensions.check_promises,
    ),
    Rule(
        "redaction",
        "x-lmskit-personal names a known kind; x-lmskit-safe is a reason, never beside personal or password",
        redaction.check_redaction,
    ),
)


@dataclass(frozen=True, slots=True)
class LintFinding:
    """A problem in a spec, with its place in the file and a fix."""

    rule: str
    path: str
    line: int | None
    column: int | None
    pointer: str
    message: str
    hint: str

    @property
    def location(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location}: [{self.rule}] {self.message}; {self.hint}"


def lint_spec(spec: Spec) -> list[LintFinding]:
    """Every finding of every rule, in file order."""
    findings: list[LintFinding] = []
    unresolved_refs = False
    for rule in RULES:
        if rule.needs_refs and unresolved_refs:
            continue
        for problem in rule.check(spec):
            findings.append(_finding(spec, rule.name, problem))
            unresolved_refs = unresolved_refs or rule.name == "refs"
    return sorted(
        findings, key=lambda f: (f.path != display_path(spec.path), f.path, f.line or 0, f.column or 0, f.rule)
    )


def _finding(spec: Spec, rule: str, problem: Problem) -> LintFinding:
    position = problem.position or spec.position_of(problem.pointer)
    # A node an overlay added is reported at the overlay's own line.
    source = position.source if position is not None and position.source is not None else spec.path
    return LintFinding(
        rule=rule,
        path=display_path(source),
        line=position.line if position else None,
        column=position.column if position else None,
        pointer=problem.pointer,
        message=problem.message,
        hint=problem.hint,
    )


__all__ = ["RULES", "LintFinding", "Problem", "Rule", "lint_spec"]
