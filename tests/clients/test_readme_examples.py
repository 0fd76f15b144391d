"""The documented client example for each vendor (docs/clients.md), run as written against the fake on loopback."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.clients.conftest import built_in_seed, serve
from tests.conftest import REPO

EXAMPLE = re.compile(r"<!-- lmskit:example:(?P<vendor>\w+) -->\n```python\n(?P<code>.*?)```", re.DOTALL)


# What each example prints first on each line, from the built-in seeds: the learner's registration, the
# program's learners (the deleted one not listed), the course's enrollments' users.
EXPECTED = {
    "digitalchalk": ["65ade781cc98d136543678191005431a"],
    "bridge": ["42", "43"],
    "absorb": [
        "6b2d9c1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e",
        "7d3e0a2f-4b5c-4c6d-9e7f-8a9b0c1d2e3f",
        "0f8fad5b-d9cb-469f-a165-70867728950e",
    ],
}


def examples() -> dict[str, str]:
    text = (REPO / "docs" / "clients.md").read_text(encoding="utf-8")
    return {found["vendor"]: found["code"] for found in EXAMPLE.finditer(text)}


def test_the_readme_has_one_example_per_vendor() -> None:
    assert sorted(examples()) == ["absorb", "bridge", "digitalchalk"]


@pytest.mark.parametrize("vendor", ["digitalchalk", "bridge", "absorb"])
def test_the_readme_example_runs_against_the_fake(vendor: str) -> None:
    _app, server, env = serve(vendor, built_in_seed(vendor))
    clean = {key: value for key, value in os.environ.items() if not key.startswith("LMSKIT_")}
    try:
        result = subprocess.run(
            [sys.executable, "-c", examples()[vendor]],
            capture_output=True,
            text=True,
            timeout=120,
            env={**clean, **env},
            check=False,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    firsts = [line.split()[0] for line in result.stdout.strip().splitlines()]
    assert firsts == EXPECTED[vendor], result.stdout
