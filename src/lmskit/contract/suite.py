"""One vendor's contract suite: a schemathesis schema wired to a target, credentials, a profile and the
kit's live-safety rules, plus the two plain auth tests schemathesis cannot do on its own (a run where
every call got 401 would otherwise pass).

The thin files in ``contracts/<vendor>/`` build a Suite and hand its pieces to pytest.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from lmskit.contract.auth import Authenticator
from lmskit.contract.options import FAKE, RunOptions
from lmskit.contract.profiles import Profile, get_profile
from lmskit.contract.stats import VendorStats
from lmskit.contract.targets import Target, fake_target, live_target
from lmskit.errors import LmskitError
from lmskit.spec.api import Api

_STANDARD_ACCEPTANCE = ["2xx", "3xx", "401", "403", "404", "409", "429"]
_MAX_RETRY_AFTER = 60.0


class BudgetExhausted(LmskitError):
    """A live run reached its request budget."""


class Suite:
    def __init__(self, api: Api, options: RunOptions) -> None:
        self.api = api
        self.contract = api.contract
        self.profile: Profile = get_profile(options.profile)
        target = options.target_for(api.vendor)
        if target == FAKE:
            self.target: Target = fake_target(api)
        else:
            self.target = live_target(api, target, allow_writes=options.allow_writes)
        self.authenticator = Authenticator(api, self.target.credentials, self.target.send, check=self.probe)
        self.stats = VendorStats(api.vendor)
        self.budget = options.budget or (self.profile.live_request_budget if self.target.is_live else None)
        self._resume_at = 0.0
        self._lock = threading.Lock()
        self.schema = self._build_schema()

    # --- wiring ---------------------------------------------------------------------------------------

    def _build_schema(self) -> Any:
        # The Api's document (with any overlays), not the file: the spec is parsed once per run.
        schema: Any = schemathesis.openapi.from_dict(self.api.document)
        # One keep-alive session for the whole run: in-process it answers from the fake in this thread.
        self.session = self.target.session()
        if self.target.app is not None:
            schema.app = self.target.app
        else:
            schema.config.update(base_url=self.target.base_url)
        if self.target.read_only:
            # Read-only on a live tenant: GET operations only, no probes with undocumented methods,
            # no unauthenticated replays.
            schema = schema.include(method="GET")
            schema.config.phases.coverage.unexpected_methods = set()
            schema.config.checks.update(excluded_check_names=["unsupported_method", "ignored_auth"])
        selected = [op for op in self.api.operations.values() if not self.target.read_only or op.method == "get"]
        self.stats.operations_total = len(selected)
        self.stats.target = self.target.label
        rejections = [str(status) for status in self.contract.get("state-rejection-statuses", [])]
        schema.config.checks.positive_data_acceptance.expected_statuses = [*_STANDARD_ACCEPTANCE, *rejections]
        # No example database: a run is seeded (below) and derandomized, and it must not read or write a
        # `.hypothesis/` folder in the user's working directory.
        schema.config.generation.update(
            max_examples=self.profile.examples_per_operation(len(selected)), database="none"
        )
        schema.config.seed = 20261123
        self._install_auth(schema)
        self._install_hooks(schema)
        return schema

    def _install_auth(self, schema: Any) -> None:
        authenticator = self.authenticator

        # No caching or 401 replays by schemathesis: the authenticator keeps the headers and knows when they are
        # stale (after_call tells it when the run fetched a token of its own, which supersedes ours).
        @schema.auth(refresh_interval=None)
        class _SpecAuth:
            def get(self, case: Any, context: Any) -> dict[str, str]:
                return authenticator.current()

            def set(self, case: Any, data: dict[str, str], context: Any) -> None:
                case.headers = {**(case.headers or {}), **data}

    def _install_hooks(self, schema: Any) -> None:
        # schemathesis takes request hooks only globally; they find this suite by the spec's vendor.
        _SUITES[self.target.vendor] = self
        _register_global_hooks()

    def before_call(self) -> None:
        with self._lock:
            if self.budget is not None and self.stats.requests >= self.budget:
                raise BudgetExhausted(
                    f"{self.target.label}: the request budget of {self.budget} is spent; raise --budget"
                )
            wait = self._resume_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def after_call(self, case: Any, response: Any) -> None:
        self.authenticator.observe(case.operation.definition.raw.get("operationId"), response.status_code)
        with self._lock:
            self.stats.requests += 1
            self.stats.statuses[response.status_code] += 1
            self.stats.methods[case.method.upper()] += 1
            self.stats.operations_seen.add(case.operation.label)
            if response.status_code == 429:
                self._resume_at = time.monotonic() + _retry_after(response.headers)

    # --- what the test files call ----------------------------------------------------------------------

    def call_and_validate(self, case: Any) -> None:
        with self._lock:
            self.stats.cases += 1
        try:
            case.call_and_validate(session=self.session)
        except BaseExceptionGroup as group:
            self._record(group)
            raise
        except AssertionError as failure:
            self._record(failure)
            raise

    def state_machine_test(self) -> type:
        suite = self
        machine = self.schema.as_state_machine()

        class Workflows(machine):  # type: ignore[misc,valid-type]
            def get_call_kwargs(self, case: Any) -> dict[str, Any]:
                return {"session": suite.session}

            def validate_response(self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any) -> None:
                with suite._lock:
                    suite.stats.cases += 1
                try:
                    super().validate_response(response, case, additional_checks=additional_checks, **kwargs)
                except BaseExceptionGroup as group:
                    suite._record(group)
                    raise

        Workflows.TestCase.settings = settings(
            max_examples=self.profile.stateful_examples,
            stateful_step_count=self.profile.stateful_steps,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        return Workflows.TestCase  # type: ignore[no-any-return]

    def _record(self, error: BaseException) -> None:
        failures = error.exceptions if isinstance(error, BaseExceptionGroup) else [error]
        with self._lock:
            for failure in failures:
                code = getattr(failure, "code", "")
                title = getattr(failure, "title", type(failure).__name__)
                self.stats.failures[f"{code} {title}".strip()] += 1

    # --- the plain auth tests --------------------------------------------------------------------------

    def probe(self, headers: dict[str, str]) -> int:
        """Call the spec's ``auth-probe`` operation with these credential headers; return the status."""
        probe = self.contract.get("auth-probe") or {}
        operation = self.api.operation(str(probe.get("operationId")))
        parameters = {
            name: os.environ.get(f"LMSKIT_{self.target.vendor.upper()}_PROBE_{name.upper()}", value)
            for name, value in (probe.get("parameters") or {}).items()
        }
        path = operation.path.format(**parameters)
        defaults = self.api.request_shape(operation).default_headers()
        response = self.target.send(operation.method.upper(), path, {**defaults, **headers}, None)
        with self._lock:
            self.stats.requests += 1
            self.stats.statuses[response.status_code] += 1
        return response.status_code


