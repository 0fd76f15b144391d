"""``lmskit fixtures check [DIR|FILE...]``: recorded fixtures that a spec change made stale."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lmskit.cli._apis import NoConfigOption, OverlayOption, SpecsDirOption, announce_config, overlay_choices
from lmskit.errors import InputError
from lmskit.inputs import UnreadableInput, check_readable, is_regular_file
from lmskit.project import load_apis
from lmskit.vendors import VENDORS

fixtures_app = typer.Typer(help="Recorded fixtures against the spec in force.", no_args_is_help=True)


@fixtures_app.command("check")
def check_command(
    inputs: Annotated[
        list[Path] | None, typer.Argument(help="Envelopes or folders of them (default: recordings/).")
    ] = None,
    specs_dir: SpecsDirOption = None,
    overlay: OverlayOption = None,
    no_config: NoConfigOption = False,
) -> None:
    """Re-validate fixtures recorded against another version of the spec. Exit 1 when a stale one fails.

    Lists those that now fail, with the spec changes to their operation (found by looking the recorded spec up in
    git history).

    Example: lmskit fixtures check recordings/
    """
    from lmskit.fixtures.stale import check_fixtures
    from lmskit.validation.run import Engine

    chosen = inputs or [path for path in (Path("recordings"),) if path.exists()]
    if not chosen:
        raise InputError("no fixtures to check: name the folders that hold them (lmskit record --out DIR)")
    files: list[Path] = []
    for item in chosen:
        if item.is_dir():
            files.extend(
                sorted(
                    path
                    for path in item.rglob("*")
                    if path.suffix.lower() == ".json"
                    and not path.name.endswith(".expected.json")
                    and is_regular_file(path)
                )
            )
        elif item.exists():
            try:
                check_readable(item, "a recorded fixture (an exchange envelope)")
            except UnreadableInput as exc:
                raise InputError(f"{item}: {exc}") from None
            files.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    spec_paths = {}
    if specs_dir is not None:
        spec_paths = {name: specs_dir / f"{name}.yaml" for name in VENDORS if (specs_dir / f"{name}.yaml").is_file()}
        if not spec_paths:
            raise InputError(f"{specs_dir}: holds no <vendor>.yaml spec")
    choices = overlay_choices(overlay, no_config)
    apis = load_apis(list(VENDORS), choices, spec_paths)
    announce_config(choices)
    engine = Engine(apis)
    counts = {"current": 0, "stale-valid": 0, "stale-failing": 0, "unversioned": 0, "failing": 0, "expected": 0}
    for verdict in check_fixtures(files, apis, engine):
        counts[verdict.state] += 1
        if verdict.state not in ("stale-failing", "failing"):
            continue
        origin = f"recorded against {verdict.recorded_against[:12]}" if verdict.recorded_against else "not stamped"
        if verdict.revision:
            origin += f" (the spec at git {verdict.revision})"
        label = "stale, now failing" if verdict.state == "stale-failing" else "failing"
        print(f"✗ {verdict.path} [{label}; {origin}]")
        for error in verdict.errors[:5]:
            print(f"    {error}")
        for change in verdict.changes[:5]:
            print(f"    spec change ({change.severity}): {change.where}: {change.message}")
        if verdict.state == "stale-failing" and not verdict.revision:
            print(f"    {_why_no_revision(verdict.path)}")
    expected = f", {counts['expected']} failing as their sidecar expects" if counts["expected"] else ""
    total = sum(counts.values())
    print(
        f"lmskit fixtures check: {total} fixture(s): {counts['current']} current, {counts['stale-valid']} stale but"
        f" valid, {counts['stale-failing']} stale and failing, {counts['unversioned']} not stamped,"
        f" {counts['failing']} failing{expected}"
    )
    if counts["stale-failing"] or counts["failing"]:
        raise typer.Exit(1)


def _why_no_revision(path: Path) -> str:
    """Why the spec a fixture was recorded against was not found: no git here, or not in this history."""
    import subprocess

    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=path.resolve().parent,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return "git is not available, so the spec it was recorded against cannot be looked up"
    if inside.returncode != 0:
        return (
            "not in a git checkout, so the spec it was recorded against cannot be looked up (run it in your repository)"
        )
    return "the spec it was recorded against is not in this repository's history (the last 300 versions)"
