"""Optional parts of the kit and the extras that install them, so a missing one is one line, not a traceback.

pip install lms-contract-kit             the generated clients, lmskit.clients, lmskit validate
pip install "lms-contract-kit[fakes]"    lmskit serve, FakeServer, the pytest plugin's fake fixtures
pip install "lms-contract-kit[contract]" lmskit contract (schemathesis, pytest, hypothesis; the fakes too)
pip install "lms-contract-kit[generate]" lmskit generate (the pinned openapi-python-client and ruff)
pip install "lms-contract-kit[lint]"     lmskit lint's OpenAPI structure rule (openapi-spec-validator)
pip install "lms-contract-kit[all]"      everything
"""

from __future__ import annotations

import importlib.util
from typing import NoReturn

from lmskit.errors import LmskitError

# The modules each extra brings, as imported.
EXTRAS: dict[str, tuple[str, ...]] = {
    "fakes": ("starlette", "uvicorn"),
    "contract": ("schemathesis", "hypothesis", "pytest", "requests", "starlette", "uvicorn"),
    "generate": ("openapi_python_client", "ruff"),
    "lint": ("openapi_spec_validator",),
}


class MissingExtra(LmskitError, ImportError):
    """A part of the kit whose extra is not installed; the message names the ``pip install`` to run."""


def require(extra: str, what: str) -> None:
    """Raise MissingExtra unless every module of ``extra`` can be imported."""
    missing = [module for module in EXTRAS[extra] if importlib.util.find_spec(module) is None]
    if missing:
        raise MissingExtra(
            f"{what} needs the [{extra}] extra ({', '.join(missing)} not installed): "
            f'pip install "lms-contract-kit[{extra}]"'
        )


def missing(extra: str, what: str) -> NoReturn:
    """For ``except ImportError:`` around an extra's imports: raise MissingExtra naming the ``pip install``."""
    require(extra, what)
    raise MissingExtra(f'{what} needs the [{extra}] extra: pip install "lms-contract-kit[{extra}]"')
