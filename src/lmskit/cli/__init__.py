"""The ``lmskit`` command line. The only place that prints and exits.

Exit codes: 0 all good, 1 findings (lint problems, drift), 2 lmskit could not do what was asked
(unreadable input, bad options). Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from lmskit import settings
from lmskit.cli import contract, diff, fixtures, generate, lint, operations, proxy, record, redact, serve, validate
from lmskit.errors import LmskitError

# click's UsageError (an option of the wrong type, an unknown option, a missing argument): newer typers vendor click
# and export only this subclass of it.
_UsageError: type[Exception] = typer.BadParameter.__mro__[1]


class _Boundary(TyperGroup):
    """The one place an error becomes output: an LmskitError is one ``lmskit: …`` line per error on stderr and
    exit 2, whether the app runs from ``main`` or in a test's CliRunner. Commands raise; they never exit 2. A
    usage error (``--max-depth x``) is one line too, naming the option and where the help is."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _UsageError as exc:
            _usage(exc)

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except LmskitError as exc:
            for line in str(exc).splitlines() or [exc.__class__.__name__]:
                print(f"lmskit: {line}", file=sys.stderr)
            sys.stderr.flush()
            ctx.exit(2)
        except _UsageError as exc:
            _usage(exc)
        finally:
            settings.use(None)  # the command's limits end with it (many commands run in one test process)


def _usage(exc: Any) -> NoReturn:
    """One line for a usage error, exit 2; no arguments at all still shows the help (typer's NoArgsIsHelpError)."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        raise exc
    command = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else "lmskit"
    print(f"lmskit: {' '.join(exc.format_message().split())} (see `{command} --help`)", file=sys.stderr)
    sys.stderr.flush()
    raise typer.Exit(2)


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


def _limit(name: str) -> Any:
    limit = settings.LIMITS[name]
    return typer.Option(limit.option, envvar=limit.variable, min=1, help=f"Limit: {limit.meaning}.", show_default=True)


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    max_input_bytes: Annotated[int, _limit("max_input_bytes")] = settings.LIMITS["max_input_bytes"].default,
    max_capture_bytes: Annotated[int, _limit("max_capture_bytes")] = settings.LIMITS["max_capture_bytes"].default,
    max_depth: Annotated[int, _limit("max_depth")] = settings.LIMITS["max_depth"].default,
    max_nodes: Annotated[int, _limit("max_nodes")] = settings.LIMITS["max_nodes"].default,
    max_spec_nodes: Annotated[int, _limit("max_spec_nodes")] = settings.LIMITS["max_spec_nodes"].default,
    max_findings: Annotated[int, _limit("max_findings")] = settings.LIMITS["max_findings"].default,
) -> None:
    """Contracts for LMS vendor APIs: lint specs, generate clients, serve verified fakes, run contract suites.

    The limits below bound what any input may cost; each is read once when a command starts, from its option or
    else its environment variable (lmskit --max-findings 50 validate captures/).
    """
    settings.use(
        settings.Settings(
            max_input_bytes=max_input_bytes,
            max_capture_bytes=max_capture_bytes,
            max_depth=max_depth,
            max_nodes=max_nodes,
            max_spec_nodes=max_spec_nodes,
            max_findings=max_findings,
        )
    )


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
