"""Python names as openapi-python-client gives them (``listCourseEnrollments`` → ``list_course_enrollments``),
so a diff can name the client symbols a change touches. The generator's own function is used when the
``[generate]`` extra is installed; otherwise the same rules, written out here."""

from __future__ import annotations

import builtins
import keyword
import re

_DELIMITERS = " _-./,"
_RESERVED = (set(dir(builtins)) | {"self", "true", "false", "datetime"}) - {"id"}


def python_name(value: str, field: bool = False) -> str:
    try:
        from openapi_python_client.strings import PythonIdentifier
    except ImportError:
        return _python_name(value, "field_" if field else "")
    return str(PythonIdentifier(value, prefix="field_" if field else ""))


def _python_name(value: str, prefix: str) -> str:
    sanitized = "".join(c for c in value if c.isidentifier() or c.isdecimal() or c in _DELIMITERS)
    leading_underscore = sanitized.startswith("_")
    words = sanitized
    if any(c.isupper() for c in words):
        words = " ".join(re.split("([A-Z]?[a-z]+)", words))
    name = "_".join(re.findall(rf"[^{re.escape(_DELIMITERS)}]+", words)).lower()
    if name in _RESERVED or keyword.iskeyword(name):
        name += "_"
    if not name.isidentifier() or leading_underscore:
        name = f"{prefix}{name}"
    return name
