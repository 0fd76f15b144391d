from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lmskit.spec.loader import Spec, load_spec
from lmskit.vendors import VENDORS

REPO = Path(__file__).resolve().parents[1]
SPECS = REPO / "specs"


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_lmskit(
    *args: str | Path,
    cwd: Path = REPO,
    timeout: float = 120,
    without_lmskit_env: bool = False,
    env: dict[str, str] | None = None,
) -> CliResult:
    """Run the real CLI in a subprocess: exit codes, stderr and the absence of tracebacks are what users see.

    ``without_lmskit_env`` drops the caller's LMSKIT_* variables (a developer's tenant settings)."""
    base = {k: v for k, v in os.environ.items() if not (without_lmskit_env and k.startswith("LMSKIT_"))}
    environment = {**base, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "lmskit", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        check=False,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


class SpecCopy:
    """A copy of a vendor spec in a temporary folder, edited by exact text replacement."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def replace(self, old: str, new: str) -> SpecCopy:
        text = self.text
        # Exactly one match, so a spec edit that moves the text makes the test fail instead of passing vacuously.
        assert text.count(old) == 1, f"expected exactly one {old!r} in {self.path.name}, found {text.count(old)}"
        self.path.write_text(text.replace(old, new), encoding="utf-8")
        return self

    def line_of(self, fragment: str) -> int:
        lines = [number for number, line in enumerate(self.text.splitlines(), 1) if fragment in line]
        assert len(lines) == 1, f"expected {fragment!r} on exactly one line, found {lines}"
        return lines[0]

    def load(self) -> Spec:
        return load_spec(self.path)


@pytest.fixture
def spec_copy(tmp_path: Path):
    def make(vendor: str) -> SpecCopy:
        target = tmp_path / f"{vendor}.yaml"
        target.write_text((SPECS / f"{vendor}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        return SpecCopy(target)

    return make


@pytest.fixture(params=sorted(VENDORS))
def vendor_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)
