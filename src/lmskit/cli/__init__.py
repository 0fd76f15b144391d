"""The ``lmskit`` command line. The only place that prints and exits.

Exit codes: 0 all good, 1 findings (lint problems, drift), 2 lmskit could not do what was asked
(unreadable input, bad options). Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from lmskit.cli import contract, diff, fixtures, generate, lint, operations, proxy, record, redact, serve, validate
from lmskit.errors import LmskitError


class _Boundary(TyperGroup):
    """The one place an error becomes output: an LmskitError is one ``lmskit: …`` line per error on stderr and
    exit 2, whether the app runs from ``main`` or in a test's CliRunner. Commands raise; they never exit 2."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except LmskitError as exc:
            for line in str(exc).splitlines() or [exc.__class__.__name__]:
                print(f"lmskit: {line}", file=sys.stderr)
            sys.stderr.flush()
            ctx.exit(2)


app = typer.Typer(
    cls=_Boundary,
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
    app()
