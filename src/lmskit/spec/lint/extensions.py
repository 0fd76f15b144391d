"""The kit's instructions to contract runs: ``info.x-lmskit-contract`` and a scheme's ``x-lmskit-token``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.operations import iter_operations
from lmskit.spec.paging import check_paging_extensions
from lmskit.spec.pointers import join_pointer
from lmskit.spec.promises import check_promise_extensions

_CONTRACT_KEYS = {"state-rejection-statuses", "auth-probe", "why"}


def check_extensions(spec: Spec) -> Iterator[Problem]:
    operation_ids = {op.operation_id for op in iter_operations(spec.document)}
    contract = (spec.document.get("info") or {}).get("x-lmskit-contract")
    if contract is not None:
        yield from _check_contract(contract, "/info/x-lmskit-contract", operation_ids)
    schemes = (spec.document.get("components") or {}).get("securitySchemes") or {}
    for name, scheme in schemes.items():
        if isinstance(scheme, dict) and "x-lmskit-token" in scheme:
            pointer = join_pointer("/components/securitySchemes", name, "x-lmskit-token")
            yield from _check_token(scheme["x-lmskit-token"], pointer, operation_ids)


def _check_contract(contract: Any, pointer: str, operation_ids: set[str | None]) -> Iterator[Problem]:
    if not isinstance(contract, dict):
        yield Problem(
            pointer,
            "x-lmskit-contract is not a mapping",
            "write `{state-rejection-statuses: [...], auth-probe: {...}}`",
        )
        return
    for key in contract:
        if key not in _CONTRACT_KEYS:
            yield Problem(
                join_pointer(pointer, key),
                f"x-lmskit-contract has an unknown key {key!r}",
                f"use {', '.join(sorted(_CONTRACT_KEYS))}",
            )
    statuses = contract.get("state-rejection-statuses", [])
    if not isinstance(statuses, list) or not all(isinstance(s, int) and 400 <= s < 500 for s in statuses):
        yield Problem(
            join_pointer(pointer, "state-rejection-statuses"),
            "state-rejection-statuses must list 4xx status codes",
            "write e.g. `[400, 422]`: the statuses the vendor documents for well-formed requests that break a rule",
        )
    elif statuses and not contract.get("why"):
        yield Problem(
            pointer, "state-rejection-statuses without a `why`", "say which documented rules answer with them"
        )
    probe = contract.get("auth-probe")
    if probe is not None and (not isinstance(probe, dict) or probe.get("operationId") not in operation_ids):
        yield Problem(
            join_pointer(pointer, "auth-probe"),
            f"auth-probe names no operation of this spec ({probe!r})",
            "write `{operationId: <a GET operation>, parameters: {...}}`",
        )


def _check_token(token: Any, pointer: str, operation_ids: set[str | None]) -> Iterator[Problem]:
    if not isinstance(token, dict) or token.get("operationId") not in operation_ids:
        yield Problem(
            pointer,
            "x-lmskit-token names no operation of this spec",
            "write `{operationId: authenticate, body: {...}}`",
        )


def check_paging(spec: Spec) -> Iterator[Problem]:
    """``x-lmskit-pagination``, ``x-lmskit-rate-limit`` and ``x-lmskit-retry-safe`` (lmskit.spec.paging)."""
    for pointer, problem in check_paging_extensions(spec.document):
        yield Problem(pointer, problem, "see lmskit/spec/paging.py for the extension's shape")


def check_promises(spec: Spec) -> Iterator[Problem]:
    """``x-lmskit-filter`` and ``x-lmskit-expect`` (lmskit.spec.promises)."""
    for pointer, problem in check_promise_extensions(spec.document):
        yield Problem(pointer, problem, "see lmskit/spec/promises.py for the extension's shape")
