"""``lmskit contract``: run the schemathesis contract suites against the fakes or a live tenant."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, apis_for, vendor_names
from lmskit.contract.locate import contracts_dir
from lmskit.contract.options import BUNDLED, DEFAULT_SEED, RunOptions, check_counts, parse_params
from lmskit.contract.profiles import PROFILES, get_profile
from lmskit.errors import UsageError
from lmskit.extras import require
from lmskit.vendors import VENDORS

if TYPE_CHECKING:
    from lmskit.contract.session import ContractSession

JUNIT_FILE = "lmskit-contracts.xml"


def contract_command(
    vendors: Annotated[
        list[str] | None,
        typer.Argument(
            help=f"Vendors: {', '.join(VENDORS)} (default: all).",
            metavar="[" + "|".join(VENDORS) + "]...",
            show_default=False,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            help="'fake' (in-process), 'served' (the fake on a loopback port, over real HTTP) or a live tenant's base"
            " URL (default: LMSKIT_<VENDOR>_BASE_URL, else fake)."
        ),
    ] = None,
    profile: Annotated[
        str,
        typer.Option(help="quick (CI) or thorough (10,000+ cases per vendor).", metavar="[" + "|".join(PROFILES) + "]"),
    ] = "quick",
    allow_writes: Annotated[
        bool,
        typer.Option(
            "--allow-writes",
            help="Live only: also run POST/PUT/PATCH/DELETE (needs a sandbox server of the spec, loopback, or "
            "LMSKIT_ALLOW_WRITES=1).",
        ),
    ] = False,
    budget: Annotated[int | None, typer.Option(help="Live only: the most requests per vendor (all count).")] = None,
    max_examples: Annotated[int | None, typer.Option(help="Generated examples per operation.")] = None,
    include: Annotated[
        list[str] | None, typer.Option(help="Only these operations: operationId, path or 'GET /path'. Repeatable.")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Not these operations. Repeatable.")] = None,
    seed: Annotated[int, typer.Option(help="Generation seed; a failure report names the one to rerun with.")] = (
        DEFAULT_SEED
    ),
    param: Annotated[
        list[str] | None,
        typer.Option(help="Pin a parameter, NAME=VALUE (userId=42, path.id=7): real ids for a live tenant."),
    ] = None,
    exitfirst: Annotated[bool, typer.Option("-x", "--exitfirst", help="Stop at the first failed test.")] = False,
    max_failures: Annotated[int | None, typer.Option(help="Stop after this many failed tests.")] = None,
    junit: Annotated[
        Path | None, typer.Option(help=f"Write JUnit XML ({JUNIT_FILE}: a test case per operation) into this folder.")
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Run up to N vendors at once, each in a process of its own (budgets stay per vendor).")
    ] = 1,
    schemathesis_config: Annotated[
        bool,
        typer.Option(
            "--schemathesis-config",
            help="Print the schemathesis.toml that gives plain `schemathesis run` the kit's verdict, and exit.",
        ),
    ] = False,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Every documented operation, all phases (examples, coverage, fuzzing, stateful), all checks.

    Examples: lmskit contract absorb  (the bundled fake, in process);
    lmskit contract bridge --target https://acme.bridgeapp.com --budget 500  (a tenant, read-only)
    """
    require("contract", "lmskit contract")
    # Imported here: httpx, pytest and schemathesis are not needed by the other commands.
    from lmskit.contract.session import ContractSession

    chosen = vendor_names(vendors)
    if schemathesis_config:
        from lmskit.contract.wiring import schemathesis_toml

        built = apis_for(chosen, overlay, no_config)
        print(schemathesis_toml([built[name] for name in chosen]), end="")
        return
    get_profile(profile)
    check_counts(budget, max_examples)
    if max_failures is not None and max_failures < 1:
        raise UsageError(f"--max-failures {max_failures}: at least 1")
    if workers < 1:
        raise UsageError(f"--workers {workers}: at least 1")
    if target not in (None, *BUNDLED) and len(chosen) != 1:
        raise UsageError(
            "a live --target is one vendor's tenant; name that vendor, e.g. `lmskit contract absorb --target URL`"
        )
    options = RunOptions(
        target=target,
        profile=profile,
        allow_writes=allow_writes,
        budget=budget,
        max_examples=max_examples,
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        seed=seed,
        params=parse_params(param or []),
    )
    targets = {name: options.target_for(name) for name in chosen}
    if allow_writes and all(value in BUNDLED for value in targets.values()):
        raise UsageError("--allow-writes is for live targets; the fakes always take writes")
    # Everything that can be wrong before the first generated case fails here, on one line, not as a pytest
    # collection error: overlays, URL, write opt-in, credentials, a target that does not answer.
    apis = apis_for(chosen, overlay, no_config)
    if workers > 1 and len(chosen) > 1:
        shared = _shared_arguments(options, overlay, no_config, exitfirst, max_failures)
        code = run_in_workers(chosen, shared, workers, junit)
        if code:
            raise typer.Exit(code)
        return
    session = ContractSession(options, prepared=apis)
    try:
        _run(session, chosen, profile, seed, exitfirst, max_failures, junit)
    finally:
        session.close()


