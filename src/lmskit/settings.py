"""The kit's limits: one definition each (its environment variable, its one default, what it bounds), read when
they are used, never at import.

A command's ``--max-…`` options (on ``lmskit`` itself, each with its environment variable, so ``--help`` shows
both) are read once when the command starts and installed with ``use``; library code asks ``current()``, which
without a command reads the environment at that moment. docs/reference/environment.md lists them; a test keeps the
page and this module in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from lmskit.errors import UsageError


@dataclass(frozen=True)
class Limit:
    """One limit: ``LMSKIT_<NAME>``, its default, and what it bounds (the docs' and ``--help``'s words)."""

    variable: str
    default: int
    meaning: str
    option: str  # the ``lmskit`` option that sets it

    def read(self, environ: Mapping[str, str], *, lenient: bool = False) -> int:
        """The environment's value; the default when unset; for a value that is no whole number of at least 1,
        UsageError naming the variable (or, ``lenient``, the default)."""
        raw = environ.get(self.variable, "").strip()
        if not raw:
            return self.default
        try:
            number = int(raw.replace("_", ""))
        except ValueError:
            number = 0
        if number >= 1:
            return number
        if lenient:
            return self.default
        raise UsageError(
            f"{self.variable}={raw!r} is not a whole number of at least 1; unset it for the default {self.default:,}"
        )


MiB = 1024 * 1024

LIMITS: dict[str, Limit] = {
    "max_input_bytes": Limit(
        "LMSKIT_MAX_INPUT_BYTES", 512 * MiB, "the largest file any command reads, in bytes", "--max-input-bytes"
    ),
    "max_capture_bytes": Limit(
        "LMSKIT_MAX_CAPTURE_BYTES",
        512 * MiB,
        "the largest capture `lmskit redact` rewrites, in bytes",
        "--max-capture-bytes",
    ),
    "max_depth": Limit("LMSKIT_MAX_DEPTH", 200, "JSON and YAML nesting refused past this depth", "--max-depth"),
    "max_nodes": Limit(
        "LMSKIT_MAX_NODES", 5_000_000, "values a JSON document (a capture, a body) may hold", "--max-nodes"
    ),
    "max_spec_nodes": Limit(
        "LMSKIT_MAX_SPEC_NODES",
        1_000_000,
        "values a spec or overlay may expand to (YAML alias bombs, overlay blow-ups)",
        "--max-spec-nodes",
    ),
    "max_findings": Limit("LMSKIT_MAX_FINDINGS", 1_000, "findings kept per response", "--max-findings"),
}


@dataclass(frozen=True)
class Settings:
    max_input_bytes: int = LIMITS["max_input_bytes"].default
    max_capture_bytes: int = LIMITS["max_capture_bytes"].default
    max_depth: int = LIMITS["max_depth"].default
    max_nodes: int = LIMITS["max_nodes"].default
    max_spec_nodes: int = LIMITS["max_spec_nodes"].default
    max_findings: int = LIMITS["max_findings"].default

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, *, lenient: bool = False) -> Settings:
        """Every limit from the environment (``os.environ`` now, unless given); a bad value is a UsageError, or
        with ``lenient`` the default."""
        source = os.environ if environ is None else environ
        return cls(**{field.name: LIMITS[field.name].read(source, lenient=lenient) for field in fields(cls)})


_installed: list[Settings] = []  # what the running command installed (``use``), if any


def use(settings: Settings | None) -> None:
    """Install a command's settings for the rest of the process (None: back to reading the environment)."""
    _installed[:] = [settings] if settings is not None else []


def current() -> Settings:
    """The running command's settings, or the environment's as it is now. A bad value in the environment reads as
    the default here (library code must not fail mid-request); the CLI refuses it at the start, naming it."""
    return _installed[0] if _installed else Settings.from_environ(lenient=True)
