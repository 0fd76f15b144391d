"""``lmskit contract``: run the schemathesis contract suites against the fakes or a live tenant."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for, vendor_names
from lmskit.contract.locate import contracts_dir
from lmskit.contract.options import FAKE, RunOptions
from lmskit.contract.profiles import get_profile
from lmskit.errors import UsageError


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
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Every documented operation, all phases (examples, coverage, fuzzing, stateful), all checks."""
    # Imported here: httpx, pytest and schemathesis are not needed by the other commands.
    from lmskit.contract.targets import live_target

    chosen = vendor_names(vendors)
    get_profile(profile)
    if target not in (None, FAKE) and len(chosen) != 1:
        raise UsageError(
            "a live --target is one vendor's tenant; name that vendor, e.g. `lmskit contract absorb --target URL`"
        )
    options = RunOptions(target=target, profile=profile, allow_writes=allow_writes, budget=budget)
    targets = {name: options.target_for(name) for name in chosen}
    if allow_writes and all(value == FAKE for value in targets.values()):
        raise UsageError("--allow-writes is for live targets; the fakes always take writes")
    # Fail here, on one line, rather than as a pytest collection error: overlays, URL, write opt-in, credentials.
    apis = apis_for(chosen, overlay, no_config)
    for name, value in targets.items():
        if value != FAKE:
            live_target(apis[name], value, allow_writes=allow_writes)
    folder = contracts_dir()
    arguments = [str(folder / name) for name in chosen]
    arguments += ["-c", str(folder / "pytest.ini"), "--rootdir", str(folder), "-q", "-p", "no:cacheprovider"]
    # Plain asserts: rewriting the ~360 modules a run imports costs seconds and these suites report their own
    # failures (schemathesis's, and assert messages of their own).
    arguments += ["--assert=plain", "--profile", profile]
    if target is not None:
        arguments += ["--target", target]
    if allow_writes:
        arguments.append("--allow-writes")
    if budget is not None:
        arguments += ["--budget", str(budget)]
    for value in overlay or []:
        arguments += ["--overlay", value]
    if no_config:
        arguments.append("--no-config")
    if junit is not None:
        junit.mkdir(parents=True, exist_ok=True)
        arguments += ["--junitxml", str(junit / "lmskit-contracts.xml")]
    import pytest

    from lmskit.contract.session import PreparedApis

    code = pytest.main(arguments, plugins=[PreparedApis(apis)])
    if junit is not None:
        print(f"lmskit: JUnit report: {junit / 'lmskit-contracts.xml'}", file=sys.stderr)
    if code == 0:
        return
    raise typer.Exit(1 if code == 1 else 2)
