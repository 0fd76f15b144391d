"""The vendors the kit knows, listed once.

Everything per vendor is derived from its one lowercase token: ``specs/<name>.yaml``,
``generated/<name>_client/``, ``contracts/<name>/``, ``lmskit.fakes.<name>``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lmskit.errors import UsageError

# In a checkout (editable install) the specs live in the repository; an installed wheel carries a copy
# under lmskit/_specs (see pyproject.toml, force-include).
_REPO_SPECS = Path(__file__).resolve().parents[2] / "specs"


@dataclass(frozen=True, slots=True)
class Vendor:
    name: str
    title: str

    @property
    def client_package(self) -> str:
        return f"{self.name}_client"

    @property
    def spec_path(self) -> Path:
        packaged = Path(str(resources.files("lmskit") / "_specs" / f"{self.name}.yaml"))
        if packaged.is_file():
            return packaged
        return _REPO_SPECS / f"{self.name}.yaml"


VENDORS: dict[str, Vendor] = {
    vendor.name: vendor
    for vendor in (
        Vendor("digitalchalk", "DigitalChalk v5 registrations"),
        Vendor("bridge", "Bridge author program enrollments"),
        Vendor("absorb", "Absorb Integration API v2 enrollments"),
    )
}


def checkout_root() -> Path | None:
    """The repository root when the kit runs from a checkout (its specs/ and generated/ beside src/), else None."""
    root = _REPO_SPECS.parent
    return root if _REPO_SPECS.is_dir() and (root / "generated").is_dir() else None


def get_vendor(name: str) -> Vendor:
    """Return the vendor called ``name``; an unknown name suggests the closest known one."""
    try:
        return VENDORS[name]
    except KeyError:
        close = difflib.get_close_matches(name, VENDORS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"choose one of {', '.join(VENDORS)}"
        raise UsageError(f"unknown vendor {name!r}; {hint}") from None
