"""Seeds and control-API bodies, checked against the vendor's ``control.schema.yaml`` where they enter.

A seed file (``lmskit serve --seed-file``), a ``POST /_lmskit/seed`` body and a ``POST /_lmskit/advance`` body
come from outside the vendor spec, so the spec's validators do not cover them. Each vendor's folder holds a JSON
Schema of their shapes; everything is checked here, once, before a vendor's loader or handler sees it. A
violation is one line naming the file and line (or the JSON pointer) and what to write instead.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from lmskit.bounded import LimitError, check_shape
from lmskit.errors import InputError, SpecError
from lmskit.spec.loader import node_positions, parse_yaml, read_text
from lmskit.spec.pointers import join_pointer

_URI = "urn:lmskit:control"


@dataclass(frozen=True, slots=True)
class BodyProblem:
    """The first way a body breaks its schema: where (a JSON pointer) and what."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


@cache
def _validators(folder: Path) -> dict[str, Any]:
    path = folder / "control.schema.yaml"
    document, _ = parse_yaml(read_text(path, "a fake's control schema"), path)
    registry = jsonschema_rs.Registry([(_URI, document)])
    return {
        kind: jsonschema_rs.validator_for({"$ref": f"{_URI}#/{kind}"}, registry=registry)
        for kind in ("seed", "advance")
    }


def problem(folder: Path, kind: str, value: Any) -> BodyProblem | None:
    """The first violation of ``value`` against the ``kind`` schema (seed | advance) in ``folder``, or None."""
    try:
        check_shape(value)
    except LimitError as exc:
        return BodyProblem("", str(exc))
    validator = _validators(folder)[kind]
    try:
        for error in validator.iter_errors(value):
            return BodyProblem(join_pointer("", *error.instance_path), _short(str(error.message)))
    except ValueError as exc:  # a value JSON has no type for (YAML's !!binary, !!set)
        return BodyProblem("", f"holds a value JSON cannot represent ({exc}); write plain YAML values")
    return None


def _short(message: str) -> str:
    # jsonschema-rs quotes the whole instance in some messages; a seed's may be megabytes long.
    return message if len(message) <= 300 else message[:240] + " … " + message[-40:]


def read_seed(path: Path, folder: Path) -> dict[str, Any]:
    """A seed file, checked against the vendor's schema: InputError naming ``file:line:column`` otherwise."""
    try:
        text = read_text(path, "a seed YAML file")
        data, node = parse_yaml(text, path)
    except SpecError as exc:
        raise InputError(f"{exc}; see the README's 'Seed files' section") from None
    data = _plain(data)
    found = problem(folder, "seed", data)
    if found is None:
        return dict(data)
    positions, _ = node_positions(node)
    where = str(path)
    pointer = found.pointer
    while pointer not in positions and pointer:
        pointer = pointer.rsplit("/", 1)[0]
    if pointer in positions:
        where += f":{positions[pointer].line}:{positions[pointer].column}"
    raise InputError(f"{where}: {found}; see the README's 'Seed files' section")


def check_seed(folder: Path, seed: Any, where: str) -> dict[str, Any]:
    """A seed given as data (``build_app(seed={...})``): InputError naming the JSON pointer otherwise."""
    try:
        check_shape(seed)
    except LimitError as exc:
        raise InputError(f"{where}: {exc}") from None
    seed = _plain(seed)
    found = problem(folder, "seed", seed)
    if found is not None:
        raise InputError(f"{where}: {found}; see the README's 'Seed files' section")
    return dict(seed)


def _plain(value: Any) -> Any:
    """YAML's own types as JSON's: an unquoted timestamp (a datetime) becomes its RFC 3339 text, so the
    schema and the loaders see one kind of value. Recursive: callers bound the depth first (``check_shape``)."""
    if isinstance(value, _dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=_dt.UTC)
        return moment.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # .inf and .nan are YAML, not JSON: the schema then names the field
    if isinstance(value, dict):
        return {str(key): _plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_plain(child) for child in value]
    return value
