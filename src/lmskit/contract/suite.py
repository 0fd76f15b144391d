"""One vendor's contract suite: a target, its credentials, the schemathesis schema wired to both, and the
pytest tests of the run — every selected operation, stateful workflows through the spec's links, and the two
plain auth tests schemathesis cannot do on its own (a run where every call got 401 would otherwise pass).

Pacing and the budget live in ``pacing``, the schema's configuration in ``wiring``, what a person reads in
``report``. A file in ``contracts/<vendor>/`` names its vendor with a ``VendorContract``; the plugin collects
``contract_tests`` for it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import requests
from hypothesis import HealthCheck, Phase, settings
from schemathesis.core import NotSet

from lmskit.clients.transport import BudgetSpent
from lmskit.contract.auth import Authenticator, AuthError
from lmskit.contract.harvest import Harvest, Record, harvest
from lmskit.contract.options import FAKE, SERVED, RunOptions
from lmskit.contract.probes import call_probe, documented, rate_limit_problem, wrong_target
from lmskit.contract.profiles import Profile, get_profile
from lmskit.contract.promises import Broken, Promises, Sent
from lmskit.contract.report import EXCERPT_CHARS, excerpt, failure_text
from lmskit.contract.stats import CheckFailure, OperationStats, VendorStats
from lmskit.contract.success import install_success_cases
from lmskit.contract.targets import Target, TargetUnreachable, fake_target, live_target, served_target
from lmskit.contract.wiring import build_schema, has_links, selected_operations
from lmskit.errors import CredentialsRejected as CredentialsRejected
from lmskit.errors import RunStopped as RunStopped
from lmskit.redaction.secrets import KnownSecrets
from lmskit.spec.api import Api
from lmskit.spec.operations import Operation
from lmskit.spec.paging import read_rate_limit
from lmskit.spec.promises import UNKNOWN


class ContractFailure(AssertionError):
    """Checks failed on one case; the message is the redacted report (never the case's repr)."""


class BrokenPromise(AssertionError):
    """A promise check's finding, in the shape the report reads schemathesis's (``code``, ``title``, ``message``)."""

    def __init__(self, broken: Broken) -> None:
        super().__init__(broken.message)
        self.code, self.title, self.message = broken.code, broken.title, broken.message


# Credential fields that name someone rather than prove it: kept readable in reports.
_PUBLIC_FIELDS = frozenset({"USERNAME"})
# The most requests a run spends finding values before it starts (a live run: at most a tenth of its budget).
HARVEST_BUDGET = 300


class Suite:
    def __init__(self, api: Api, options: RunOptions, redactor: KnownSecrets | None = None) -> None:
        self.api = api
        self.contract = api.contract
        self.options = options
        self.profile: Profile = get_profile(options.profile)
        self.redactor = redactor or KnownSecrets()
        target = options.target_for(api.vendor)
        if target == FAKE:
            self.target: Target = fake_target(api)
        elif target == SERVED:
            self.target = served_target(api)
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
        if read_rate_limit(api.document) is not None:
            self.stats.rate_limit = OperationStats("rate limit: a burst gets 429 with Retry-After", expects_2xx=False)
        self.stateful = has_links(api, self.operations)
        if not self.stateful:
            self.stats.workflows.detail = "no links between the selected operations: nothing to walk"
        self._lock = threading.Lock()
        self.harvest = Harvest()
        self.promises = Promises(api, self._fetch, self.target.url(""))
        self.schema = build_schema(api, self.target, self.profile, options, self.operations)
        # One keep-alive session for the whole run: in-process it answers from the fake in this thread.
        self.session = self.target.session()
        self._install_auth(self.schema)
        self._install_hooks(self.schema)
        install_success_cases(self)

    def __repr__(self) -> str:
        return f"Suite({self.target.label!r})"

    def requests_sent(self) -> int:
        """Every request of the run: a bundled fake's own log, or counted at the transport against a tenant."""
        if self.target.answered is not None:
            return self.target.answered()
        return self.target.pacer.sent if self.target.pacer is not None else 0

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
        """Before the first case: a live target answers, is this vendor's API at the spec's base path and takes the
        configured credentials, or one line says which is wrong (exit 2, no request spent on cases). Then the
        values for each operation's success path are found.

        Costs the token request (if the scheme has one) and one call of the auth probe, both counted.
        """
        if self.target.is_live:
            self.target.check_reachable()
            try:
                headers = self.authenticator.current()
            except AuthError as exc:
                if exc.status is not None and exc.status not in (401, 403):
                    said = self.redactor.scrub(exc.excerpt)
                    raise wrong_target(self.api, self.target, exc.operation, exc.status, said) from None
                raise
            operation, response = self.probe_exchange(headers)
            if response.status_code in (401, 403):
                names = ", ".join(self.api.security.environment_names(self.api.vendor))
                raise CredentialsRejected(
                    f"{self.target.label}: the auth probe answered {response.status_code} with the configured"
                    f" credentials; check {names}"
                )
            if not documented(self.api, operation, response):
                said = self.redactor.scrub(excerpt(response.text))
                raise wrong_target(self.api, self.target, operation.label, response.status_code, said)
        self.find_values()

    def find_values(self) -> None:
        """What fills each operation's path on its success path (``harvest``): the target's own lists, followed
        through the spec's links, from the auth probe's parameters, ``--param`` pins and a fake's seed."""
        seeds = [*self.target.records]
        probe = (self.contract.get("auth-probe") or {}).get("parameters") or {}
        if probe:
            seeds.append(Record(dict(probe), "the spec's auth probe"))
        pinned = {name.split(".", 1)[-1]: value for name, value in self.options.params}
        if pinned:
            seeds.append(Record(pinned, "--param"))
        budget = HARVEST_BUDGET if not self.target.is_live else max(1, min(HARVEST_BUDGET, self._budget_share()))
        try:
            self.harvest = harvest(self.api, self.target.send, self.authenticator.current, seeds=seeds, budget=budget)
        except BudgetSpent as exc:
            raise self.stop(str(exc)) from None

    def _budget_share(self) -> int:
        """A live run spends at most a tenth of its budget finding values."""
        pacer = self.target.pacer
        return HARVEST_BUDGET if pacer is None or pacer.budget is None else pacer.budget // 10

    def before_operation(self) -> None:
        """Each operation's test starts from the same state: a bundled fake goes back to its seed (its tokens too),
        so one operation's writes never take away another's success path. A tenant is left as it is."""
        if self.target.reset is not None:
            self.target.reset()
            self.authenticator.forget()

    # --- what the tests call --------------------------------------------------------------------------

    def call_and_validate(self, case: Any) -> None:
        stats = self.stats.operation(case.operation.label)
        if self.target.read_only and case.operation.schema.is_security_param_negated(case):
            # Negative testing of the credentials themselves: on a read-only run nothing is sent without them.
            return
        if case.headers:
            case.headers = self.authenticator.renew(case.headers)
        response = self._call(case, stats, lambda: case.call(session=self.session))
        self._validate(
            case, response, stats, lambda: case.validate_response(response, transport_kwargs={"session": self.session})
        )

    def _call(self, case: Any, stats: OperationStats, send: Any) -> Any:
        try:
            response = send()
        except BudgetSpent as exc:
            raise self.stop(str(exc)) from None
        except (requests.RequestException, TargetUnreachable) as exc:
            reason = f"{case.operation.label} failed ({type(exc).__name__}); is the target up?"
            raise self.stop(f"{self.target.label}: {reason}") from None
        except Exception as exc:
            # schemathesis wraps errors raised under the transport (our budget among them).
            cause = exc.__cause__ or exc.__context__
            if isinstance(cause, BudgetSpent):
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
        if not 200 <= response.status_code < 300:
            return
        with self._lock:
            stats.checked_2xx += 1
        broken = self.promises.check(self._sent(case, response))
        if broken:
            failures = self._record(stats, case, response, [BrokenPromise(item) for item in broken])
            raise ContractFailure(
                "\n\n".join(failure_text(failure, self.options.seed) for failure in failures)
            ) from None

    def _sent(self, case: Any, response: Any) -> Sent:
        operation = self.api.operation(f"{case.operation.method.upper()} {case.operation.path}")
        try:
            answer = response.json() if response.content else None
        except ValueError:
            answer = None
        body = None if isinstance(case.body, NotSet) else case.body
        return Sent(
            operation,
            str(response.request.url if response.request is not None else ""),
            dict(case.path_parameters or {}),
            dict(case.query or {}),
            body,
            response.status_code,
            # schemathesis's responses list each header's values
            {name.lower(): value[0] if isinstance(value, list) else value for name, value in response.headers.items()},
            answer,
            {str(name).lower(): str(value) for name, value in (case.headers or {}).items()},
        )

    def _fetch(
        self, method: str, url: str, headers: Mapping[str, str], query: Mapping[str, Any], body: Any
    ) -> tuple[int, Mapping[str, str], Any]:
        """A promise check's own request, on the run's session (so a tenant's budget counts it)."""
        sent = {**headers, **self.authenticator.current()}
        payload = {} if body is UNKNOWN else {"json": body}
        try:
            response = self.session.request(method, url, headers=sent, params=dict(query), timeout=30, **payload)
        except BudgetSpent as exc:
            raise self.stop(str(exc)) from None
        except requests.RequestException as exc:
            raise self.stop(f"{self.target.label}: {method} {url} failed ({type(exc).__name__})") from None
        try:
            answer = response.json() if response.content else None
        except ValueError:
            answer = None
        return response.status_code, {name.lower(): value for name, value in response.headers.items()}, answer

    def stop(self, reason: str) -> RunStopped:
        self.stats.stopped = self.redactor.scrub(reason)
        return RunStopped(self.stats.stopped)

    def _record(
        self, stats: OperationStats, case: Any, response: Any, error: BaseException | list[BrokenPromise]
    ) -> list[CheckFailure]:
        if isinstance(error, list):
            leaves: list[Any] = list(error)
        else:
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
            def setup(self) -> None:
                # Every scenario starts from the fake's seed: Hypothesis replays a scenario (to shrink it) and
                # demands the same data each time, which links read from answers of an ever-changing fake deny.
                suite.before_operation()

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
            phases=[phase for phase in Phase if self.profile.shrink or phase is not Phase.shrink],
        )
        return Workflows.TestCase  # type: ignore[no-any-return]

    # --- the plain auth tests --------------------------------------------------------------------------

    def probe(self, headers: dict[str, str]) -> int:
        """Call the spec's ``auth-probe`` operation with these credential headers; return the status."""
        return self.probe_exchange(headers)[1].status_code

    def probe_exchange(self, headers: dict[str, str]) -> tuple[Operation, httpx.Response]:
        try:
            return call_probe(self.api, self.target, headers)
        except (BudgetSpent, TargetUnreachable) as exc:
            raise self.stop(str(exc)) from None

    def rate_limit_problem(self, stats: OperationStats) -> str | None:
        """What a burst past the spec's rate limit shows wrong (``probes.rate_limit_problem``); a tenant's rate
        limit is never provoked, so against one the test is skipped as not checked."""
        limit = read_rate_limit(self.api.document)
        assert limit is not None
        if not self.target.is_fake:
            pytest.skip("not checked: a run never provokes a tenant's rate limit")
        statuses: list[int] = []
        try:
            return rate_limit_problem(self.api, limit, statuses)
        finally:
            stats.cases += len(statuses)
            stats.statuses.update(statuses)


