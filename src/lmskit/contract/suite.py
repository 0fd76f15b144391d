"""One vendor's contract suite: a target, its credentials, the schemathesis schema wired to both, and the
pytest tests of the run — every selected operation, stateful workflows through the spec's links, and the two
plain auth tests schemathesis cannot do on its own (a run where every call got 401 would otherwise pass).

Pacing and the budget live in ``pacing``, the schema's configuration in ``wiring``, what a person reads in
``report``; the thin files in ``contracts/<vendor>/`` hand ``contract_tests`` to pytest.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import requests
from hypothesis import HealthCheck, settings

from lmskit.contract.auth import Authenticator
from lmskit.contract.discovery import Discovery, discover_ids
from lmskit.contract.options import FAKE, RunOptions
from lmskit.contract.pacing import BudgetExhausted
from lmskit.contract.profiles import Profile, get_profile
from lmskit.contract.redact import Redactor
from lmskit.contract.report import EXCERPT_CHARS, failure_text
from lmskit.contract.stats import CheckFailure, OperationStats, VendorStats
from lmskit.contract.targets import Target, TargetUnreachable, fake_target, live_target
from lmskit.contract.wiring import build_schema, has_links, selected_operations
from lmskit.errors import LmskitError
from lmskit.spec.api import Api


class ContractFailure(AssertionError):
    """Checks failed on one case; the message is the redacted report (never the case's repr)."""


class RunStopped(LmskitError):
    """The run cannot go on: the budget is spent or the target stopped answering."""


class CredentialsRejected(LmskitError):
    """The configured credentials do not authenticate at the target."""


# Credential fields that name someone rather than prove it: kept readable in reports.
_PUBLIC_FIELDS = frozenset({"USERNAME"})


class Suite:
    def __init__(self, api: Api, options: RunOptions, redactor: Redactor | None = None) -> None:
        self.api = api
        self.contract = api.contract
        self.options = options
        self.profile: Profile = get_profile(options.profile)
        self.redactor = redactor or Redactor()
        target = options.target_for(api.vendor)
        if target == FAKE:
            self.target: Target = fake_target(api)
        else:
            budget = options.budget or self.profile.live_request_budget
            self.target = live_target(api, target, allow_writes=options.allow_writes, budget=budget)
        credentials = self.target.credentials.values
        self.redactor.add(*(value for name, value in credentials.items() if name not in _PUBLIC_FIELDS))
        self.authenticator = Authenticator(
            api, self.target.credentials, self.target.send, check=self.probe, on_headers=self._secret_headers
        )
        self.operations = selected_operations(api, self.target, options)
        self.stats = VendorStats(
            api.vendor,
            target=self.target.label,
            seed=options.seed,
            budget=self.target.pacer.budget if self.target.pacer is not None else None,
        )
        for operation in self.operations:
            self.stats.operation(operation.label)
        self.stateful = has_links(api, self.operations)
        if not self.stateful:
            self.stats.workflows.detail = "no links between the selected operations: nothing to walk"
        self._lock = threading.Lock()
        self.discovery = Discovery()
        self.schema = build_schema(api, self.target, self.profile, options, self.operations)
        # One keep-alive session for the whole run: in-process it answers from the fake in this thread.
        self.session = self.target.session()
        self._install_auth(self.schema)
        self._install_hooks(self.schema)

    def __repr__(self) -> str:
        return f"Suite({self.target.label!r})"

    def requests_sent(self) -> int:
        """Every request of the run: counted at the transport against a tenant; a fake's own log in-process."""
        if self.target.pacer is not None:
            return self.target.pacer.sent
        return int(self.target.app.state.log.total)

    def _secret_headers(self, headers: dict[str, str]) -> None:
        self.redactor.add(*headers.values())

    # --- wiring ---------------------------------------------------------------------------------------

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
        suite = self

        @schema.hook  # type: ignore[untyped-decorator]
        def after_call(context: Any, case: Any, response: Any) -> None:
            suite.authenticator.observe(case.operation.definition.raw.get("operationId"), response.status_code)

    def preflight(self) -> None:
        """A live target answers and takes the configured credentials, or one line says which is wrong.

        Costs the token request (if the scheme has one) and one call of the auth probe, both counted.
        """
        if not self.target.is_live:
            return
        self.target.check_reachable()
        status = self.probe(self.authenticator.current())
        if status in (401, 403):
            names = ", ".join(self.api.security.environment_names(self.api.vendor))
            raise CredentialsRejected(
                f"{self.target.label}: the auth probe answered {status} with the configured credentials; check {names}"
            )
        if self.target.read_only:
            self.discover()

    def discover(self) -> None:
        """Pin the path parameters the tenant's own lists reveal (``discovery``); --param values win."""
        pinned = {name.split(".", 1)[-1]: value for name, value in self.options.params}
        try:
            found = discover_ids(self.api, self.operations, self.target.send, self.authenticator.current, pinned)
        except BudgetExhausted as exc:
            raise self.stop(str(exc)) from None
        self.discovery = found
        for name, value in found.values.items():
            self.schema.config.parameters.setdefault(f"path.{name}", value)

    # --- what the tests call --------------------------------------------------------------------------

    def call_and_validate(self, case: Any) -> None:
        stats = self.stats.operation(case.operation.label)
        if self.target.read_only and case.operation.schema.is_security_param_negated(case):
            # Negative testing of the credentials themselves: on a read-only run nothing is sent without them.
            return
        response = self._call(case, stats, lambda: case.call(session=self.session))
        self._validate(
            case, response, stats, lambda: case.validate_response(response, transport_kwargs={"session": self.session})
        )

    def _call(self, case: Any, stats: OperationStats, send: Any) -> Any:
        try:
            response = send()
        except BudgetExhausted as exc:
            raise self.stop(str(exc)) from None
        except (requests.RequestException, TargetUnreachable) as exc:
            reason = f"{case.operation.label} failed ({type(exc).__name__}); is the target up?"
            raise self.stop(f"{self.target.label}: {reason}") from None
        except Exception as exc:
            # schemathesis wraps errors raised under the transport (our budget among them).
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, BudgetExhausted):
                raise self.stop(str(cause)) from None
            raise
        with self._lock:
            stats.cases += 1  # a case counts once it was sent and answered
            stats.statuses[response.status_code] += 1
        return response

    def _validate(self, case: Any, response: Any, stats: OperationStats, validate: Any) -> None:
        try:
            validate()
        except (AssertionError, BaseExceptionGroup) as error:
            if isinstance(error, BaseExceptionGroup) and not error.split(AssertionError)[0]:
                raise
            failures = self._record(stats, case, response, error)
            raise ContractFailure(
                "\n\n".join(failure_text(failure, self.options.seed) for failure in failures)
            ) from None
        if 200 <= response.status_code < 300:
            with self._lock:
                stats.checked_2xx += 1

    def stop(self, reason: str) -> RunStopped:
        self.stats.stopped = self.redactor.scrub(reason)
        return RunStopped(self.stats.stopped)

    def _record(self, stats: OperationStats, case: Any, response: Any, error: BaseException) -> list[CheckFailure]:
        leaves = list(error.exceptions) if isinstance(error, BaseExceptionGroup) else [error]
        scrub = self.redactor.scrub
        try:
            curl = scrub(case.as_curl_command(base_url=self.target.base_url))
        except Exception:  # a malformed case may not render; the report still has the rest
            curl = ""
        excerpt = " ".join(scrub(response.text[: EXCERPT_CHARS * 2]).split())
        found = []
        for leaf in leaves:
            code = getattr(leaf, "code", "")
            title = getattr(leaf, "title", None) or type(leaf).__name__
            message = getattr(leaf, "message", None)
            details = message if isinstance(message, str) else str(leaf)
            check = f"{code} {title}".strip()
            failure = CheckFailure(
                operation=case.operation.label,
                check=check,
                details=scrub(details),
                status=response.status_code,
                response_excerpt=excerpt,
                curl=curl,
            )
            with self._lock:
                stats.failures[f"{failure.operation} {check}"] = failure
            found.append(failure)
        return found

    def state_machine_test(self) -> type | None:
        """The stateful test, or None when no link connects two selected operations."""
        if not self.stateful:
            return None
        suite = self
        machine = self.schema.as_state_machine()
        stats = self.stats.workflows

        class Workflows(machine):  # type: ignore[misc,valid-type]
            def get_call_kwargs(self, case: Any) -> dict[str, Any]:
                return {"session": suite.session}

            def call(self, case: Any, **kwargs: Any) -> Any:
                return suite._call(case, stats, lambda: case.call(**kwargs))

            def validate_response(self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any) -> None:
                parent: Any = super()

                def validate() -> None:
                    parent.validate_response(response, case, additional_checks=additional_checks, **kwargs)

                suite._validate(case, response, stats, validate)

        Workflows.TestCase.settings = settings(
            max_examples=self.profile.stateful_examples,
            stateful_step_count=self.profile.stateful_steps,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        return Workflows.TestCase  # type: ignore[no-any-return]

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
        try:
            response = self.target.send(operation.method.upper(), path, {**defaults, **headers}, None)
        except BudgetExhausted as exc:
            raise self.stop(str(exc)) from None
        except TargetUnreachable as exc:
            raise self.stop(str(exc)) from None
        return response.status_code


def contract_tests(vendor: str) -> dict[str, Any]:
    """The pytest tests of one vendor's contract, for ``globals().update(...)`` in ``contracts/<vendor>/``.

    ``test_conformance`` (one test per selected operation: every phase, every check), ``TestWorkflows``
    (stateful runs through the links, when the selected operations have any) and the two plain auth tests. The
    run's options come from the active session (``lmskit.contract.session``), which the pytest plugin builds.
    """
    from lmskit.contract.session import active_session

    suite = active_session().suite(vendor)
    stats = suite.stats

    @suite.schema.parametrize()  # type: ignore[untyped-decorator]
    def test_conformance(case: Any) -> None:
        suite.call_and_validate(case)

    def test_valid_credentials_get_2xx() -> None:
        stats.auth_valid.cases += 1
        status = suite.probe(suite.authenticator.current())
        stats.auth_valid.statuses[status] += 1
        assert 200 <= status < 300, f"the auth probe answered {status} with the configured credentials"
        stats.auth_valid.checked_2xx += 1

    def test_wrong_credentials_get_401() -> None:
        stats.auth_wrong.cases += 1
        status = suite.probe(suite.authenticator.wrong_headers())
        stats.auth_wrong.statuses[status] += 1
        assert status == 401, f"the auth probe answered {status} with wrong credentials, not 401"

    tests: dict[str, Any] = {
        "suite": suite,
        "test_conformance": test_conformance,
        "test_valid_credentials_get_2xx": test_valid_credentials_get_2xx,
        "test_wrong_credentials_get_401": test_wrong_credentials_get_401,
    }
    workflows = suite.state_machine_test()
    if workflows is not None:
        tests["TestWorkflows"] = workflows
    return tests
