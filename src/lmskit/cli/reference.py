"""The CLI reference page (docs/reference/cli.md), generated from the typer app so it cannot drift from it.

``python -m lmskit.cli.reference > docs/reference/cli.md`` writes it; a test fails when the committed page and
the app disagree.
"""

from __future__ import annotations

from typing import Any

import typer

from lmskit.cli import app

HEADER = """# CLI reference

Generated from the `lmskit` application (`python -m lmskit.cli.reference > docs/reference/cli.md`); a test keeps
it in step. Every option also shows in `lmskit COMMAND --help`.
"""


# Typer builds click commands (its own vendored click): read them by their click attributes.
def _commands(group: Any, prefix: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name, command in group.commands.items():
        if getattr(command, "hidden", False):
            continue
        if hasattr(command, "commands"):
            found += _commands(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


def _option_line(parameter: Any) -> str:
    if parameter.param_type_name == "argument":
        names = f"`{parameter.human_readable_name}`"
        text = (getattr(parameter, "help", None) or "").replace("|", "\\|").replace("\n", " ")
        return f"| {names} | {text} (argument{', required' if parameter.required else ''}) | |"
    names = ", ".join(f"`{name}`" for name in [*parameter.opts, *parameter.secondary_opts])
    default = ""
    if parameter.default not in (None, False, (), []) and not parameter.is_flag:
        default = f"`{parameter.default}`"
    text = (parameter.help or "").replace("|", "\\|").replace("\\[", "[").replace("\n", " ")
    return f"| {names} | {text} | {default} |"


def markdown() -> str:
    root = typer.main.get_command(app)
    lines = [HEADER]
    for name, command in _commands(root, "lmskit "):
        lines.append(f"## `{name}`\n")
        help_text = (command.help or "").replace("\\[", "[").strip()
        lines.append(help_text + "\n")
        rows = [_option_line(p) for p in command.params if p.name != "help"]
        if rows:
            lines.append("| parameter | meaning | default |")
            lines.append("|---|---|---|")
            lines += rows
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
