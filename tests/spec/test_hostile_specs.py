"""A spec linter reads files from pull requests: an alias bomb or a nesting bomb gets one line and exit 2, at
once, never minutes of CPU and gigabytes of memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmskit.errors import SpecError
from lmskit.spec.loader import load_spec
from tests.conftest import run_lmskit


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (alias_bomb(), "expands to more than 1,000,000 nodes"),
        ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested deeper than YAML readers allow (1,000 levels)"),
        ("".join("  " * i + f"k{i}:\n" for i in range(3000)) + "  " * 3000 + "v: 1\n", "nested deeper than"),
        ("a: " + "[" * 500 + "]" * 500 + "\n", "nested deeper than 200 levels; LMSKIT_MAX_DEPTH raises the limit"),
    ],
    ids=["alias bomb, 9 levels of 9", "flow nesting 10,000 deep", "block nesting 3,000 deep", "nesting 500 deep"],
)
def test_a_hostile_spec_is_one_line_with_its_location_and_exit_2(tmp_path: Path, text: str, message: str) -> None:
    spec = tmp_path / "pr.yaml"
    spec.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match=r"nested|expands"):
        load_spec(spec)
    # The timeout is a hang guard, not a speed test: without the bound this input runs for minutes.
    result = run_lmskit("lint", spec, timeout=20)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"lmskit: {spec}:") and message in line
    assert "Traceback" not in result.stderr