@dataclass(frozen=True)
class VendorContract:
    """What a file in ``contracts/<vendor>/`` holds: the vendor whose contract pytest collects there. The contract
    plugin (``pytest_hooks.ContractPlugin``) turns it into that vendor's tests; the file holds no test itself."""

    vendor: str


# The marker that names each contract test's vendor and kind (an operation, the workflows, an auth test): the
# plugin reads it to find the test's statistics, never the test's name.
CONTRACT_MARK = "lmskit_contract"


def contract_tests(suite: Suite) -> dict[str, Any]:
    """The pytest tests of one vendor's contract, by name, each marked with its vendor and kind.

    ``test_conformance`` (one test per selected operation: every phase, every check), ``TestWorkflows``
    (stateful runs through the links, when the selected operations have any) and the plain auth tests."""
    stats = suite.stats
    vendor = suite.api.vendor

    def mark(kind: str) -> pytest.MarkDecorator:
        return pytest.MarkDecorator(pytest.Mark(CONTRACT_MARK, (), {"vendor": vendor, "kind": kind}))

    @mark("operation")
    @suite.schema.parametrize()  # type: ignore[untyped-decorator]
    def test_conformance(case: Any) -> None:
        suite.call_and_validate(case)

    @mark("auth_valid")
    def test_valid_credentials_get_2xx() -> None:
        stats.auth_valid.cases += 1
        status = suite.probe(suite.authenticator.current())
        stats.auth_valid.statuses[status] += 1
        assert 200 <= status < 300, f"the auth probe answered {status} with the configured credentials"
        stats.auth_valid.checked_2xx += 1

    @mark("auth_wrong")
    def test_wrong_credentials_get_401() -> None:
        refused = []
        for what, headers in suite.authenticator.wrong_variants():
            stats.auth_wrong.cases += 1
            status = suite.probe(headers)
            stats.auth_wrong.statuses[status] += 1
            if status != 401:
                refused.append(f"{status} to {what}")
        assert not refused, f"the auth probe answered {'; '.join(refused)}, not 401"

    @mark("rate_limit")
    def test_a_burst_gets_429_with_retry_after() -> None:
        assert stats.rate_limit is not None
        problem = suite.rate_limit_problem(stats.rate_limit)
        assert problem is None, problem

    tests: dict[str, Any] = {
        "test_conformance": test_conformance,
        "test_valid_credentials_get_2xx": test_valid_credentials_get_2xx,
        "test_wrong_credentials_get_401": test_wrong_credentials_get_401,
    }
    if stats.rate_limit is not None:
        tests["test_a_burst_gets_429_with_retry_after"] = test_a_burst_gets_429_with_retry_after
    workflows = suite.state_machine_test()
    if workflows is not None:
        tests["TestWorkflows"] = mark("workflows")(workflows)
    return tests
