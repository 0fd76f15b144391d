"""What a spec says about privacy: which fields hold personal data (``x-lmskit-personal: <kind>``, pseudonymised
by redaction) and which strings are safe to keep as they are (``x-lmskit-safe: <why>``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

PERSONAL_KINDS = frozenset({"name", "email", "url", "free-text", "uuid"})


def personal_kind(nodes: Iterable[Mapping[str, Any]]) -> str | None:
    """The personal kind the first of these schema nodes declares, if any."""
    for node in nodes:
        kind = node.get("x-lmskit-personal")
        if kind in PERSONAL_KINDS:
            return str(kind)
    return None


def declared_safe(node: Mapping[str, Any]) -> bool:
    safe = node.get("x-lmskit-safe")
    return isinstance(safe, str) and bool(safe.strip())
