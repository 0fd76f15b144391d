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
    names: dict[str, str]  # regex group name → the template's parameter name


@dataclass(frozen=True, slots=True)
class _Bucket:
    """The paths with one segment count, as one regex: ``(?:(a)|(b)|…)``, each alternative in a group of its own."""

    pattern: re.Pattern[str]
    # by the index of the alternative's own group (``Match.lastindex``: the outer group closes last): the path,
    # and (group index, parameter name) for each of its parameters
    paths: dict[int, tuple[_CompiledPath, tuple[tuple[int, str], ...]]]

    @classmethod
    def of(cls, paths: list[_CompiledPath], flags: int = 0) -> _Bucket:
        alternatives: list[str] = []
        by_index: dict[int, tuple[_CompiledPath, tuple[tuple[int, str], ...]]] = {}
        next_group = 1
        for compiled in paths:
            own = next_group
            inner = compiled.pattern.pattern[1:-1]  # without ^ and $
            groups = tuple((own + compiled.pattern.groupindex[group], name) for group, name in compiled.names.items())
            # Unnamed groups: the names of one template would clash with another's in a single pattern.
            alternatives.append("(" + re.sub(r"\(\?P<[^>]+>", "(", inner) + ")")
            by_index[own] = (compiled, groups)
            next_group = own + 1 + compiled.pattern.groups
        return cls(re.compile("^(?:" + "|".join(alternatives) + ")$", flags), by_index)


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


def case_insensitive(document: dict[str, Any]) -> bool:
    """Whether the spec says the vendor reads paths and JSON property names without regard to case."""
    info = document.get("info")
    return isinstance(info, dict) and info.get("x-lmskit-case-insensitive") is True


class Router:
    """Finds the operation for a request path relative to the server's base path."""

    def __init__(self, document: dict[str, Any]) -> None:
        by_path: dict[str, dict[str, Operation]] = {}
        for operation in iter_operations(document):
            by_path.setdefault(operation.path, {})[operation.method.upper()] = operation
        compiled = [
            _CompiledPath(
                path,
                compile_path(path),
                sum(1 for s in path.split("/") if s and "{" not in s),
                ops,
                {_group_name(name): name for name in re.findall(r"{([^{}]+)}", path)},
            )
            for path, ops in by_path.items()
        ]
        # More literal segments first: a concrete route beats a templated sibling. A template parameter never
        # spans a "/", so only paths with as many segments can match: bucket them by that count, and join each
        # bucket into one alternation (tried in order, like the list it replaces) so a lookup is one regex match.
        buckets: dict[int, list[_CompiledPath]] = {}
        for item in sorted(compiled, key=lambda c: -c.literal_segments):
            buckets.setdefault(item.template.count("/"), []).append(item)
        # ``info.x-lmskit-case-insensitive``: the vendor routes ``/Authenticate`` as ``/authenticate`` (ASP.NET).
        flags = re.IGNORECASE if case_insensitive(document) else 0
        self._buckets = {count: _Bucket.of(paths, flags) for count, paths in buckets.items()}

    def match(self, method: str, path: str) -> RouteMatch:
        # The most concrete matching path owns the request, as OpenAPI says: GET /enrollments/unenroll is
        # a wrong method on /enrollments/unenroll (405), not an id on /enrollments/{id}.
        bucket = self._buckets.get(path.count("/"))
        found = bucket.pattern.match(path) if bucket is not None else None
        if bucket is None or found is None:
            return RouteMatch(Match.NONE)
        compiled, groups = bucket.paths[found.lastindex or 0]
        params = {name: found.group(index) for index, name in groups}
        operation = compiled.operations.get(method.upper())
        allowed = tuple(compiled.operations)
        if operation is not None:
            return RouteMatch(Match.FULL, operation, params, allowed)
        return RouteMatch(Match.PARTIAL, None, params, allowed)
