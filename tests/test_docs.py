"""The documentation keeps its promises: the README is a front page, the site builds strictly, the generated
references match the code, every documented `lmskit` command line uses commands and options that exist, and the
README's tour runs as pasted."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from lmskit.cli import app
from lmskit.cli.reference import markdown
from tests.conftest import REPO

DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
_SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def test_the_readme_is_a_front_page() -> None:
    assert len((REPO / "README.md").read_bytes()) <= 15 * 1024


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)  # strict: a broken link or anchor, or a page missing from the nav, raises
    assert (tmp_path / "site" / "reference" / "cli" / "index.html").is_file()
    assert (tmp_path / "site" / "changelog" / "index.html").is_file()


def test_the_cli_reference_is_generated_from_the_app() -> None:
    committed = (REPO / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run: python -m lmskit.cli.reference > docs/reference/cli.md"


def test_the_extensions_page_names_every_extension_in_use() -> None:
    used = set()
    for path in [*(REPO / "specs").glob("*.yaml"), *(REPO / "src" / "lmskit").rglob("*.py")]:
        used |= set(re.findall(r"x-lmskit-[a-z-]+[a-z]", path.read_text(encoding="utf-8")))
    page = (REPO / "docs" / "reference" / "extensions.md").read_text(encoding="utf-8")
    assert sorted(name for name in used if f"`{name}`" not in page) == []


def _documented_command_lines() -> list[tuple[str, list[str]]]:
    found = []
    for document in DOCUMENTS:
        for block in _SHELL_BLOCK.findall(document.read_text(encoding="utf-8")):
            for line in block.replace("\\\n", " ").splitlines():
                line = line.split("  #", 1)[0].strip()
                for part in re.split(r"&&|\|", line):
                    words = shlex.split(part, comments=True) if part.strip() else []
                    while words and "=" in words[0] and not words[0].startswith("-"):
                        words = words[1:]  # VARIABLE=value before the command
                    if words and words[0] == "lmskit":
                        found.append((document.name, words[1:]))
    return found


def test_every_documented_lmskit_command_uses_real_commands_and_options() -> None:
    root = typer.main.get_command(app)
    checked = 0
    for document, words in _documented_command_lines():
        command = root
        while words and hasattr(command, "commands") and words[0] in command.commands:
            command, words = command.commands[words[0]], words[1:]
        assert not hasattr(command, "commands"), (document, words)
        options = {opt for parameter in command.params for opt in (*parameter.opts, *parameter.secondary_opts)}
        for word in words:
            if word.startswith("--"):
                assert word.split("=", 1)[0] in options, (document, word)
        checked += 1
    assert checked >= 20  # the tour, the tutorials, the guides: a real share of the docs


def test_the_tour_runs_as_pasted(tmp_path: Path) -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- lmskit:tour -->", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    script = tmp_path / "tour.sh"
    script.write_text(block + "\nkill %1\n", encoding="utf-8")
    binaries = str(Path(sys.executable).parent)
    result = subprocess.run(
        ["bash", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": f"{binaries}:/usr/bin:/bin", "HOME": str(tmp_path)},
        check=False,
    )
    if "Address already in use" in result.stderr or "cannot listen" in result.stderr:
        pytest.fail("port 8933 is taken on this machine; the tour needs it free")
    assert '"enrollments"' in result.stdout and '"totalItems"' in result.stdout, result.stdout + result.stderr


def test_the_readme_links_to_files_that_exist() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    targets = {link.split("#", 1)[0] for link in re.findall(r"\]\(([^)]+)\)", text) if "://" not in link}
    assert targets and sorted(target for target in targets if not (REPO / target).exists()) == []
