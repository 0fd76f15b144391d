"""The user's project settings: which overlays apply to which vendor.

Read from ``lmskit.toml`` (``[overlays]``) or ``pyproject.toml`` (``[tool.lmskit.overlays]``), found by
walking up from the working folder to the project root, so one list applies to every command and to the
pytest plugin alike:

    [tool.lmskit.overlays]
    absorb = ["overlays/acme-absorb.yaml"]       # paths relative to the file

    # or, each overlay naming its vendor (``extends: absorb.yaml`` or ``info.x-lmskit-vendor``):
    [tool.lmskit]
    overlays = ["overlays/acme-absorb.yaml"]

``--overlay FILE`` (or ``--overlay absorb=FILE``) on the command line adds to the configured ones.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lmskit import inputs
from lmskit.errors import UsageError
from lmskit.spec.api import Api, load_api
from lmskit.spec.overlay import Overlay, load_overlay
from lmskit.vendors import VENDORS, get_vendor


@dataclass(frozen=True, slots=True)
class OverlayChoice:
    path: Path
    vendor: str | None  # None: the overlay says, or the command's only vendor
    origin: str  # where it was given: "--overlay" or the config file's name


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    path: Path | None = None  # the file the settings came from
    overlays: tuple[OverlayChoice, ...] = field(default=())


def find_config(start: Path | None = None) -> ProjectConfig:
    """The nearest ``lmskit.toml``, or ``pyproject.toml`` with ``[tool.lmskit]``, up to the project root."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "lmskit.toml").is_file():
            return read_config(candidate / "lmskit.toml")
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            # A pyproject.toml marks the project root: stop there whether or not it configures lmskit.
            return read_config(pyproject)
        if (candidate / ".git").exists():
            break
    return ProjectConfig()


# Settings files are small; a larger one is not a settings file.
MAX_SETTINGS_BYTES = 4 * 1024 * 1024


def read_config(path: Path) -> ProjectConfig:
    try:
        data = tomllib.loads(inputs.read_text(path, "a TOML settings file", MAX_SETTINGS_BYTES))
    except inputs.UnreadableInput as exc:
        raise UsageError(f"{path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc}); fix the file") from None
    except RecursionError:
        raise UsageError(f"{path}: nested too deeply to read; flatten the nested arrays or tables") from None
    tool = data.get("tool") if path.name == "pyproject.toml" else None
    if path.name == "pyproject.toml" and tool is not None and not isinstance(tool, dict):
        raise UsageError(f"{path}: `tool` must be a table ([tool.…] sections), not {type(tool).__name__}; fix it")
    section: Any = (tool or {}).get("lmskit") if path.name == "pyproject.toml" else data
    if section is None:
        return ProjectConfig()
    where = "[tool.lmskit]" if path.name == "pyproject.toml" else "the top level"
    if not isinstance(section, dict):
        raise UsageError(f"{path}: {where} must be a table")
    unknown = sorted(set(section) - {"overlays"})
    if unknown:
        raise UsageError(f"{path}: unknown setting {unknown[0]!r} in {where}; the settings are: overlays")
    raw = section.get("overlays", [])
    choices: list[OverlayChoice] = []
    origin = "pyproject.toml [tool.lmskit]" if path.name == "pyproject.toml" else path.name
    if isinstance(raw, list):
        for item in raw:
            choices.append(OverlayChoice(_config_path(path, item, "overlays"), None, origin))
    elif isinstance(raw, dict):
        for vendor, items in raw.items():
            get_vendor(str(vendor))
            if not isinstance(items, list):
                raise UsageError(f"{path}: overlays.{vendor} must be a list of overlay files")
            choices.extend(
                OverlayChoice(_config_path(path, item, f"overlays.{vendor}"), vendor, origin) for item in items
            )
    else:
        raise UsageError(f"{path}: `overlays` must be a list of files or a table of vendor = [files]")
    return ProjectConfig(path, tuple(choices))


def _config_path(config: Path, item: Any, key: str) -> Path:
    if not isinstance(item, str) or not item:
        raise UsageError(f"{config}: {key} lists {item!r}; give overlay files as strings")
    return (config.parent / item).resolve()


def parse_overlay_option(value: str) -> OverlayChoice:
    """``acme.yaml`` or ``absorb=acme.yaml`` (from ``--overlay``)."""
    vendor, sep, rest = value.partition("=")
    if sep and vendor in VENDORS:
        return OverlayChoice(Path(rest), vendor, "--overlay")
    return OverlayChoice(Path(value), None, "--overlay")


def overlays_by_vendor(choices: Sequence[OverlayChoice], vendors: Sequence[str]) -> dict[str, tuple[Overlay, ...]]:
    """Each overlay loaded once and given to its vendor; an overlay that cannot be placed is an error."""
    found: dict[str, list[Overlay]] = {name: [] for name in vendors}
    for choice in choices:
        overlay = load_overlay(choice.path)
        named = overlay.vendor if overlay.vendor in VENDORS else None
        if choice.vendor and named and choice.vendor != named:
            raise UsageError(
                f"{choice.path}: the overlay extends the {named} spec but is given for {choice.vendor}; "
                "fix `extends` or the vendor name"
            )
        vendor = choice.vendor or named or (vendors[0] if len(vendors) == 1 else None)
        if vendor is None:
            raise UsageError(
                f"{choice.path}: cannot tell which vendor this overlay is for; add `extends: <vendor>.yaml` to it, "
                f"or pass --overlay <vendor>={choice.path}"
            )
        if vendor in found:
            found[vendor].append(overlay)
    return {name: tuple(items) for name, items in found.items()}


def load_apis(
    vendors: Sequence[str], choices: Sequence[OverlayChoice] = (), spec_paths: Mapping[str, Path] | None = None
) -> dict[str, Api]:
    """Every named vendor's Api with its overlays, each spec read once."""
    overlays = overlays_by_vendor(choices, vendors)
    return {name: load_api(name, overlays[name], (spec_paths or {}).get(name)) for name in vendors}
