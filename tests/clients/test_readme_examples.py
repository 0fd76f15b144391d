"""The README's client example for each vendor, run as written against the vendor's fake on loopback."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.clients.conftest import built_in_seed, serve
from tests.conftest import REPO

EXAMPLE = re.compile(r"<!-- lmskit:example:(?P<vendor>\w+) -->\n```python\n(?P<code>.*?)```", re.DOTALL)


def examples() -> dict[str, str]:
    return {found["vendor"]: found["code"] for found in EXAMPLE.finditer((REPO / "README.md").read_text())}


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
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 1 and all(len(line.split()) >= 2 for line in lines), result.stdout
