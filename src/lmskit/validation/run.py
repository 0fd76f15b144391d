"""Validating exchanges: route each to its operation, check it, collect the results.

``validate(vendor, operation, status, body)`` is the library entry point; the CLI uses the same Engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from lmskit.errors import InputError
from lmskit.spec.api import Api, load_api
from lmskit.validation.engine import ERROR, Issue, ResponseChecker
from lmskit.validation.exchange import Exchange
from lmskit.validation.expectations import expectation_for, judge
from lmskit.validation.results import NotCovered, RunReport, Skipped, ValidationResult
from lmskit.validation.routing import ExchangeRouter, Routed, Unrouted
from lmskit.validation.sources import BareTarget, exchanges_of, iter_inputs
from lmskit.vendors import VENDORS, get_vendor


class Engine:
    """Routers and compiled validators for every vendor's Api, built once.

    ``strict`` makes undocumented fields errors, and calls to a vendor's host on paths the spec does not
    describe failures instead of "not covered".
    """

    def __init__(
        self, apis: Mapping[str, Api] | None = None, *, strict: bool = False, default_vendor: str | None = None
    ) -> None:
        if default_vendor is not None:
            get_vendor(default_vendor)
        self.apis: Mapping[str, Api] = apis if apis is not None else {name: load_api(name) for name in VENDORS}
        self.strict = strict
        self.exchange_router = ExchangeRouter(self.apis, default_vendor)
        self.checker = ResponseChecker(self.apis, strict=strict)
        self._labels: dict[str, str] = {}

    def validate_exchange(self, exchange: Exchange) -> ValidationResult | Skipped | NotCovered:
        if exchange.operation is not None:
            vendor = exchange.vendor or ""
            get_vendor(vendor)
            routed: Routed | Unrouted = Routed(vendor, self.apis[vendor].operation(exchange.operation))
        elif exchange.url and exchange.method:
            routed = self.exchange_router.route(exchange.method, exchange.url, exchange.vendor)
        else:
            raise InputError(
                f"{exchange.source}: no request method and URL to route by; add them, or pass --vendor and --operation"
            )
        if isinstance(routed, Unrouted):
            if not routed.uncovered:
                return Skipped(exchange.source, routed.reason, routed.host)
            if not self.strict:
                return NotCovered(exchange.source, routed.vendor or "", routed.method, routed.path)
            issue = Issue("undocumented-operation", routed.reason + " (not covered; --strict makes it a failure)")
            return ValidationResult(exchange.source, routed.vendor, None, exchange.status, (issue,), exchange.body)
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
        self,
        inputs: list[str],
        bare: BareTarget,
        observers: Iterable[Callable[[ValidationResult], None]] = (),
        *,
        stop_on_unusable: bool = False,
    ) -> RunReport:
        """Validate every response in the inputs, streaming: each result goes to the observers (reporters, the
        drift report) with its body, then is dropped; the report keeps counts only. A file found in a folder that
        is no capture is a finding about that file (``report.unusable``), unless ``stop_on_unusable``; a file
        named on its own that cannot be read stops the run, as a mistake in the command."""
        report = RunReport()
        watching: list[Callable[[ValidationResult], None]] = [report, *observers]
        named = {Path(name) for name in inputs if name != "-"}
        for item in iter_inputs(inputs):
            report.files += 1
            expectation = expectation_for(item) if item is not None else None
            if expectation is not None and item is not None:
                judged = self.judge_fixture(item, expectation, bare)
                for observer in watching:
                    observer(judged)
                continue
            try:
                for exchange in exchanges_of(item, bare):
                    outcome = self.validate_exchange(exchange)
                    if isinstance(outcome, Skipped):
                        report.skip(outcome)
                    elif isinstance(outcome, NotCovered):
                        report.uncover(outcome)
                    else:
                        for observer in watching:
                            observer(outcome)
            except InputError as error:
                if stop_on_unusable or item is None or item in named:
                    raise
                report.unusable.append((str(item), str(error)))
        return report

    def judge_fixture(self, path: Path, expectation: dict[str, Any], bare: BareTarget) -> ValidationResult:
        """A deliberately broken capture judged by its ``.expected.json`` sidecar (valid when it fails as said)."""
        results: list[ValidationResult] = []
        try:
            for exchange in exchanges_of(path, bare):
                outcome = self.validate_exchange(exchange)
                if isinstance(outcome, ValidationResult):
                    results.append(outcome)
        except InputError as error:
            return judge(path, expectation, results, error)
        return judge(path, expectation, results, None)


# One engine per (strict, overlays): building one compiles the specs, so library calls share it.
_ENGINES: dict[tuple[bool, tuple[tuple[str, tuple[Path, ...]], ...]], Engine] = {}

# (vendor, operation, status, strict, overlays) → (the closed schema's jsonschema-rs check, the one answer a
# valid body gets); the default call (not strict, no overlays) has its own, shorter key. This lookup is most of
# lmskit.validate's cost on top of jsonschema-rs.
_FAST: dict[tuple[str, str, int, bool, tuple[Path, ...]], tuple[Callable[[Any], bool], ValidationResult]] = {}
_FAST_DEFAULT: dict[tuple[str, str, int], tuple[Callable[[Any], bool], ValidationResult]] = {}


def validate(
    vendor: str,
    operation: str,
    status: int,
    body: Any,
    headers: Mapping[str, str] | None = None,
    *,
    strict: bool = False,
    overlays: Sequence[Path | str] = (),
) -> ValidationResult:
    """Validate one response body against the spec (with ``overlays`` applied, in order).

    ``validate("digitalchalk", "getRegistration", 200, {"id": "1", ...}).valid`` → True or False, with
    ``.errors`` and ``.warnings`` naming JSON pointers, schema paths and messages.
    ``operation`` is an operationId or ``"GET /registrations/{id}"``. For many bodies of one operation,
    ``validate_many`` resolves the check once.
    """
    # The common case costs one dict lookup and one jsonschema-rs call: valid, nothing undocumented.
    if headers is None and not strict and not overlays:
        entry = _FAST_DEFAULT.get((vendor, operation, status))
        if entry is not None and entry[0](body):
            return entry[1]
    return _validate(vendor, operation, status, body, headers, strict, tuple(map(Path, overlays)))


def validate_many(
    vendor: str,
    operation: str,
    status: int,
    bodies: Iterable[Any],
    *,
    strict: bool = False,
    overlays: Sequence[Path | str] = (),
) -> Iterator[ValidationResult]:
    """``validate`` for each body of one operation and status, the check looked up once: lazily, in order."""
    layers = tuple(map(Path, overlays))
    check: Callable[[Any], bool] | None = None
    valid: ValidationResult | None = None
    for body in bodies:
        if check is None:
            result = _validate(vendor, operation, status, body, None, strict, layers)
            check, valid = _FAST[(vendor, operation, status, strict, layers)]
            yield result
        elif check(body):
            yield valid  # type: ignore[misc]
        else:
            yield _validate(vendor, operation, status, body, None, strict, layers)


def _validate(
    vendor: str,
    operation: str,
    status: int,
    body: Any,
    headers: Mapping[str, str] | None,
    strict: bool,
    layers: tuple[Path, ...],
) -> ValidationResult:
    entry = _FAST.get((vendor, operation, status, strict, layers))
    if entry is not None and headers is None and entry[0](body):
        return entry[1]
    names = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    names.setdefault("content-type", "application/json")
    exchange = Exchange("<validate>", status, body, body is not None, names, vendor=vendor, operation=operation)
    engine = _engine(vendor, strict, layers)
    outcome = engine.validate_exchange(exchange)
    assert isinstance(outcome, ValidationResult)
    if entry is None:
        entry = _FAST[(vendor, operation, status, strict, layers)] = _fast_entry(engine, vendor, operation, status)
        if not strict and not layers:
            _FAST_DEFAULT[(vendor, operation, status)] = entry
    return outcome


def _engine(vendor: str, strict: bool, layers: tuple[Path, ...]) -> Engine:
    key = (strict, ((vendor, layers),) if layers else ())
    engine = _ENGINES.get(key)
    if engine is None:
        apis = {name: load_api(name, layers if name == vendor else ()) for name in VENDORS}
        engine = _ENGINES[key] = Engine(apis, strict=strict)
    return engine


def _never(body: Any) -> bool:
    return False


def _fast_entry(
    engine: Engine, vendor: str, operation: str, status: int
) -> tuple[Callable[[Any], bool], ValidationResult]:
    found = engine.apis[vendor].operation(operation)
    plan = engine.checker.plan(vendor, found, status)
    label = f"{found.operation_id} ({found.label})"
    checker = plan.fast.is_valid if plan is not None and plan.fast is not None and not plan.headers else _never
    pointer = plan.schema_pointer if plan else None
    return checker, ValidationResult("<validate>", vendor, label, status, (), None, pointer)


__all__ = ["ERROR", "Engine", "validate", "validate_many"]
