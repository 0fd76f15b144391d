"""pytest plugin for the contract suites: the run's options (the same ones ``lmskit contract`` takes) and a
per-vendor summary at the end of the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lmskit.contract.options import RunOptions
from lmskit.contract.profiles import PROFILES
from lmskit.contract.session import ContractSession, PreparedApis, activate, active_session
from lmskit.project import find_config, parse_overlay_option


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("lmskit", "lmskit contract run")
    group.addoption("--target", default=None, help="'fake' or a tenant's base URL (default: LMSKIT_<VENDOR>_BASE_URL).")
    group.addoption("--profile", default="quick", choices=sorted(PROFILES), help="quick (CI) or thorough.")
    group.addoption("--allow-writes", action="store_true", default=False, help="Live: also run writes (sandbox only).")
    group.addoption("--budget", type=int, default=None, help="Live: the most requests per vendor.")
    group.addoption(
        "--overlay", action="append", default=[], help="An OpenAPI Overlay to apply (FILE or VENDOR=FILE); repeatable."
    )
    group.addoption("--no-config", action="store_true", default=False, help="Ignore lmskit.toml / [tool.lmskit].")


def pytest_configure(config: pytest.Config) -> None:
    options = RunOptions(
        target=config.getoption("--target"),
        profile=config.getoption("--profile"),
        allow_writes=config.getoption("--allow-writes"),
        budget=config.getoption("--budget"),
        overlays=tuple(parse_overlay_option(value) for value in config.getoption("--overlay")),
    )
    prepared = next((p.apis for p in config.pluginmanager.get_plugins() if isinstance(p, PreparedApis)), None)
    project = () if prepared is not None or config.getoption("--no-config") else find_config(Path.cwd()).overlays
    activate(ContractSession(options, project, prepared))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    session = active_session()
    if not session.suites:
        return
    terminalreporter.section("lmskit contract summary")
    for suite in session.suites.values():
        terminalreporter.write_line(suite.stats.summary())
