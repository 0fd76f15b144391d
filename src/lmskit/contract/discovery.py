"""Real ids for a read-only run against a tenant, found before it starts.

Random ids earn 404s from a real tenant, so a run could pass having checked almost nothing. The spec's links
already say which list feeds which parameter (``GET /myenrollments`` gives ``courseId``); the list operations
that need no unknown path parameter are called once each, in rounds, until nothing new turns up. A field of the
first listed item named like a wanted path parameter (``userId``) counts too. Every request goes through the
run's target, so it is counted against the budget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from lmskit.spec.api import Api
from lmskit.spec.links import Link, evaluate, read_links
from lmskit.spec.operations import Operation

# (method, path, headers, json) → response: the run's Target.send
Send = Callable[[str, str, dict[str, str], Any], httpx.Response]

MAX_ROUNDS = 4


@dataclass
class Discovery:
    values: dict[str, Any] = field(default_factory=dict)  # path parameter → a real value
    sources: dict[str, str] = field(default_factory=dict)  # path parameter → the operation it came from
    requests: int = 0


def discover_ids(
    api: Api,
    operations: list[Operation],
    send: Send,
    credential_headers: Callable[[], dict[str, str]],
    pinned: Mapping[str, Any],
) -> Discovery:
    found = Discovery()
    known: dict[str, Any] = dict(pinned)
    wanted = {
        parameter.name
        for operation in operations
        for parameter in api.request_shape(operation).parameters
        if parameter.location == "path"
    } - set(known)
    selected = {operation.label for operation in operations}
    links = [link for link in read_links(api.document) if link.source.label in selected]
    sources = [operation for operation in operations if operation.method == "get"]
    called: set[str] = set()
    for _ in range(MAX_ROUNDS):
        progress = False
        for source in sources:
            path_names = [p.name for p in api.request_shape(source).parameters if p.location == "path"]
            if source.label in called or any(name not in known for name in path_names):
                continue
            if not (wanted - set(known)):
                return found
            called.add(source.label)
            request_path = {name: known[name] for name in path_names}
            path = source.path
            for name, value in request_path.items():
                path = path.replace("{" + name + "}", str(value))
            headers = {**api.request_shape(source).default_headers(), **credential_headers()}
            response = send("GET", path, headers, None)
            found.requests += 1
            if not 200 <= response.status_code < 300:
                continue
            try:
                body = response.json()
            except ValueError:
                continue
            for name, value in id_candidates(links, source, request_path, body, wanted):
                if name in wanted and name not in known and usable_id(value):
                    known[name] = found.values[name] = value
                    found.sources[name] = source.label
                    progress = True
        if not progress:
            break
    return found


def id_candidates(
    links: Sequence[Link], source: Operation, request_path: Mapping[str, Any], body: Any, wanted: Iterable[str]
) -> list[tuple[str, Any]]:
    """(path parameter, value) pairs a 2xx answer of ``source`` offers: through the spec's links from it, then
    from fields of its first item named like a wanted parameter (``userId``). Not yet checked with usable_id."""
    found: list[tuple[str, Any]] = []
    for link in links:
        if link.source.label == source.label and link.status.startswith("2"):
            found += [(name, evaluate(expression, dict(request_path), body)) for name, expression in link.parameters]
    item = first_item(body)
    return found + [(name, item.get(name)) for name in sorted(wanted)]


def usable_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) != ""


def first_item(body: Any) -> dict[str, Any]:
    """The first object a list answer holds: the body's first element, or the first element of its collection."""
    if isinstance(body, list):
        return body[0] if body and isinstance(body[0], dict) else {}
    if isinstance(body, dict):
        for value in body.values():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                return value[0]
        return body
    return {}
