from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from lmskit.spec.loader import Spec, load_spec
from lmskit.vendors import VENDORS

REPO = Path(__file__).resolve().parents[1]
SPECS = REPO / "specs"

# A valid Absorb course enrollment, as the API sends one (nulls included), for tests that need a body.
ABSORB_ENROLLMENT: dict[str, object] = {
    "id": "a14c149a-2ce0-41d4-b532-02189ad3cb22",
    "courseId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "courseName": "Safety Basics",
    "courseVersionId": None,
    "userId": "6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e",
    "fullName": "Person 1a2b3c4d",
    "status": 1,
    "progress": 10,
    "score": None,
    "isActive": True,
    "acceptedTermsAndConditions": False,
    "timeSpent": "00:10:00",
    "dateAdded": "2024-01-08T09:00:00",
    "dateEdited": "2024-01-08T09:00:00",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--package-wheel",
        default=None,
        help="A built wheel of the kit: run the install tests (marked `package`) against it; `nox -s package` does.",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The install tests need a built wheel: they belong to `nox -s package` (which builds one), and the suite
    # reports them as deselected (never skipped, never silently gone) when there is none.
    if config.getoption("--package-wheel"):
        return
    deselected = [item for item in items if item.get_closest_marker("package") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item.get_closest_marker("package") is None]


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_lmskit(
    *args: str | Path,
    cwd: Path = REPO,
    timeout: float | None = None,
    without_lmskit_env: bool = False,
    env: dict[str, str] | None = None,
    process: bool = False,
) -> CliResult:
    """Run the CLI as a user does. In this process (typer's CliRunner, with ``lmskit.cli.main``'s error boundary:
    exit codes and stderr are what users see, at a fraction of a subprocess's CPU), unless ``process`` or a
    ``timeout`` asks for a child process (a guard against hangs, which an in-process call could not stop).

    ``without_lmskit_env`` drops the caller's LMSKIT_* variables (a developer's tenant settings)."""
    if process or timeout is not None:
        base = {k: v for k, v in os.environ.items() if not (without_lmskit_env and k.startswith("LMSKIT_"))}
        environment = {**base, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
        completed = subprocess.run(
            [sys.executable, "-m", "lmskit", *map(str, args)],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout or 120,
            env=environment,
            check=False,
        )
        return CliResult(completed.returncode, completed.stdout, completed.stderr)
    overrides: dict[str, str | None] = {"NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    if without_lmskit_env:
        overrides.update({key: None for key in os.environ if key.startswith("LMSKIT_") and key not in (env or {})})
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        return invoke_lmskit(*args, env=overrides)
    finally:
        os.chdir(previous)


def invoke_lmskit(
    *args: str | Path, env: Mapping[str, str | None] | None = None, stdin: str | None = None
) -> CliResult:
    """Run the CLI in this process (typer's CliRunner). The app's own error boundary turns an LmskitError into
    its ``lmskit: …`` line and exit 2, as for users; anything else escaping is a bug and raised here."""
    from typer.testing import CliRunner

    from lmskit.cli import app

    result = CliRunner().invoke(app, [str(arg) for arg in args], env=env, input=stdin, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


def run_pytest(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """A pytest run of its own in ``cwd`` (a user's suite, an example), as a child process with a time bound."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


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
