"""Where the contract suites are: the checkout's contracts/ or the installed wheel's copy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO_CONTRACTS = Path(__file__).resolve().parents[3] / "contracts"


def contracts_dir() -> Path:
    packaged = Path(str(resources.files("lmskit") / "_contracts"))
    return packaged if packaged.is_dir() else _REPO_CONTRACTS
