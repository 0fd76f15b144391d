"""Optional parts of the kit and the extras that install them, so a missing one is one line, not a traceback.

The kit is not on the package index: an extra is installed from a checkout (``pip install ".[fakes]"``), a wheel
(``pip install "lms_contract_kit-….whl[fakes]"``) or a git URL (``pip install "lms-contract-kit[fakes] @ git+…"``).

(no extra)   the generated clients, lmskit.clients, lmskit validate
[fakes]      lmskit serve, FakeServer, the pytest plugin's fake fixtures
[contract]   lmskit contract (schemathesis, pytest, hypothesis; the fakes too)
[generate]   lmskit generate (the pinned openapi-python-client and ruff)
[lint]       lmskit lint's OpenAPI structure rule (openapi-spec-validator)
[docs]       nox -s docs (mkdocs)
[all]        everything a user runs
"""

from __future__ import annotations

import importlib.util
from typing import NoReturn

from lmskit.errors import MissingExtra as MissingExtra

# The modules each extra brings, as imported.
EXTRAS: dict[str, tuple[str, ...]] = {
    "fakes": ("starlette", "uvicorn"),
    "contract": ("schemathesis", "hypothesis", "pytest", "requests", "starlette", "uvicorn"),
    "generate": ("openapi_python_client", "ruff"),
    "lint": ("openapi_spec_validator",),
}


def install_hint(extra: str) -> str:
    """How to install an extra, as it can be done today: from a checkout, a wheel or a git URL."""
    return (
        f'pip install ".[{extra}]" in your lms-contract-kit checkout (or your wheel or git URL with [{extra}]; the'
        " kit is not on the package index)"
    )


def require(extra: str, what: str) -> None:
    """Raise MissingExtra unless every module of ``extra`` can be imported."""
    missing = [module for module in EXTRAS[extra] if importlib.util.find_spec(module) is None]
    if missing:
        raise MissingExtra(
            f"{what} needs the [{extra}] extra ({', '.join(missing)} not installed): " + install_hint(extra)
        )


def missing(extra: str, what: str) -> NoReturn:
    """For ``except ImportError:`` around an extra's imports: raise MissingExtra naming the ``pip install``."""
    require(extra, what)
    raise MissingExtra(f"{what} needs the [{extra}] extra: " + install_hint(extra))
