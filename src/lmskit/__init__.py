"""lms-contract-kit: trustworthy contracts for LMS vendor APIs.

The data flows one way: a vendor's OpenAPI spec (``specs/``) feeds client generation, linting,
contract runs, response validation and the verified fakes.

    import lmskit
    lmskit.validate("absorb", "getCourseEnrollment", 200, body).valid
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lmskit.errors import GenerationError, InputError, LmskitError, OperationNotFound, SpecError, UsageError
    from lmskit.spec.api import Api, load_api
    from lmskit.spec.lint import LintFinding, lint_spec
    from lmskit.spec.loader import Spec, load_spec
    from lmskit.spec.overlay import OverlayError
    from lmskit.validation.results import RunReport, ValidationResult
    from lmskit.validation.run import validate, validate_many
    from lmskit.vendors import VENDORS, Vendor, get_vendor

__version__ = "0.1.0"

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
}

__all__ = [
    "VENDORS",
    "Api",
    "GenerationError",
    "InputError",
    "LintFinding",
    "LmskitError",
    "OperationNotFound",
    "OverlayError",
    "RunReport",
    "Spec",
    "SpecError",
    "UsageError",
    "ValidationResult",
    "Vendor",
    "__version__",
    "get_vendor",
    "lint_spec",
    "load_api",
    "load_spec",
    "validate",
    "validate_many",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lmskit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
