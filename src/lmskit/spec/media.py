"""Media types."""

from __future__ import annotations


def is_json_media_type(media_type: str) -> bool:
    """``application/json``, ``application/problem+json``, ``application/json; charset=utf-8`` → True."""
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")