_SUITES: dict[str, Suite] = {}
_HOOKS_REGISTERED = False


def _suite_of(case: Any) -> Suite | None:
    info = case.operation.schema.raw_schema.get("info") or {}
    return _SUITES.get(str(info.get("x-lmskit-vendor")))


def _register_global_hooks() -> None:
    global _HOOKS_REGISTERED
    if _HOOKS_REGISTERED:
        return
    _HOOKS_REGISTERED = True

    @schemathesis.hook
    def before_call(context: Any, case: Any, kwargs: Any) -> None:
        suite = _suite_of(case)
        if suite is not None:
            suite.before_call()

    @schemathesis.hook
    def after_call(context: Any, case: Any, response: Any) -> None:
        suite = _suite_of(case)
        if suite is not None:
            suite.after_call(case, response)


def _retry_after(headers: Any) -> float:
    raw = headers.get("retry-after") or headers.get("Retry-After") if hasattr(headers, "get") else None
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    try:
        return min(max(float(raw), 0.0), _MAX_RETRY_AFTER) if raw is not None else 1.0
    except ValueError:
        return 1.0


def contract_tests(vendor: str) -> dict[str, Any]:
    """The pytest tests of one vendor's contract, for ``globals().update(...)`` in ``contracts/<vendor>/``.

    ``test_conformance`` (every operation, every phase, every check), ``TestWorkflows`` (stateful runs
    through the links) and the two plain auth tests. The run's options come from the active session
    (``lmskit.contract.session``), which the pytest plugin builds from the command line.
    """
    from lmskit.contract.session import active_session

    suite = active_session().suite(vendor)

    @suite.schema.parametrize()  # type: ignore[untyped-decorator]
    def test_conformance(case: Any) -> None:
        suite.call_and_validate(case)

    def test_valid_credentials_get_2xx() -> None:
        status = suite.probe(suite.authenticator.current())
        assert 200 <= status < 300, f"the auth probe answered {status} with the configured credentials"

    def test_wrong_credentials_get_401() -> None:
        status = suite.probe(suite.authenticator.wrong_headers())
        assert status == 401, f"the auth probe answered {status} with wrong credentials, not 401"

    return {
        "suite": suite,
        "test_conformance": test_conformance,
        "TestWorkflows": suite.state_machine_test(),
        "test_valid_credentials_get_2xx": test_valid_credentials_get_2xx,
        "test_wrong_credentials_get_401": test_wrong_credentials_get_401,
    }
