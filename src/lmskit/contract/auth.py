"""Headers that satisfy the spec's security requirements, from credentials.

A bearer scheme with ``x-lmskit-token`` gets its token by calling the operation it names (Absorb's
``POST /authenticate``); everything else is sent as the scheme says (``lmskit.spec.security``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from lmskit.contract.credentials import Credentials
from lmskit.errors import LmskitError
from lmskit.spec.api import Api
from lmskit.spec.security import Scheme

# (method, path, headers, json body) → response
Send = Callable[[str, str, dict[str, str], Any], httpx.Response]


class AuthError(LmskitError):
    """Credentials are missing, or the token request failed. Never carries a credential."""


class Authenticator:
    def __init__(self, api: Api, credentials: Credentials, send: Send) -> None:
        self.api = api
        self.security = api.security
        self.credentials = credentials
        self.send = send
        self.token_fetches = 0
        self._current: dict[str, str] | None = None

    def usable_requirement(self) -> tuple[str, ...]:
        """The first security alternative every field of which we have credentials for."""
        found = self.security.usable_requirement(self.credentials.values)
        if found is None:
            raise AuthError(
                f"no credentials for any of the spec's security requirements; provide {self.security.wanted()}"
            )
        return found

    def current(self) -> dict[str, str]:
        """The headers in use, fetched once and shared: a second token request would supersede the first
        (Absorb keeps one token per user)."""
        if self._current is None:
            self._current = self.refresh()
        return dict(self._current)

    def refresh(self) -> dict[str, str]:
        """New headers for the usable requirement, fetching a new token where the scheme says so."""
        headers: dict[str, str] = {}
        schemes = [self.security.schemes[name] for name in self.usable_requirement()]
        # Static credentials first: a token request may need them (Absorb's needs x-api-key).
        for scheme in sorted(schemes, key=lambda s: s.token is not None):
            token = self._fetch_token(scheme, headers) if scheme.token is not None else None
            headers.update(scheme.headers(self.credentials.values, token))
        self._current = headers
        return dict(headers)

    def wrong_headers(self) -> dict[str, str]:
        """The same headers with every credential replaced by a wrong one."""
        headers: dict[str, str] = {}
        for name in self.usable_requirement():
            headers.update(self.security.schemes[name].wrong_headers())
        return headers

    def _fetch_token(self, scheme: Scheme, headers: dict[str, str]) -> str:
        assert scheme.token is not None
        source = scheme.token
        operation = self.api.operations.get(source.operation_id)
        if operation is None:
            raise AuthError(f"x-lmskit-token names operation {source.operation_id!r}, which the spec lacks")
        self.token_fetches += 1
        try:
            response = self.send(
                operation.method.upper(),
                operation.path,
                {**headers, **source.headers},
                source.fill(self.credentials.values),
            )
        except httpx.HTTPError as exc:
            raise AuthError(f"{operation.label}: the token request failed ({exc.__class__.__name__})") from None
        if response.status_code != 200:
            # The body may echo what was sent; report the status alone.
            raise AuthError(f"{operation.label} answered {response.status_code}; check the credentials for this vendor")
        try:
            token = response.json()
        except ValueError:
            raise AuthError(f"{operation.label} did not return JSON") from None
        if isinstance(token, dict):
            token = token.get(source.field)
        if not isinstance(token, str) or not token:
            raise AuthError(f"{operation.label} did not return a token")
        return token
