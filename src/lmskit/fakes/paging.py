"""Paging helpers shared by the fakes: page links that keep the request's other query parameters."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from lmskit.fakes.errors import ApiError


def page_url(base_url: str, path: str, query: Mapping[str, Any], **changes: Any) -> str:
    """``page_url("http://h/dc/api/v5", "/registrations", {"limit": 2}, offset=2)`` → ``http://h/dc/api/v5/registrations?limit=2&offset=2``."""
    merged = {**query, **changes}
    pairs = [(key, _text(value)) for key, value in merged.items() if value is not None]
    return f"{base_url}{path}?{urlencode(pairs)}" if pairs else f"{base_url}{path}"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def encode_cursor(position: int, fingerprint: str, key: bytes) -> str:
    """An opaque cursor: the next row's position, bound to the filters it was issued for and signed (HMAC-SHA256
    over both), so a client cannot forge one or move it to another query, as with a real opaque-cursor vendor."""
    raw = json.dumps({"p": position, "f": fingerprint}, separators=(",", ":")).encode()
    signature = hmac.new(key, raw, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(signature + raw).decode().rstrip("=")


def decode_cursor(cursor: str, fingerprint: str, key: bytes) -> int:
    try:
        if len(cursor) > 2048:
            raise ValueError("too long")
        padded = cursor + "=" * (-len(cursor) % 4)
        decoded = base64.urlsafe_b64decode(padded.encode())
        signature, raw = decoded[:16], decoded[16:]
        if not hmac.compare_digest(signature, hmac.new(key, raw, hashlib.sha256).digest()[:16]):
            raise ValueError("not signed by this fake")
        data = json.loads(raw)
        position = int(data["p"])
        issued_for = str(data["f"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ApiError(400, "The `after` cursor is not one this API issued.", "after", "invalid_cursor") from exc
    if issued_for != fingerprint or position < 0:
        raise ApiError(
            400,
            "The `after` cursor belongs to a different query; restart from the first page.",
            "after",
            "invalid_cursor",
        )
    return position
