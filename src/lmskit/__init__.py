"""lms-contract-kit: trustworthy contracts for LMS vendor APIs.

The data flows one way: a vendor's OpenAPI spec (``specs/``) feeds client generation, linting,
contract runs, response validation and the verified fakes.

    import lmskit
    lmskit.validate("absorb", "getCourseEnrollment", 200, body).valid
"""

from __future__ import annotations

import importlib
import importlib.metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lmskit.errors import GenerationError, InputError, LmskitError, OperationNotFound, SpecError, UsageError
    from lmskit.fakes.app import build_app
    from lmskit.fakes.server import FakeServer
    from lmskit.spec.api import Api, load_api
    from lmskit.spec.lint import LintFinding, lint_spec
    from lmskit.spec.loader import Spec, load_spec
    from lmskit.spec.overlay import OverlayError
    from lmskit.validation.results import RunReport, ValidationResult
    from lmskit.validation.run import validate, validate_many
    from lmskit.vendors import VENDORS, Vendor, get_vendor

# The version lives in pyproject.toml only; the installed distribution's metadata carries it here.
try:
    __version__ = importlib.metadata.version("lms-contract-kit")
except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0+unknown"

# Public name → the module that defines it. Imported on first use: `import lmskit` stays cheap, and a
# command that only validates never pays for the linter's or the contract runner's imports.
_EXPORTS = {
    "GenerationError": "lmskit.errors",
    "InputError": "lmskit.errors",
    "LmskitError": "lmskit.errors",
    "OperationNotFound": "lmskit.errors",
    "OverlayError": "lmskit.spec.overlay",
    "Api": "lmskit.spec.api",
    "load_api": "lmskit.spec.api",
    "SpecError": "lmskit.errors",
    "UsageError": "lmskit.errors",
    "LintFinding": "lmskit.spec.lint",
    "lint_spec": "lmskit.spec.lint",
    "Spec": "lmskit.spec.loader",
    "load_spec": "lmskit.spec.loader",
    "RunReport": "lmskit.validation.results",
    "ValidationResult": "lmskit.validation.results",
    "validate": "lmskit.validation.run",
    "validate_many": "lmskit.validation.run",
    "VENDORS": "lmskit.vendors",
    "Vendor": "lmskit.vendors",
    "get_vendor": "lmskit.vendors",
    # The fakes, for serving one from your own tests (the [fakes] extra).
    "FakeServer": "lmskit.fakes.server",
    "build_app": "lmskit.fakes.app",
}

# One list: what `from lmskit import *` gives is what _EXPORTS names (a test checks the TYPE_CHECKING block too).
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lmskit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
