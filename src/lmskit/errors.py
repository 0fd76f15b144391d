"""Errors: lmskit could not do what it was asked.

A *finding* (something wrong in a spec, a fixture or a vendor response) is data and is reported;
an *error* stops the command. Every error is one line: where, what, what to do. Commands raise them; the
CLI's one boundary (``lmskit.cli``) prints ``lmskit: <message>`` and exits 2. Every class is here, so this tree
is the whole list (``tests/test_errors.py`` compares it with the code):

    LmskitError
    ├── UsageError           options that contradict each other, unknown vendor names
    │   └── WritesNotAllowed a write to a live tenant without the second opt-in
    ├── MissingExtra         the extra a command needs is not installed (also an ImportError)
    ├── SpecError            spec missing, unparsable YAML, not a mapping
    │   └── OverlayError     an overlay that is not one, or does not fit its spec
    ├── PromiseError         an x-lmskit-expect/-filter that does not say what it must (also a ValueError)
    ├── PagingError          an x-lmskit-pagination that does not say what it must (also a ValueError)
    │   └── UnsafeLink       a next link to another origin, or back to its own page
    ├── InputError           an input file we cannot read
    ├── NothingValidated     validate found no response it could check
    ├── OperationNotFound    an operation name the spec lacks; carries the closest ones
    ├── GenerationError      openapi-python-client failed; carries its last output lines
    ├── PortUnavailable      serve or proxy cannot listen where asked
    ├── StoreError           a fake's SQLite file cannot be opened
    ├── ClientSetupError     a client cannot be set up as asked (package, credential, setting)
    ├── TokenError           a client's token request failed
    ├── PageError            a page could not be read (status, foreign or repeating link)
    │   └── PageShifted      the list changed between two pages (total changed, an item repeated)
    ├── BudgetSpent          the request budget is spent; the request that would pass it was not sent
    ├── TargetError          the target (a tenant, a served fake) cannot be used as asked
    │   ├── TargetUnreachable   nothing answers at its address
    │   ├── WrongTarget         it answers, but not as this vendor at the spec's base path
    │   ├── CredentialsRejected the configured credentials do not authenticate there
    │   └── AuthError           credentials missing, or the contract run's token request failed
    ├── RunStopped           a run cannot go on (budget spent, target gone)
    └── SeveralErrors        more than one input could not be used: one line each
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class LmskitError(Exception):
    """Base of every error lmskit raises on purpose; the CLI prints it on one line and exits 2."""


class UsageError(LmskitError):
    """The command was called with options that cannot work together."""


@dataclass(eq=False)
class SpecError(LmskitError):
    """A spec file cannot be read or parsed."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    @classmethod
    def from_yaml_error(cls, exc: yaml.YAMLError, path: Path) -> SpecError:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        return cls(
            path,
            f"YAML syntax error: {problem}; fix the indentation or quote the value "
            "(a ': ' inside a plain value needs quotes)",
            line,
            column,
        )


class InputError(LmskitError):
    """An input file cannot be read."""


class OperationNotFound(LmskitError):
    """An operation name that the spec does not have; the message lists the closest ones."""


class GenerationError(LmskitError):
    """openapi-python-client failed or warned; the message carries its last output lines."""


class SeveralErrors(LmskitError):
    """More than one input could not be used (``lmskit lint`` over several specs): one line each."""

    def __init__(self, errors: list[LmskitError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(error) for error in errors))


class NothingValidated(LmskitError):
    """``lmskit validate`` found no response it could check; the message says what it skipped and why."""


class PortUnavailable(LmskitError):
    """``serve`` or ``proxy`` cannot listen where it was asked to."""


class WritesNotAllowed(UsageError):
    """A write to a live tenant was asked for without the second opt-in."""


class MissingExtra(LmskitError, ImportError):
    """A part of the kit whose extra is not installed; the message names the ``pip install`` to run."""


class PromiseError(LmskitError, ValueError):
    """A promise extension that does not say what it must; the message names the JSON pointer and the fix."""


class PagingError(LmskitError, ValueError):
    """An extension that does not say what it must; the message names the JSON pointer and the fix."""


class UnsafeLink(PagingError):
    """A next link that leads to another origin (it would carry the credentials there) or back to its own page."""


class StoreError(LmskitError):
    """The fake's SQLite file cannot be opened or its tables created."""


class ClientSetupError(LmskitError):
    """A client cannot be set up as asked: an unknown package, a missing credential, a bad setting."""


class TokenError(LmskitError):
    """The token request failed. Names the operation and its status, never a credential."""


class PageError(LmskitError):
    """A page could not be read: an error status, a link to another host, a link that repeats its page."""


class PageShifted(PageError):
    """The list changed while it was read page by page (its total changed, or a page repeated an item of the page
    before): the items read so far are not the list; start the walk again."""


class BudgetSpent(LmskitError):
    """The request budget is spent; the request that would pass it was not sent."""


class TargetError(LmskitError):
    """The target (a tenant, a served fake) cannot be used as asked."""


class TargetUnreachable(TargetError):
    """Nothing answers at the target's address."""


class WrongTarget(TargetError):
    """The target answers, but not as this vendor's API at the spec's base path (a missing base path, another
    vendor's server)."""


class CredentialsRejected(TargetError):
    """The configured credentials do not authenticate at the target."""


class AuthError(TargetError):
    """Credentials are missing, or the token request failed. Never carries a credential; a failed token request
    keeps its operation, status and a short excerpt of the answer (masked by the run before it is shown)."""

    def __init__(self, message: str, operation: str = "", status: int | None = None, excerpt: str = "") -> None:
        super().__init__(message)
        self.operation = operation
        self.status = status
        self.excerpt = excerpt


class RunStopped(LmskitError):
    """The run cannot go on: the budget is spent or the target stopped answering."""


class OverlayError(SpecError):
    """An overlay that cannot be read, is not an Overlay document, or does not fit the spec it extends."""
