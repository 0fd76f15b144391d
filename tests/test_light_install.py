"""The install a sync service makes: the wheel with no extras, in a fresh virtualenv. It pages a client through a
fake served from this test's own environment, validates captures, and names the extra for what it lacks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.clients.conftest import digitalchalk_seed, serve
from tests.conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.package]

HEAVY = ("schemathesis", "hypothesis", "openapi-python-client", "ruff", "pytest", "starlette", "uvicorn", "jinja2")


@pytest.fixture(scope="module")
def light_venv(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A fresh virtualenv with the wheel `nox -s package` built (``--package-wheel``), no extras."""
    wheel = Path(request.config.getoption("--package-wheel")).resolve()
    root = tmp_path_factory.mktemp("light")
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True, timeout=120)
    pip = [str(root / "venv" / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)]
    subprocess.run(pip, check=True, timeout=600, capture_output=True)
    return root / "venv" / "bin"


def run(bin_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("LMSKIT_", "PYTHONPATH"))}
    return subprocess.run(
        [str(bin_dir / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean, **(env or {})},
        cwd=bin_dir.parent.parent,  # outside the checkout: the installed package, not the source tree
        check=False,
    )


def test_the_light_install_has_no_test_or_generator_tooling(light_venv: Path) -> None:
    listed = run(light_venv, "python", "-m", "pip", "list", "--format=freeze").stdout.lower()
    installed = {line.split("==")[0] for line in listed.splitlines()}
    assert not installed & set(HEAVY), sorted(installed & set(HEAVY))
    assert {"httpx", "httpx-retries", "attrs", "lms-contract-kit"} <= installed


def test_a_light_install_pages_every_row_from_a_fake(light_venv: Path) -> None:
    seed, expected = digitalchalk_seed(1234)
    _app, server, env = serve("digitalchalk", seed)
    script = textwrap.dedent(
        """
        from digitalchalk_client.api.registrations import list_registrations
        from lmskit.clients import client_from_env, paginate

        client = client_from_env("digitalchalk")
        print("\\n".join(r.id for r in paginate(list_registrations, client=client, page_size=50)))
        """
    )
    try:
        result = run(light_venv, "python", "-c", script, env=env)
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


def test_a_light_install_validates_captures(light_venv: Path) -> None:
    fixtures = REPO / "contracts" / "fixtures" / "digitalchalk"
    result = run(light_venv, "lmskit", "validate", str(fixtures))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (["lmskit", "serve", "digitalchalk", "--port", "0"], "fakes"),
        (["lmskit", "contract", "digitalchalk"], "contract"),
        (["lmskit", "generate", "digitalchalk", "--out", "x"], "generate"),
        (["lmskit", "lint"], "lint"),
    ],
)
def test_a_missing_extra_is_one_line_naming_the_pip_install(light_venv: Path, command: list[str], extra: str) -> None:
    result = run(light_venv, *command)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    # The install that works today (the kit is not on the package index), never a name anyone could claim there.
    assert f'pip install ".[{extra}]"' in lines[0] and 'pip install "lms-contract-kit[' not in lines[0]
