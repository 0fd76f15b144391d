"""Errors: lmskit could not do what it was asked.

A *finding* (something wrong in a spec, a fixture or a vendor response) is data and is reported;
an *error* stops the command. Every error is one line: where, what, what to do.

    LmskitError
    ├── UsageError          options that contradict each other, unknown vendor names
    ├── SpecError           spec missing, unparsable YAML, not a mapping
    │   └── OverlayError    an overlay that is not one, or does not fit its spec (lmskit.spec.overlay)
    ├── InputError          an input file we cannot read
    ├── OperationNotFound   an operation name the spec lacks; carries the closest ones
    └── GenerationError     openapi-python-client failed; carries its last output lines
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
