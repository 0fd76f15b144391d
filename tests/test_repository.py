"""The promises the repository makes about itself: README table, quick-start commands, CI, public API."""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import subprocess

import lmskit
from lmskit.spec.loader import load_spec
from lmskit.spec.operations import iter_operations
from lmskit.vendors import VENDORS
from tests.conftest import REPO


def readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_the_operation_table_lists_every_operation_of_every_spec() -> None:
    text = (REPO / "docs" / "reference" / "operations.md").read_text(encoding="utf-8")
    table = text[text.index("<!-- lmskit:operations:start -->") : text.index("<!-- lmskit:operations:end -->")]
    rows = set(re.findall(r"^\| (\w+) \| `(\w+)` \| ([A-Z]+) \| `([^`]+)` \|$", table, flags=re.MULTILINE))
    expected = {
        (vendor.name, op.operation_id, op.method.upper(), op.path)
        for vendor in VENDORS.values()
        for op in iter_operations(load_spec(vendor.spec_path).document)
    }
    assert len(expected) == 4 + 5 + 28
    assert rows == expected


def test_ci_runs_the_readme_commands() -> None:
    commands = subprocess.run(
        [
            "bash",
            "-c",
            "source <(sed -n '/^readme_command()/,/^}/p' .ci/run); "
            "readme_command test-command; readme_command main-command",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert commands == [
        "python3 -m venv .venv && .venv/bin/python -m pip install -q nox && .venv/bin/nox -s tests",
        "python3 -m venv .venv && .venv/bin/python -m pip install -q nox && .venv/bin/nox -s contracts",
    ]


def test_public_api_names_exist() -> None:
    # Each lazily exported name is the object its module defines (a wrong module in _EXPORTS fails here).
    for name, module in lmskit._EXPORTS.items():
        assert getattr(lmskit, name) is getattr(importlib.import_module(module), name), name
    assert set(lmskit.__all__) - {"__version__"} == set(lmskit._EXPORTS)
    # The names mypy sees (the TYPE_CHECKING imports) are the names exported, neither more nor fewer.
    source = (REPO / "src" / "lmskit" / "__init__.py").read_text(encoding="utf-8")
    block = source.split("if TYPE_CHECKING:", 1)[1].split("\n\n", 1)[0]
    typed = {name.strip() for line in re.findall(r"import (.+)", block) for name in line.split(",")}
    assert typed == set(lmskit._EXPORTS)
    assert lmskit.__version__ == importlib.metadata.version("lms-contract-kit")
