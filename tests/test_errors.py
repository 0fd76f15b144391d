"""The one error tree: every LmskitError subclass in the code is drawn in ``lmskit.errors``'s docstring, under its
real parent, and defined there; the CLI exits 2 only through its one boundary."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import lmskit
from lmskit import errors
from lmskit.errors import LmskitError

SRC = Path(lmskit.__file__).parent


def _import_everything() -> None:
    for module in pkgutil.walk_packages(lmskit.__path__, "lmskit."):
        if module.name != "lmskit.__main__":
            importlib.import_module(module.name)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _drawn_tree() -> dict[str, str]:
    """class name → parent name, read from the docstring's box drawing by indentation."""
    doc = errors.__doc__ or ""
    lines = [line for line in doc.splitlines() if re.match(r"\s+[│├└ ]*[─ ]*[A-Z]\w+", line)]
    parents: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for line in lines:
        match = re.match(r"^[\s│]*(?:[├└]── )?([A-Z]\w+)", line)
        assert match, line
        depth, name = match.start(1), match.group(1)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            parents[name] = stack[-1][1]
        stack.append((depth, name))
    return parents


def test_every_lmskit_error_is_drawn_under_its_parent_and_lives_in_errors() -> None:
    _import_everything()
    actual = {
        cls.__name__: next(b for b in cls.__bases__ if issubclass(b, LmskitError)).__name__
        for cls in _subclasses(LmskitError)
    }
    assert _drawn_tree() == actual
    assert {cls.__module__ for cls in _subclasses(LmskitError)} == {"lmskit.errors"}


def _calls_outside_the_boundary(tree: ast.AST) -> list[ast.Call]:
    """Every call, but those in ``cli/__init__.py``'s boundary (``_Boundary`` and ``_usage``): the one place that
    may print an error and exit 2."""
    boundary: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.name in ("_Boundary", "_usage"):
            boundary |= {id(inner) for inner in ast.walk(node)}
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and id(node) not in boundary]


def test_no_command_exits_on_its_own() -> None:
    exits_2 = 0
    for path in sorted((SRC / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _calls_outside_the_boundary(tree):
            called = ast.unparse(node.func)
            arguments = [ast.unparse(argument) for argument in node.args] + [
                ast.unparse(k.value) for k in node.keywords
            ]
            assert called not in ("sys.exit", "SystemExit", "exit"), f"{path.name}:{node.lineno}: {called}"
            if called in ("typer.Exit", "Exit", "ctx.exit"):
                # 0 and 1 are verdicts (all good, findings); 2 is an error, raised to the boundary
                assert "2" not in arguments, f"{path.name}:{node.lineno}: exit 2 by hand; raise an LmskitError"
        exits_2 += sum(
            1 for node in ast.walk(tree) if isinstance(node, ast.Call) and "2" in map(ast.unparse, node.args)
        )
    assert exits_2 >= 2  # the boundary's own exits are where this test looks for them


def test_the_documented_tree_is_the_docstrings() -> None:
    page = (SRC.parents[1] / "docs" / "reference" / "exit-codes.md").read_text(encoding="utf-8")
    drawn = page.split("```text\n", 1)[1].split("```", 1)[0]
    doc = "\n".join(line[4:] for line in (errors.__doc__ or "").splitlines() if line.startswith("    "))
    assert drawn.strip() == doc.strip()
