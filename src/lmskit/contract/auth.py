"""Headers that satisfy the spec's security requirements, from credentials.

A bearer scheme with ``x-lmskit-token`` gets its token by calling the operation it names (Absorb's
``POST /authenticate``); everything else is sent as the scheme says (``lmskit.spec.security``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from lmskit.contract.credentials import Credentials
from lmskit.errors import AuthError as AuthError
from lmskit.spec.api import Api
from lmskit.spec.security import Scheme

# (method, path, headers, json body) → response
Send = Callable[[str, str, dict[str, str], Any], httpx.Response]


# A fetched token is used this long, then fetched again: well inside the shortest documented lifetime
# (Absorb's tokens live four hours).
TOKEN_MAX_AGE = 3600.0


# After a 401, the token in use is checked at most this often.
CHECK_INTERVAL = 10.0


class Authenticator:
    """The credential headers a run sends, shared by every case.

    A fetched token is kept until it ages out, until the run itself supersedes it (a successful call of the
    token operation revokes the token before it at Absorb), or until ``check`` finds it no longer valid
    after a 401 (someone else logged in as the same user). Never re-fetched on every 401: most 401s in a
    contract run are provoked on purpose, and each new token would revoke the one every case generated so
    far carries, so one refresh would cause the next 401.
    """

    def __init__(
        self,
        api: Api,
        credentials: Credentials,
        send: Send,
        clock: Callable[[], float] = time.monotonic,
        check: Callable[[dict[str, str]], int] | None = None,
        on_headers: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        self.api = api
        self.security = api.security
        self.credentials = credentials
        self.send = send
        self.clock = clock
        # headers → the status an authenticated call with them gets (the spec's auth probe)
        self.check = check
        # Told every set of credential headers made, before it is used (the run's redactor learns the tokens).
        self.on_headers = on_headers
        self.token_fetches = 0
        self.checks = 0
        self._current: dict[str, str] | None = None
        # Every credential header value handed out this run: a case generated earlier carries one of them.
        self._issued: set[tuple[str, str]] = set()
        self._fetched_at = 0.0
        self._checked_at = -CHECK_INTERVAL
        self.token_operations = frozenset(
            scheme.token.operation_id for scheme in self.security.schemes.values() if scheme.token is not None
        )

    def __repr__(self) -> str:
        return f"Authenticator({self.api.vendor!r}, {self.credentials!r}, token_fetches={self.token_fetches})"

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
        if self._current is None or self.clock() - self._fetched_at > TOKEN_MAX_AGE:
            self._current = self.refresh()
        return dict(self._current)

    def forget(self) -> None:
        """The target forgot every token (a bundled fake was reset to its seed): fetch a new one when next asked."""
        self._current = None

    def renew(self, headers: Mapping[str, str]) -> dict[str, str]:
        """``headers`` with every credential this run handed out earlier replaced by the one in use now.

        Cases are generated before they are sent (explicit examples at collection), and a token can be superseded
        in between; a case that carries no credential of ours (one testing missing or wrong credentials) keeps
        what it has.
        """
        renewed = dict(headers)
        stale = [name for name, value in headers.items() if (name.lower(), value) in self._issued]
        if not stale:
            return renewed
        current = {name.lower(): value for name, value in self.current().items()}
        for name in stale:
            if name.lower() in current:
                renewed[name] = current[name.lower()]
        return renewed

    def observe(self, operation_id: str | None, status: int) -> None:
        """A response the run received. A 2xx from a token operation means the token in use was superseded;
        a 401 elsewhere may mean it was, so the token is checked (at most every CHECK_INTERVAL seconds)."""
        if operation_id in self.token_operations:
            if 200 <= status < 300:
                self._current = None
            return
        if status != 401 or not self.token_operations or self._current is None or self.check is None:
            return
        if self.clock() - self._checked_at < CHECK_INTERVAL:
            return
        self._checked_at = self.clock()
        self.checks += 1
        if self.check(dict(self._current)) == 401:
            self._current = None

    def refresh(self) -> dict[str, str]:
        """New headers for the usable requirement, fetching a new token where the scheme says so."""
        headers: dict[str, str] = {}
        schemes = [self.security.schemes[name] for name in self.usable_requirement()]
        # Static credentials first: a token request may need them (Absorb's needs x-api-key).
        for scheme in sorted(schemes, key=lambda s: s.token is not None):
            token = self._fetch_token(scheme, headers) if scheme.token is not None else None
            headers.update(scheme.headers(self.credentials.values, token))
        if self.on_headers is not None:
            self.on_headers(dict(headers))
        self._issued.update((name.lower(), value) for name, value in headers.items())
        self._current = headers
        self._fetched_at = self.clock()
        return dict(headers)

    def wrong_variants(self) -> list[tuple[str, dict[str, str]]]:
        """(what is wrong, headers) for every way a request's credentials can be wrong, in every security
        alternative of the spec: each scheme wrong in turn, the others of its alternative right where this run
        holds them (Absorb's right API key with a wrong token, and the other way round)."""
        found: list[tuple[str, dict[str, str]]] = []
        usable = self.security.usable_requirement(self.credentials.values)
        for alternative in self.security.requirements:
            right = self.current() if alternative == usable else {}
            for name in alternative:
                scheme = self.security.schemes[name]
                for what, wrong in scheme.wrong_variants(self.credentials.values):
                    kept = {k: v for k, v in right.items() if k.lower() not in {w.lower() for w in wrong}}
                    found.append((what, {**kept, **wrong}))
        return found

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
            # The body may echo what was sent; the message reports the status alone.
            said = " ".join(response.text.split())[:160]
            raise AuthError(
                f"{operation.label} answered {response.status_code}; check the credentials for this vendor",
                operation.label,
                response.status_code,
                said,
            )
        try:
            token = source.token_in(response.json())
        except ValueError:
            raise AuthError(f"{operation.label} did not return JSON") from None
        if token is None:
            raise AuthError(f"{operation.label} did not return a token")
        return token
