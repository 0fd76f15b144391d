"""The ``lmskit`` command line. The only place that prints and exits.

Exit codes: 0 all good, 1 findings (lint problems, drift), 2 lmskit could not do what was asked
(unreadable input, bad options). Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from lmskit.cli import contract, diff, fixtures, generate, lint, operations, proxy, record, redact, serve, validate
from lmskit.errors import LmskitError

app = typer.Typer(
    name="lmskit",
    help="Contracts for LMS vendor APIs: lint specs, generate clients, serve verified fakes, run contract suites.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from lmskit import __version__

        print(f"lmskit {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Contracts for LMS vendor APIs: lint specs, generate clients, serve verified fakes, run contract suites."""


app.command("lint")(lint.lint_command)
app.command("generate")(generate.generate_command)
app.command("operations")(operations.operations_command)
app.command("serve")(serve.serve_command)
app.command("contract")(contract.contract_command)
app.command("validate")(validate.validate_command)
app.command("redact")(redact.redact_command)
app.command("record")(record.record_command)
app.command("proxy")(proxy.proxy_command)
app.command("diff")(diff.diff_command)
app.add_typer(fixtures.fixtures_app, name="fixtures")


def main() -> None:
    try:
        app()
    except LmskitError as exc:
        print(f"lmskit: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
