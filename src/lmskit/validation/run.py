"""Validating exchanges: route each to its operation, check it, collect the results.

``validate(vendor, operation, status, body)`` is the library entry point; the CLI uses the same Engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from lmskit.errors import InputError
from lmskit.spec.loader import load_spec
from lmskit.validation.engine import Issue, ResponseChecker, VendorSpec
from lmskit.validation.exchange import Exchange
from lmskit.validation.expectations import expectation_for, judge
from lmskit.validation.results import RunReport, Skipped, ValidationResult
from lmskit.validation.routing import ExchangeRouter, Routed, VendorRouter
from lmskit.validation.sources import BareTarget, exchanges_of, iter_inputs
from lmskit.vendors import VENDORS, get_vendor


class Engine:
    """Specs, routers and compiled validators for every vendor, built once."""

    def __init__(self, *, strict: bool = False, default_vendor: str | None = None) -> None:
        if default_vendor is not None:
            get_vendor(default_vendor)
        self.specs = {name: VendorSpec(name, load_spec(vendor.spec_path)) for name, vendor in VENDORS.items()}
        self.routers = {name: VendorRouter(name, spec.document) for name, spec in self.specs.items()}
        self.exchange_router = ExchangeRouter(self.routers, default_vendor)
        self.checker = ResponseChecker(self.specs, strict=strict)
        self._labels: dict[str, str] = {}

    def validate_exchange(self, exchange: Exchange) -> ValidationResult | Skipped:
        if exchange.operation is not None:
            vendor = exchange.vendor or ""
            get_vendor(vendor)
            routed: Any = Routed(vendor, self.routers[vendor].operation(exchange.operation))
        elif exchange.url and exchange.method:
            routed = self.exchange_router.route(exchange.method, exchange.url)
        else:
            raise InputError(
                f"{exchange.source}: no request method and URL to route by; add them, or pass --vendor and --operation"
            )
        if not isinstance(routed, Routed):
            if routed.undocumented:
                issue = Issue("undocumented-operation", routed.reason)
                return ValidationResult(exchange.source, routed.vendor, None, exchange.status, (issue,), exchange.body)
            return Skipped(exchange.source, routed.reason)
        operation = routed.operation
        issues = self.checker.check(
            routed.vendor, operation, exchange.status, exchange.headers, exchange.body, exchange.has_body
        )
        plan = self.checker.plan(routed.vendor, operation, exchange.status)
        schema_pointer = plan.schema_pointer if plan else None
        label = self._labels.get(operation.pointer) or self._labels.setdefault(
            operation.pointer, f"{operation.operation_id} ({operation.label})"
        )
        return ValidationResult(
            exchange.source, routed.vendor, label, exchange.status, tuple(issues), exchange.body, schema_pointer
        )

    def run(
        self, inputs: list[str], bare: BareTarget, observers: Iterable[Callable[[ValidationResult], None]] = ()
    ) -> RunReport:
        """Validate every response in the inputs; observers (the drift report) see each result with its body."""
        report = RunReport()
        watching = list(observers)
        for item in iter_inputs(inputs):
            report.files += 1
            expectation = expectation_for(item) if item is not None else None
            if expectation is not None and item is not None:
                report.results.append(self._judge_fixture(item, expectation, bare))
                continue
            for exchange in exchanges_of(item, bare):
                outcome = self.validate_exchange(exchange)
                if isinstance(outcome, Skipped):
                    report.skipped.append(outcome)
                    continue
                for observer in watching:
                    observer(outcome)
                report.results.append(_without_body(outcome))
        return report

    def _judge_fixture(self, path: Path, expectation: dict[str, Any], bare: BareTarget) -> ValidationResult:
        results: list[ValidationResult] = []
        try:
            for exchange in exchanges_of(path, bare):
                outcome = self.validate_exchange(exchange)
                if isinstance(outcome, ValidationResult):
                    results.append(outcome)
        except InputError as error:
            return judge(path, expectation, results, error)
        return judge(path, expectation, results, None)


def _without_body(result: ValidationResult) -> ValidationResult:
    # A 100 MB capture must not stay in memory through its results.
    return ValidationResult(
        result.source, result.vendor, result.operation, result.status, result.issues, None, result.schema_pointer
    )


@lru_cache(maxsize=2)
def _engine(strict: bool) -> Engine:
    return Engine(strict=strict)


# (vendor, operation, status, strict) → (the closed schema's jsonschema-rs check, the one answer a valid
# body gets). A plain tuple: this lookup is most of lmskit.validate's cost on top of jsonschema-rs.
_FAST: dict[tuple[str, str, int, bool], tuple[Callable[[Any], bool], ValidationResult]] = {}


def validate(
    vendor: str,
    operation: str,
    status: int,
    body: Any,
    headers: Mapping[str, str] | None = None,
    *,
    strict: bool = False,
) -> ValidationResult:
    """Validate one response body against the spec.

    ``validate("digitalchalk", "getRegistration", 200, {"id": "1", ...}).valid`` → True or False, with
    ``.errors`` and ``.warnings`` naming JSON pointers, schema paths and messages.
    ``operation`` is an operationId or ``"GET /registrations/{id}"``.
    """
    # The common case costs one dict lookup and one jsonschema-rs call: valid, nothing undocumented.
    entry = _FAST.get((vendor, operation, status, strict))
    if entry is not None and headers is None and entry[0](body):
        return entry[1]
    names = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    names.setdefault("content-type", "application/json")
    exchange = Exchange("<validate>", status, body, body is not None, names, vendor=vendor, operation=operation)
    engine = _engine(strict)
    outcome = engine.validate_exchange(exchange)
    assert isinstance(outcome, ValidationResult)
    if entry is None:
        _FAST[(vendor, operation, status, strict)] = _fast_entry(engine, vendor, operation, status)
    return outcome


def _never(body: Any) -> bool:
    return False


def _fast_entry(
    engine: Engine, vendor: str, operation: str, status: int
) -> tuple[Callable[[Any], bool], ValidationResult]:
    found = engine.routers[vendor].operation(operation)
    plan = engine.checker.plan(vendor, found, status)
    label = f"{found.operation_id} ({found.label})"
    checker = plan.fast.is_valid if plan is not None and plan.fast is not None and not plan.headers else _never
    pointer = plan.schema_pointer if plan else None
    return checker, ValidationResult("<validate>", vendor, label, status, (), None, pointer)
