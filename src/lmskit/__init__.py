"""lms-contract-kit: trustworthy contracts for LMS vendor APIs.

The data flows one way: a vendor's OpenAPI spec (``specs/``) feeds client generation, linting,
contract runs, response validation and the reference servers.
"""

from __future__ import annotations

from lmskit.errors import (
    GenerationError,
    InputError,
    LmskitError,
    SpecError,
    UsageError,
)
from lmskit.spec.lint import LintFinding, lint_spec
from lmskit.spec.loader import Spec, load_spec
from lmskit.validation.results import RunReport, ValidationResult
from lmskit.validation.run import validate
from lmskit.vendors import VENDORS, Vendor, get_vendor

__version__ = "0.1.0"

__all__ = [
    "VENDORS",
    "GenerationError",
    "InputError",
    "LintFinding",
    "LmskitError",
    "RunReport",
    "Spec",
    "SpecError",
    "UsageError",
    "ValidationResult",
    "Vendor",
    "__version__",
    "get_vendor",
    "lint_spec",
    "load_spec",
    "validate",
]
