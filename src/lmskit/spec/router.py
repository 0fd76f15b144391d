"""(method, path) → operation, the way starlette's router matches: NONE, PARTIAL (path only) or FULL.

Path templates are compiled once; literal segments win over template segments, so
``/enrollments/unenroll`` is not read as ``/enrollments/{id}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lmskit.spec.operations import Operation, iter_operations


class Match(Enum):
    NONE = 0
    PARTIAL = 1  # the path exists, the method does not: answer 405 with Allow
    FULL = 2


@dataclass(frozen=True, slots=True)
class RouteMatch:
    match: Match
    operation: Operation | None = None
    path_params: dict[str, str] = field(default_factory=dict)
    allowed_methods: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _CompiledPath:
    template: str
    pattern: re.Pattern[str]
    literal_segments: int
    operations: dict[str, Operation]


def compile_path(template: str) -> re.Pattern[str]:
    """``/users/{userId}/enrollments`` → ``^/users/(?P<userId>[^/]+)/enrollments$``."""
    parts = re.split(r"({[^{}]+})", template)
    regex = "".join(
        f"(?P<{_group_name(part[1:-1])}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}$")


def _group_name(name: str) -> str:
    # Regex group names must be identifiers; keep a reversible spelling for names like `program-id`.
    return re.sub(r"\W", lambda m: f"_{ord(m.group()):x}_", name)


class Router:
    """Finds the operation for a request path relative to the server's base path."""

    def __init__(self, document: dict[str, Any]) -> None:
        by_path: dict[str, dict[str, Operation]] = {}
        for operation in iter_operations(document):
            by_path.setdefault(operation.path, {})[operation.method.upper()] = operation
        compiled = [
            _CompiledPath(path, compile_path(path), sum(1 for s in path.split("/") if s and "{" not in s), ops)
            for path, ops in by_path.items()
        ]
        # More literal segments first: a concrete route beats a templated sibling.
        self._paths = sorted(compiled, key=lambda c: -c.literal_segments)

    def match(self, method: str, path: str) -> RouteMatch:
        # The most concrete matching path owns the request, as OpenAPI says: GET /enrollments/unenroll is
        # a wrong method on /enrollments/unenroll (405), not an id on /enrollments/{id}.
        for compiled in self._paths:
            found = compiled.pattern.match(path)
            if found is None:
                continue
            params = {_original_name(compiled.template, key): value for key, value in found.groupdict().items()}
            operation = compiled.operations.get(method.upper())
            allowed = tuple(compiled.operations)
            if operation is not None:
                return RouteMatch(Match.FULL, operation, params, allowed)
            return RouteMatch(Match.PARTIAL, None, params, allowed)
        return RouteMatch(Match.NONE)


def _original_name(template: str, group: str) -> str:
    for name in re.findall(r"{([^{}]+)}", template):
        if _group_name(name) == group:
            return str(name)
    return group
