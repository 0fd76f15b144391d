"""pytest plugin for the contract suites: the run's options (the same ones ``lmskit contract`` takes), a line per
finished operation, readable failure reports, a summary per vendor, JUnit per operation — and no secret in any
of them.

Every report pytest makes (failures, collection errors, captured output) is rewritten here before any reporter
sees it: the known secrets of the run are masked, and a failed check reads as the kit's report instead of a
traceback through schemathesis and Hypothesis (whose "Falsifying example" prints the case, headers included).
"""

from __future__ import annotations

import sys
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lmskit.contract.live_view import LiveView
from lmskit.contract.options import DEFAULT_SEED, RunOptions, check_counts, parse_params
from lmskit.contract.profiles import PROFILES
from lmskit.contract.report import not_checked_reason, operation_failure_text, progress_line, write_junit
from lmskit.contract.session import ContractSession
from lmskit.contract.stats import OperationStats
from lmskit.contract.suite import CONTRACT_MARK, Suite, VendorContract, contract_tests
from lmskit.errors import LmskitError
from lmskit.project import find_config, parse_overlay_option


@dataclass(frozen=True, eq=False)  # pluggy keeps plugins in a set: hash by identity
class PreparedSession:
    """A pytest plugin object: the session ``lmskit contract`` already built (options read, specs loaded, live
    targets checked), so pytest does not build another from its command line."""

    session: ContractSession


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("lmskit", "lmskit contract run")
    group.addoption("--target", default=None, help="'fake' or a tenant's base URL (default: LMSKIT_<VENDOR>_BASE_URL).")
    group.addoption("--profile", default="quick", choices=sorted(PROFILES), help="quick (CI) or thorough.")
    group.addoption("--allow-writes", action="store_true", default=False, help="Live: also run writes (sandbox only).")
    group.addoption("--budget", type=int, default=None, help="Live: the most requests per vendor.")
    group.addoption("--max-examples", type=int, default=None, help="Generated examples per operation.")
    group.addoption(
        "--include", action="append", default=[], help="Only this operation (operationId, path or 'GET /path')."
    )
    group.addoption("--exclude", action="append", default=[], help="Not this operation; repeatable.")
    group.addoption("--seed", type=int, default=DEFAULT_SEED, help=f"Generation seed (default {DEFAULT_SEED}).")
    group.addoption("--param", action="append", default=[], help="Pin a parameter: NAME=VALUE (e.g. userId=42).")
    group.addoption("--max-failures", type=int, default=None, help="Stop after this many failed tests.")
    group.addoption("--lmskit-junit", default=None, help="Write JUnit XML, a test case per operation, to this file.")
    group.addoption(
        "--overlay", action="append", default=[], help="An OpenAPI Overlay to apply (FILE or VENDOR=FILE); repeatable."
    )
    group.addoption("--no-config", action="store_true", default=False, help="Ignore lmskit.toml / [tool.lmskit].")


