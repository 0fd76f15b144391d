"""Fixtures that are meant to fail: ``X.json`` with ``X.expected.json`` beside it records the verdict.

The catalogue of vendor-doc defects stays true this way: a defective example must keep producing
exactly its recorded violations (or its recorded parse error), and then counts as a pass.

    {"verdict": "invalid", "errors": [{"pointer": "/lastActiveDate", "kind": "schema", "message": "…"}], "why": "…"}
    {"verdict": "unparsable", "message": "file.json:2:2: not valid JSON (…)", "why": "…"}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lmskit.errors import InputError
from lmskit.validation.engine import ERROR, Issue
from lmskit.validation.results import ValidationResult
from lmskit.validation.sources import EXPECTATION_SUFFIX

EXPECTED = "expected"


def expectation_for(path: Path) -> dict[str, Any] | None:
    sidecar = path.with_name(path.name.removesuffix(".json") + EXPECTATION_SUFFIX)
    if not sidecar.is_file():
        return None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{sidecar}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("verdict") not in ("invalid", "unparsable", "valid"):
        raise InputError(f'{sidecar}: an expectation is {{"verdict": "invalid"|"unparsable"|"valid", ...}}')
    return data


def judge(
    path: Path, expectation: dict[str, Any], results: list[ValidationResult], error: InputError | None
) -> ValidationResult:
    """One result for the fixture: valid when what happened is what the sidecar says, listing it as expected."""
    verdict = expectation["verdict"]
    first = results[0] if results else None
    vendor, operation, status = (first.vendor, first.operation, first.status) if first else (None, None, 0)
    if verdict == "unparsable":
        wanted = str(expectation.get("message", ""))
        got = str(error).replace(f"{path.parent}/", "") if error else ""
        if error is not None and wanted in got:
            return ValidationResult(str(path), vendor, operation, status, (Issue("parse", got, severity=EXPECTED),))
        return _mismatch(path, vendor, operation, status, f"expected the parse error {wanted!r}, got {got or 'none'}")
    if error is not None:
        return _mismatch(
            path, vendor, operation, status, f"expected a {verdict} response, the file is unreadable: {error}"
        )
    found = {(i.pointer, i.kind, i.message) for r in results for i in r.errors}
    wanted_set = {
        (e.get("pointer", ""), e.get("kind", "schema"), e.get("message", "")) for e in expectation.get("errors") or []
    }
    if found == wanted_set:
        issues = tuple(Issue(kind, message, pointer, severity=EXPECTED) for pointer, kind, message in sorted(found))
        return ValidationResult(str(path), vendor, operation, status, issues)
    missing = [f"{p} {m}" for p, _, m in sorted(wanted_set - found)]
    extra = [f"{p} {m}" for p, _, m in sorted(found - wanted_set)]
    return _mismatch(path, vendor, operation, status, f"recorded violations changed; missing: {missing}; new: {extra}")


def _mismatch(path: Path, vendor: str | None, operation: str | None, status: int, message: str) -> ValidationResult:
    return ValidationResult(str(path), vendor, operation, status, (Issue("expectation", message, severity=ERROR),))
