"""What each vendor's fake supplies to the shared machinery; everything else is read from its spec."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.spec.operations import Operation


@dataclass(frozen=True, slots=True)
class Call:
    """One validated request as a handler sees it."""

    operation: Operation
    path: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    body: Any
    store: Store
    principals: Mapping[str, Any]  # security scheme name → what the vendor's verify() returned
    base_url: str  # scheme://host[:port] + server base path, for next links
    base_path: str  # the server base path alone, for Location headers
    now: datetime
    options: Mapping[str, Any]
    # The fake's signing key, for what it hands out and must get back unchanged (opaque cursors).
    secret: bytes = field(default=b"", repr=False)


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    has_body: bool = True

    @classmethod
    def empty(cls, status: int, headers: dict[str, str] | None = None) -> Reply:
        return cls(status, None, headers or {}, has_body=False)


Handler = Callable[[Call], Reply]


@dataclass(frozen=True, slots=True)
class VendorFake:
    """A vendor's behaviour: its state, its handlers (by operationId) and its error body."""

    name: str
    # The vendor's package folder; it holds schema.sql (its tables) and seed.yaml (the built-in seed).
    folder: Path
    handlers: Mapping[str, Handler]
    # (scheme name, credential, store, now) → a principal, or None when the credential is not valid.
    verify: Callable[[str, Any, Store, datetime], Any]
    render_error: Callable[[ApiError], Any]
    # Which documented status a request that breaks the spec gets, by where it breaks it ("query") or by
    # where and which schema keyword ("query.format"); the first status the operation documents wins.
    validation_statuses: Mapping[str, tuple[int, ...]]
    load_seed: Callable[[Store, dict[str, Any]], None]
    # The seed's credentials by field name (TOKEN, KEY, SECRET, API_KEY, USERNAME, PASSWORD), the names
    # lmskit.contract.credentials derives from the spec's security schemes.
    credentials: Callable[[dict[str, Any]], dict[str, str]]
    advance: Callable[[Store, dict[str, Any], datetime], Any]
    # The tables ``verify`` reads: an authentication verdict is reused until one of their rows changes.
    credential_tables: tuple[str, ...] = ()
    # The response header that reports the calls left when the fake is rate limited (Bridge documents one).
    rate_limit_header: str | None = None
    # Values the seed holds, named as the spec's parameters and fields name them (``{"program_id": 1}``): where a
    # contract run against the fake starts looking for each operation's success path (lmskit.contract.harvest).
    records: Callable[[dict[str, Any]], list[dict[str, Any]]] = lambda seed: []

    @property
    def schema_sql(self) -> str:
        return (self.folder / "schema.sql").read_text(encoding="utf-8")

    @property
    def default_seed(self) -> Path:
        return self.folder / "seed.yaml"

    def error(self, error: ApiError) -> Any:
        return self.render_error(error)


def not_found(what: str, field_name: str | None = None) -> ApiError:
    return ApiError(404, f"{what} was not found.", field_name, "NotFound")
