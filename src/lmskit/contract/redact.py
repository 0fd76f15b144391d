"""Secrets out of everything a contract run prints or writes.

A run knows its secrets exactly: the credential values it was given and the tokens it fetched. Every text that
leaves the run (progress, failure reports, pytest's own reports, JUnit) passes through ``Redactor.scrub``,
which replaces each of them, in the forms a report may show them (as is, URL-encoded, JSON-escaped, base64 in a
Basic header), wherever they appear: in a header, a curl line, or a response body that echoes the request.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from urllib.parse import quote

MASK = "[redacted]"

# Shorter values would mask ordinary words; they are still masked in headers, by the header's name.
MIN_SECRET_LENGTH = 4

# Headers whose values are credentials whatever they hold.
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token", "cookie", "set-cookie"}
)
_HEADER_LINE = re.compile(
    r"(?P<name>" + "|".join(sorted(re.escape(name) for name in SENSITIVE_HEADERS)) + r")(?P<sep>\s*[:=]\s*)"
    r"(?P<value>[^'\"\r\n,}]+)",
    re.IGNORECASE,
)


class Redactor:
    """The secrets of one run; ``scrub`` masks them. Safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"Redactor(secrets={len(self._secrets)})"

    def add(self, *values: str) -> None:
        """Remember secret values, with the forms they take in URLs, JSON and Basic headers."""
        forms: set[str] = set()
        for value in values:
            if not isinstance(value, str) or not value:
                continue
            forms.update({value, quote(value, safe=""), json.dumps(value)[1:-1]})
            if ":" in value:  # user:password, as a Basic header carries it
                forms.add(base64.b64encode(value.encode()).decode())
        forms = {form for form in forms if len(form) >= MIN_SECRET_LENGTH}
        with self._lock:
            if forms - self._secrets:
                self._secrets |= forms
                # Longest first: a token that contains another secret is masked whole.
                alternatives = sorted(self._secrets, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(secret) for secret in alternatives))

    def add_basic(self, username: str, password: str) -> None:
        self.add(password, f"{username}:{password}")

    def scrub(self, text: str) -> str:
        """``text`` with every known secret, and the value of every credential header, masked."""
        pattern = self._pattern
        if pattern is not None:
            text = pattern.sub(MASK, text)
        return _HEADER_LINE.sub(lambda m: f"{m.group('name')}{m.group('sep')}{MASK}", text)

    def scrub_headers(self, headers: dict[str, str]) -> dict[str, str]:
        return {
            name: MASK if name.lower() in SENSITIVE_HEADERS else self.scrub(str(value))
            for name, value in headers.items()
        }
