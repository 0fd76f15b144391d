"""Walking the operations of an OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lmskit.spec.pointers import join_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    pointer: str
    definition: dict[str, Any]
    path_item: dict[str, Any]

    @property
    def operation_id(self) -> str | None:
        value = self.definition.get("operationId")
        return value if isinstance(value, str) else None

    @property
    def label(self) -> str:
        """``GET /registrations/{id}``."""
        return f"{self.method.upper()} {self.path}"


def iter_operations(document: dict[str, Any]) -> Iterator[Operation]:
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            definition = item.get(method)
            if isinstance(definition, dict):
                yield Operation(method, str(path), join_pointer("/paths", str(path), method), definition, item)
