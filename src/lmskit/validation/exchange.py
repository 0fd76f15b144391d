"""One captured request/response pair, whatever file it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Exchange:
    """A response to validate, with what routes it to an operation.

    ``source`` names where it came from for every message: ``capture.har entry 17``, ``resp.json``.
    A bare body has no request; its vendor and operation come from the command line.
    """

    source: str
    status: int
    body: Any = None
    has_body: bool = True
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    method: str | None = None
    url: str | None = None
    vendor: str | None = None
    operation: str | None = None  # operationId or "METHOD /path/template"

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")
