"""What an operation answers with a given status: its media types' schemas and its documented headers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lmskit.spec.media import is_json_media_type
from lmskit.spec.operations import Operation
from lmskit.spec.pointers import join_pointer
from lmskit.spec.refs import RefError, resolve


@dataclass(frozen=True, slots=True)
class ResponseShape:
    status_key: str  # "200", "4XX" or "default": the key that matched
    pointer: str  # of the response object in the spec
    media: dict[str, str]  # media type → schema pointer
    headers: dict[str, tuple[bool, str | None]]  # lower-case name → (required, schema pointer)

    @property
    def json_media(self) -> str | None:
        return next((name for name in self.media if is_json_media_type(name)), None)

    @property
    def schema_pointer(self) -> str | None:
        """The JSON body's schema, else the first documented one."""
        media = self.json_media
        return self.media[media] if media else next(iter(self.media.values()), None)


def read_response_shape(document: dict[str, Any], operation: Operation, status: int) -> ResponseShape | None:
    """The documented response for ``status`` (exact, then ``2XX``, then ``default``); None if undocumented."""
    responses = operation.definition.get("responses") or {}
    for status_key in (str(status), f"{str(status)[0]}XX", f"{str(status)[0]}xx", "default"):
        if status_key in responses:
            break
    else:
        return None
    try:
        resolved = resolve(document, responses[status_key], join_pointer(operation.pointer, "responses", status_key))
    except RefError:
        return None
    if not isinstance(resolved.value, dict):
        return None
    media = {
        str(name): join_pointer(resolved.pointer, "content", str(name), "schema")
        for name, value in (resolved.value.get("content") or {}).items()
        if isinstance(value, dict) and "schema" in value
    }
    headers: dict[str, tuple[bool, str | None]] = {}
    for name, header in (resolved.value.get("headers") or {}).items():
        header_pointer = join_pointer(resolved.pointer, "headers", str(name))
        try:
            found = resolve(document, header, header_pointer)
        except RefError:
            continue
        schema_pointer = join_pointer(found.pointer, "schema") if "schema" in found.value else None
        headers[str(name).lower()] = (bool(found.value.get("required")), schema_pointer)
    return ResponseShape(status_key, resolved.pointer, media, headers)
