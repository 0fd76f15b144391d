"""One vendor's API as every stage sees it: the spec with the user's overlays applied, and what follows from it
(operations, router, servers, security, request and response shapes, compiled schema validators).

It is built once (``load_api``) and handed to the generator, the fakes, the contract run and the validator,
so an overlay reaches all of them by construction and no stage reads the spec's meaning on its own.

    api = load_api("absorb", overlays=[Path("acme-absorb.yaml")])
    api.operation("getCourseEnrollment").label        # 'GET /enrollments/{id}'
    api.security.environment_names("absorb")          # ('LMSKIT_ABSORB_API_KEY', 'LMSKIT_ABSORB_USERNAME', …)
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lmskit.errors import OperationNotFound
from lmskit.spec.closed import close_document
from lmskit.spec.loader import Spec, load_spec
from lmskit.spec.operations import Operation, iter_operations
from lmskit.spec.overlay import Overlay, apply_overlays, load_overlay
from lmskit.spec.parameters import RequestShape, read_request_shape
from lmskit.spec.responses import ResponseShape, read_response_shape
from lmskit.spec.router import Router
from lmskit.spec.schemas import SchemaValidators
from lmskit.spec.security import Security, read_security
from lmskit.spec.servers import Server, base_paths, read_servers


@dataclass(frozen=True, eq=False)
class Api:
    vendor: str
    spec: Spec  # with the overlays applied; positions name the overlay for the nodes it added
    overlays: tuple[Overlay, ...] = ()
    _requests: dict[str, RequestShape] = field(default_factory=dict, init=False, repr=False)
    _responses: dict[tuple[str, int], ResponseShape | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def document(self) -> dict[str, Any]:
        return self.spec.document

    @property
    def title(self) -> str:
        return self.spec.title

    @cached_property
    def fingerprint(self) -> str:
        """sha256 of the spec text and every overlay applied to it, in order: what a recording was made against."""
        digest = hashlib.sha256(self.spec.text.encode())
        for overlay in self.overlays:
            digest.update(b"\0" + overlay.source.text.encode())
        return digest.hexdigest()

    @cached_property
    def operations(self) -> dict[str, Operation]:
        """By operationId, in document order."""
        return {op.operation_id: op for op in iter_operations(self.document) if op.operation_id}

    @cached_property
    def router(self) -> Router:
        return Router(self.document)

    @cached_property
    def servers(self) -> tuple[Server, ...]:
        return read_servers(self.document)

    @cached_property
    def base_paths(self) -> tuple[str, ...]:
        return base_paths(self.servers) or ("",)

    @property
    def default_base_path(self) -> str:
        """The first declared server's base path: where a fake serves this API."""
        return self.servers[0].base_path if self.servers else ""

    @cached_property
    def security(self) -> Security:
        return read_security(self.document)

    @cached_property
    def validators(self) -> SchemaValidators:
        return SchemaValidators(self.document)

    @cached_property
    def closed_validators(self) -> SchemaValidators:
        """Validators that also refuse undocumented properties (see lmskit.spec.closed)."""
        return SchemaValidators(close_document(self.document))

    @cached_property
    def contract(self) -> dict[str, Any]:
        """``info.x-lmskit-contract``: state-rejection statuses and the auth probe."""
        info = self.document.get("info")
        found = info.get("x-lmskit-contract") if isinstance(info, dict) else None
        return dict(found) if isinstance(found, dict) else {}

    def request_shape(self, operation: Operation) -> RequestShape:
        shape = self._requests.get(operation.pointer)
        if shape is None:
            shape = self._requests[operation.pointer] = read_request_shape(self.document, operation)
        return shape

    def response_shape(self, operation: Operation, status: int) -> ResponseShape | None:
        key = (operation.pointer, status)
        if key not in self._responses:
            self._responses[key] = read_response_shape(self.document, operation, status)
        return self._responses[key]

    def operation(self, name: str) -> Operation:
        """An operationId or ``"METHOD /path/template"``; an unknown name lists the closest ones."""
        if name in self.operations:
            return self.operations[name]
        method, _, path = name.partition(" ")
        for operation in self.operations.values():
            if operation.method.upper() == method.upper() and operation.path == path.strip():
                return operation
        labels = list(self.operations) + [op.label for op in self.operations.values()]
        close = difflib.get_close_matches(name, labels, n=3, cutoff=0.4)
        hint = f"did you mean {', '.join(close)}?" if close else f"run `lmskit operations {self.vendor}` for the list"
        raise OperationNotFound(f"{self.vendor} has no operation {name!r}; {hint}")

    def from_overlay(self, pointer: str) -> bool:
        """Whether the node at ``pointer`` was put there by an overlay."""
        return bool(self.overlays) and self.spec.source_of(pointer) != self.spec.path


def load_api(vendor: str, overlays: Sequence[Path | Overlay] = (), spec_path: Path | None = None) -> Api:
    """The vendor's shipped spec (or ``spec_path``) with ``overlays`` applied in order."""
    from lmskit.vendors import get_vendor

    spec = load_spec(spec_path or get_vendor(vendor).spec_path)
    loaded = tuple(item if isinstance(item, Overlay) else load_overlay(item) for item in overlays)
    return Api(vendor, apply_overlays(spec, loaded), loaded)
