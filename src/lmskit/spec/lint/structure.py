"""The OpenAPI 3.1 meta-schema, via openapi-spec-validator, and YAML duplicate keys."""

from __future__ import annotations

from collections.abc import Iterator

from lmskit.extras import require
from lmskit.spec.lint._problem import Problem
from lmskit.spec.loader import Spec
from lmskit.spec.pointers import join_pointer


def check_structure(spec: Spec) -> Iterator[Problem]:
    version = spec.document.get("openapi")
    if not (isinstance(version, str) and version.startswith("3.1")):
        yield Problem("/openapi", f"openapi version is {version!r}, not 3.1.x", "set `openapi: 3.1.0`")
        return
    # Imported here: it takes over a second to import, and only this rule needs it (the [lint] extra).
    require("lint", "lmskit lint's OpenAPI structure rule")
    from openapi_spec_validator import OpenAPIV31SpecValidator

    try:
        errors = list(OpenAPIV31SpecValidator(spec.document).iter_errors())
    except Exception as exc:
        yield Problem(
            "",
            f"openapi-spec-validator could not finish ({exc.__class__.__name__}: {exc})",
            "fix the findings above first",
        )
        return
    for error in errors:
        pointer = join_pointer("", *(str(part) for part in error.path))
        message = str(error.message).splitlines()[0]
        yield Problem(pointer, message, "make this node match the OpenAPI 3.1 specification")


def check_duplicate_keys(spec: Spec) -> Iterator[Problem]:
    for duplicate in spec.duplicate_keys:
        key = duplicate.pointer.rsplit("/", 1)[-1]
        yield Problem(
            duplicate.pointer,
            f"duplicate key {key!r} (first at line {duplicate.first.line}); YAML keeps only the last",
            "merge the two entries or rename one",
            duplicate.again,
        )
