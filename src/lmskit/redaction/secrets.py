"""The credential values a run holds or obtains, masked wherever and however they appear.

The kit knows some secrets exactly: the credentials it was configured with, the tokens it fetched, the values of
the credential headers it saw on a request. ``KnownSecrets.scrub`` masks each of them in every spelling a text
may carry it: as is, in any letter case, percent-encoded (upper- or lower-case escapes, ``+`` for a space),
JSON- and HTML-escaped, base64 (standard or URL-safe, padded or not, at any of the three byte alignments it can
take inside a longer base64 text such as a Basic header), and a GUID without its dashes. Texts that leave the
kit (progress, reports, JUnit, recordings, logs) pass through it last.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import re
import threading
import uuid
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "[redacted]"

# Shorter values would mask ordinary words; they are still masked in headers, by the header's name.
MIN_SECRET_LENGTH = 4
# A base64 fragment shorter than this matches too much ordinary text to be masked on its own.
_MIN_BASE64_FRAGMENT = 6

# Headers whose values are credentials whatever they hold: reports mask them by name (recordings keep a header
# only when it is on the allowlist of ``lmskit.redaction.headers``, so they never need this list).
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token", "cookie", "set-cookie"}
)
_HEADER_LINE = re.compile(
    r"(?P<name>" + "|".join(sorted(re.escape(name) for name in SENSITIVE_HEADERS)) + r")(?P<sep>\s*[:=]\s*)"
    r"(?P<value>[^'\"\r\n,}]+)",
    re.IGNORECASE,
)


def spellings(value: str) -> set[str]:
    """The forms ``value`` takes in URLs, JSON, HTML and base64 (letter case is left to the matcher)."""
    forms = {value, quote(value, safe=""), quote(value, safe="/:@"), quote_plus(value), json.dumps(value)[1:-1]}
    forms |= {json.dumps(value, ensure_ascii=False)[1:-1], html.escape(value), html.escape(value, quote=False)}
    forms.add(html.escape(value).replace("&#x27;", "&#39;"))
    with contextlib.suppress(ValueError):
        forms.add(uuid.UUID(value).hex)
    raw = value.encode("utf-8")
    encoded = [base64.b64encode(raw).decode(), base64.b64encode(raw).decode().rstrip("=")]
    for shift in range(3):
        # ``value`` inside a longer base64 text (a Basic header's ``user:password``): encoded after ``shift``
        # filler bytes, the characters that depend on ``value``'s bytes alone.
        data = b"\0" * shift + raw
        start, end = -(-8 * shift // 6), 8 * len(data) // 6
        encoded.append(base64.b64encode(data).decode()[start:end])
    for text in encoded:
        if len(text) >= _MIN_BASE64_FRAGMENT:
            forms |= {text, text.replace("+", "-").replace("/", "_")}
    return {form for form in forms if len(form) >= MIN_SECRET_LENGTH}


class KnownSecrets:
    """The secrets of one run, recording or report; ``scrub`` masks them. Safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"KnownSecrets({len(self._secrets)} forms)"

    def __len__(self) -> int:
        return len(self._secrets)

    def add(self, *values: str) -> None:
        """Remember secret values, in every spelling of ``spellings``; ``user:password`` also as a Basic pair."""
        forms: set[str] = set()
        for value in values:
            if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
                continue
            forms |= spellings(value)
        with self._lock:
            if forms - self._secrets:
                self._secrets |= forms
                # Longest first: a token that contains another secret is masked whole.
                alternatives = sorted(self._secrets, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(secret) for secret in alternatives), re.IGNORECASE)

    def add_basic(self, username: str, password: str) -> None:
        self.add(password, f"{username}:{password}")

    def add_credentials(self, values: Iterable[str]) -> None:
        """Configured credentials: each value, and each pair of them as a Basic header would combine them."""
        found = [value for value in values if isinstance(value, str) and value]
        self.add(*found)
        for first in found:
            for second in found:
                if first != second:
                    self.add(f"{first}:{second}")

    def learn_header(self, value: str) -> None:
        """A credential header's value seen on a request: the whole, the part after its scheme word, and a
        Basic header's decoded ``user:password``."""
        value = value.strip()
        scheme, _, rest = value.partition(" ")
        self.add(value, rest.strip())
        if scheme.lower() == "basic" and rest:
            try:
                decoded = base64.b64decode(rest.strip() + "==", validate=False).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                return
            user, _, password = decoded.partition(":")
            self.add(decoded, password, user)

    def scrub(self, text: str) -> str:
        """``text`` with every known secret, and the value of every credential header, masked."""
        pattern = self._pattern
        if pattern is not None:
            text = pattern.sub(MASK, text)
        return _HEADER_LINE.sub(lambda m: f"{m.group('name')}{m.group('sep')}{MASK}", text)

    def scrub_headers(self, headers: dict[str, str]) -> dict[str, str]:
        return {
            name: MASK if name.strip().lower() in SENSITIVE_HEADERS else self.scrub(str(value))
            for name, value in headers.items()
        }