def _run(
    session: ContractSession,
    chosen: list[str],
    profile: str,
    seed: int,
    exitfirst: bool,
    max_failures: int | None,
    junit: Path | None,
) -> None:
    """Build each vendor's suite (checking live targets), then run them all under pytest."""
    from lmskit.contract.success import unreached

    for name in chosen:
        suite = session.suite(name)
        print(f"lmskit: {suite.target.label}, {profile} profile, seed {seed}", flush=True)
        if suite.target.is_live and suite.harvest.requests:
            missing = unreached(suite.api, suite.operations, suite.harvest)
            line = f"lmskit: {name}: real values found in {suite.harvest.requests} list request(s)"
            if missing:
                line += f"; none for {', '.join(op.label for op in missing)} (pin them with --param NAME=VALUE)"
            print(line, flush=True)
    folder = contracts_dir()
    arguments = [str(folder / name) for name in chosen]
    # No pytest terminal: the plugin prints a line per operation, the failure reports and the summary itself.
    arguments += ["-c", str(folder / "pytest.ini"), "--rootdir", str(folder), "-p", "no:cacheprovider"]
    arguments += ["-p", "no:terminal"]
    # Plain asserts: rewriting the ~360 modules a run imports costs seconds and these suites report their own
    # failures.
    arguments.append("--assert=plain")
    if exitfirst:
        arguments.append("--exitfirst")
    if max_failures is not None:
        arguments += ["--maxfail", str(max_failures)]
    if junit is not None:
        arguments += ["--lmskit-junit", str(junit / JUNIT_FILE)]
    import pytest

    from lmskit.contract.pytest_hooks import PreparedSession

    code = pytest.main(arguments, plugins=[PreparedSession(session)])
    if junit is not None:
        print(f"lmskit: JUnit report: {junit / JUNIT_FILE}", file=sys.stderr)
    exit_code = session.exit_code(int(code))
    if exit_code:
        raise typer.Exit(exit_code)


def _shared_arguments(
    options: RunOptions, overlay: list[str] | None, no_config: bool, exitfirst: bool, max_failures: int | None
) -> list[str]:
    """The options of this run as `lmskit contract` arguments, for a worker that runs one vendor."""
    arguments = ["--profile", options.profile, "--seed", str(options.seed)]
    if options.target is not None:
        arguments += ["--target", options.target]
    if options.allow_writes:
        arguments.append("--allow-writes")
    if options.budget is not None:
        arguments += ["--budget", str(options.budget)]
    if options.max_examples is not None:
        arguments += ["--max-examples", str(options.max_examples)]
    for flag, values in (("--include", options.include), ("--exclude", options.exclude)):
        for value in values:
            arguments += [flag, value]
    for name, value in options.params:
        arguments += ["--param", f"{name}={value}"]
    if exitfirst:
        arguments.append("--exitfirst")
    if max_failures is not None:
        arguments += ["--max-failures", str(max_failures)]
    for value in overlay or []:
        arguments += ["--overlay", value]
    if no_config:
        arguments.append("--no-config")
    return arguments


def run_in_workers(vendors: list[str], shared: list[str], workers: int, junit: Path | None) -> int:
    """Each vendor in a process of its own, at most ``workers`` at once; their lines relayed as they come (each
    starts with its vendor's name). One JUnit file in the end. The exit code is the worst of theirs."""
    import subprocess
    import tempfile
    import threading
    from concurrent.futures import ThreadPoolExecutor

    lock = threading.Lock()
    scratch = Path(tempfile.mkdtemp(prefix="lmskit-workers-"))

    def one(vendor: str) -> int:
        command = [sys.executable, "-m", "lmskit", "contract", vendor, *shared]
        if junit is not None:
            command += ["--junit", str(scratch / vendor)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert process.stdout is not None
        for line in process.stdout:
            with lock:
                print(line.rstrip("\n"), flush=True)
        return process.wait()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        codes = list(pool.map(one, vendors))
    if junit is not None:
        _merge_junit([scratch / vendor / JUNIT_FILE for vendor in vendors], junit / JUNIT_FILE)
        print(f"lmskit: JUnit report: {junit / JUNIT_FILE}", file=sys.stderr)
    return 2 if 2 in codes else max(codes)


def _merge_junit(parts: list[Path], target: Path) -> None:
    from xml.etree import ElementTree

    root = ElementTree.Element("testsuites", name="lmskit contract")
    for part in parts:
        if part.is_file():
            root.extend(ElementTree.parse(part).getroot())
    target.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)