def options_from(config: pytest.Config) -> RunOptions:
    budget, max_examples = config.getoption("--budget"), config.getoption("--max-examples")
    check_counts(budget, max_examples)
    return RunOptions(
        target=config.getoption("--target"),
        profile=config.getoption("--profile"),
        allow_writes=config.getoption("--allow-writes"),
        budget=budget,
        overlays=tuple(parse_overlay_option(value) for value in config.getoption("--overlay")),
        max_examples=max_examples,
        include=tuple(config.getoption("--include")),
        exclude=tuple(config.getoption("--exclude")),
        seed=config.getoption("--seed"),
        params=parse_params(config.getoption("--param")),
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{CONTRACT_MARK}(vendor, kind): a test of a vendor's contract (set by lmskit)")
    prepared = next((p for p in config.pluginmanager.get_plugins() if isinstance(p, PreparedSession)), None)
    if prepared is not None:
        session = prepared.session
    else:
        try:
            options = options_from(config)
            project = () if config.getoption("--no-config") else find_config(Path.cwd()).overlays
        except LmskitError as exc:
            raise pytest.UsageError(str(exc)) from None
        session = ContractSession(options, project)
    if config.getoption("--max-failures"):
        config.option.maxfail = config.getoption("--max-failures")
    config.pluginmanager.register(ContractPlugin(config, session), "lmskit-contract")


def _identity(item: pytest.Item) -> tuple[str, str] | None:
    """(vendor, kind) from the test's ``lmskit_contract`` marker; None for a test that is not a contract's."""
    marker = item.get_closest_marker(CONTRACT_MARK)
    if marker is None:
        return None
    return str(marker.kwargs["vendor"]), str(marker.kwargs["kind"])


def _unchecked_is_not_passed(report: pytest.TestReport, item: pytest.Item, stats: OperationStats, live: bool) -> None:
    """An operation that never answered 2xx had its success path unchecked: against a fake that is a failure (the
    fake's own data reaches every success path), against a tenant it is "not checked" (skipped), never a pass."""
    if not stats.expects_2xx or stats.checked_2xx:
        return
    stats.detail = f"not checked: {not_checked_reason(stats)}"
    if live:
        report.outcome = "skipped"
        report.longrepr = (str(item.path), 0, stats.detail)
    else:
        report.outcome = "failed"
        report.longrepr = stats.detail


def _one_line(excinfo: Any) -> str | None:
    """The kit's own errors (budget, unreachable target, credentials) read as their message."""
    error = excinfo.value if excinfo is not None else None
    while error is not None:
        if isinstance(error, LmskitError):
            return str(error)
        error = error.__cause__ or error.__context__
    return None


class ContractPlugin:
    """The run's pytest plugin: it holds the ``ContractSession``, turns each ``VendorContract`` into its vendor's
    tests, and reports on them (a line per operation, readable failures, the summary, JUnit)."""

    def __init__(self, config: pytest.Config, session: ContractSession) -> None:
        self.config = config
        self.session = session
        self.junit = config.getoption("--lmskit-junit")
        self.live: LiveView | None = None

    def __repr__(self) -> str:
        return f"ContractPlugin({self.session!r})"

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makeitem(self, collector: pytest.Collector, name: str, obj: object) -> Any:
        if not isinstance(obj, VendorContract):
            return None
        tests = contract_tests(self.session.suite(obj.vendor))
        items: list[Any] = []
        for test_name, test in tests.items():
            # pytest finds a test function again by its name in the module it was collected from.
            module: Any = collector
            setattr(module.obj, test_name, test)
            made = collector.ihook.pytest_pycollect_makeitem(collector=collector, name=test_name, obj=test)
            items += made if isinstance(made, list) else [made] if made is not None else []
        return items

    def _suite_and_stats(self, item: pytest.Item) -> tuple[Suite, OperationStats] | tuple[None, None]:
        identity = _identity(item)
        if identity is None or identity[0] not in self.session.suites:
            return None, None
        vendor, kind = identity
        suite = self.session.suites[vendor]
        if kind == "operation":
            label = getattr(item, "operation_label", None)  # schemathesis's item for one operation
            return (suite, suite.stats.operation(label)) if isinstance(label, str) else (None, None)
        stats = getattr(suite.stats, kind, None)
        return (suite, stats) if isinstance(stats, OperationStats) else (None, None)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        # `lmskit contract` at a terminal: a live footer per vendor; in CI, plain lines only.
        if self.config.pluginmanager.get_plugin("terminalreporter") is None and sys.stdout.isatty():
            contract = self.session
            self.live = LiveView(lambda: [suite.stats for suite in contract.suites.values()], contract.redactor.scrub)
            self.live.start()

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        suite, stats = self._suite_and_stats(item)
        if stats is not None and suite is not None:
            suite.before_operation()
        if self.live is not None and stats is not None and suite is not None:
            self.live.began(suite.api.vendor, stats)

    def _stop_live(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        self._stop_live()
        self.session.close()

    def _write(self, line: str) -> None:
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        line = self.session.redactor.scrub(line)
        if self.live is not None:
            self.live.finished(line)
        elif terminal is not None:
            terminal.ensure_newline()
            terminal.write_line(line)
        else:
            print(line, flush=True)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[Any]) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        session = self.session
        scrub = session.redactor.scrub
        suite, stats = self._suite_and_stats(item)
        if report.when == "call" and report.passed and stats is not None and suite is not None:
            _unchecked_is_not_passed(report, item, stats, not suite.target.is_fake)
        if report.failed:
            line = _one_line(call.excinfo)
            if stats is not None and line is None and stats.failures:
                text = operation_failure_text(stats, session.options.seed)
            elif line is not None:
                text = line
            elif call.excinfo is not None and call.excinfo.errisinstance(AssertionError):
                # A plain test's assertion: its message is the report (not the line of code that made it).
                text = line = call.excinfo.exconly()
            elif call.excinfo is not None:
                # Anything else is a bug in the kit: the exception first, then the traceback to fix it by.
                line = call.excinfo.exconly().splitlines()[0]
                text = f"{line}\n{report.longrepr}"
            else:
                text = str(report.longrepr)
            report.longrepr = scrub(text)
            if stats is not None and not stats.detail.startswith("not checked"):
                stats.detail = scrub(line or text.splitlines()[0] if text else "")
        report.sections = [(title, scrub(content)) for title, content in report.sections]
        finished = report.when == "call" or (report.when == "setup" and not report.passed)
        if suite is not None and stats is not None and finished:
            stats.seconds += report.duration
            stats.outcome = "error" if report.when == "setup" else report.outcome
            self._write(progress_line(suite.api.vendor, stats))
        if suite is not None and suite.stats.stopped:
            item.session.shouldstop = suite.stats.stopped

    @pytest.hookimpl(tryfirst=True)
    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            text = str(report.longrepr)
            report.longrepr = self.session.redactor.scrub(_collect_error_line(text))
            if self.config.pluginmanager.get_plugin("terminalreporter") is None:
                print(f"lmskit: {report.longrepr}", file=sys.stderr, flush=True)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            label = getattr(item, "operation_label", None)
            if _identity(item) is not None and isinstance(label, str) and not item.nodeid.endswith("]"):
                # schemathesis gives every operation's test the same node id (`…::test_conformance`): name the
                # operation, so pytest's own reports (JUnit included) tell them apart.
                item._nodeid = f"{item.nodeid}[{label}]"  # type: ignore[attr-defined]

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        session = self.session
        if not session.suites:
            return
        terminalreporter.section("lmskit contract summary")
        for line in self.summary_lines():
            terminalreporter.write_line(line)

    def summary_lines(self) -> list[str]:
        session = self.session
        lines = []
        for suite in session.suites.values():
            suite.stats.requests = suite.requests_sent()
            lines.append(session.redactor.scrub(suite.stats.summary()))
        return lines

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self._stop_live()
        contract = self.session
        for suite in contract.suites.values():
            suite.stats.requests = suite.requests_sent()
        if self.junit and contract.suites:
            write_junit(Path(self.junit), [suite.stats for suite in contract.suites.values()], contract.redactor)
        if self.config.pluginmanager.get_plugin("terminalreporter") is None:
            # `lmskit contract` runs pytest without its terminal: failures and the summary are printed here.
            lines = self.failure_lines()
            lines += ["", "lmskit contract summary", *self.summary_lines()]
            print("\n".join(contract.redactor.scrub(line) for line in lines), flush=True)

    def failure_lines(self) -> list[str]:
        contract = self.session
        lines: list[str] = []
        for suite in contract.suites.values():
            for stats in suite.stats.failed():
                text = operation_failure_text(stats, contract.options.seed, stats.detail or stats.outcome)
                lines += ["", f"{suite.api.vendor}: {stats.label} {stats.outcome}", text]
        return ["", "Failures", *lines] if lines else []


def _collect_error_line(text: str) -> str:
    """A collection error as its last meaningful line (the exception), not the import traceback above it."""
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("E "):
            return line[2:].strip()
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else text
