"""``lmskit contract``: run the schemathesis contract suites against the fakes or a live tenant."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from lmskit.contract.locate import contracts_dir
from lmskit.contract.profiles import get_profile
from lmskit.errors import UsageError
from lmskit.spec.loader import load_spec
from lmskit.vendors import VENDORS, get_vendor


def contract_command(
    vendors: Annotated[list[str] | None, typer.Argument(help="Vendor names (default: all).")] = None,
    target: Annotated[
        str | None,
        typer.Option(
            help="'fake' (in-process) or a live tenant's base URL (default: LMSKIT_<VENDOR>_BASE_URL, else fake)."
        ),
    ] = None,
    profile: Annotated[str, typer.Option(help="quick (CI) or thorough (10,000+ cases per vendor).")] = "quick",
    allow_writes: Annotated[
        bool,
        typer.Option(
            "--allow-writes",
            help="Live only: also run POST/PUT/PATCH/DELETE (needs a sandbox host or LMSKIT_ALLOW_WRITES=1).",
        ),
    ] = False,
    budget: Annotated[int | None, typer.Option(help="Live only: the most requests per vendor.")] = None,
    junit: Annotated[Path | None, typer.Option(help="Write JUnit XML into this folder.")] = None,
) -> None:
    """Every documented operation, all phases (examples, coverage, fuzzing, stateful), all checks."""
    # Imported here: httpx, pytest and schemathesis are not needed by the other commands.
    from lmskit.contract.targets import live_target

    chosen = [get_vendor(name).name for name in vendors] if vendors else list(VENDORS)
    get_profile(profile)
    if target not in (None, "fake") and len(chosen) != 1:
        raise UsageError(
            "a live --target is one vendor's tenant; name that vendor, e.g. `lmskit contract absorb --target URL`"
        )
    targets = {name: target or os.environ.get(f"LMSKIT_{name.upper()}_BASE_URL") or "fake" for name in chosen}
    if allow_writes and all(value == "fake" for value in targets.values()):
        raise UsageError("--allow-writes is for live targets; the fakes always take writes")
    for name, value in targets.items():
        if value != "fake":
            # Fail here, on one line, rather than as a pytest collection error: URL, write opt-in, credentials.
            live_target(name, load_spec(get_vendor(name).spec_path).document, value, allow_writes=allow_writes)
    environment = {
        "LMSKIT_CONTRACT_PROFILE": profile,
        "LMSKIT_CONTRACT_ALLOW_WRITES": "1" if allow_writes else "0",
    }
    if target is not None:
        environment["LMSKIT_CONTRACT_TARGET"] = target
    if budget is not None:
        environment["LMSKIT_CONTRACT_BUDGET"] = str(budget)
    folder = contracts_dir()
    arguments = [str(folder / name) for name in chosen]
    arguments += ["-c", str(folder / "pytest.ini"), "--rootdir", str(folder), "-q", "-p", "no:cacheprovider"]
    arguments += ["-W", "ignore::pytest.PytestAssertRewriteWarning"]
    if junit is not None:
        junit.mkdir(parents=True, exist_ok=True)
        arguments += ["--junitxml", str(junit / "lmskit-contracts.xml")]
    import pytest

    with _environment(environment):
        code = pytest.main(arguments)
    if junit is not None:
        print(f"lmskit: JUnit report: {junit / 'lmskit-contracts.xml'}", file=sys.stderr)
    if code == 0:
        return
    raise typer.Exit(1 if code == 1 else 2)


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
