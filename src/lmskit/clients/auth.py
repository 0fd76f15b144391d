"""Credentials on every request, as the spec's security schemes say (``lmskit.spec.security``), as an
``httpx.Auth`` flow that works for sync and async clients alike.

- ``apiKey`` → its header; ``http bearer`` → ``Authorization: Bearer``; ``http basic`` → ``Authorization: Basic``.
- A bearer scheme with ``x-lmskit-token`` (Absorb's ``POST /authenticate``) gets its token lazily, on the first
  request, reuses it for every request after, and fetches a new one once when a request answers 401 (the token
  expired or was superseded), then replays that request. The token request goes through the same transport,
  so it is paced, retried and counted like any other.

Secrets never reach a repr, a log line or an exception message.
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Mapping

import httpx

from lmskit.clients.described import ClientSetupError, Described
from lmskit.errors import TokenError as TokenError
from lmskit.spec.security import Scheme


class SpecAuth(httpx.Auth):
    requires_response_body = True

    def __init__(self, api: Described, credentials: Mapping[str, str], base_url: str) -> None:
        requirement = api.security.usable_requirement(credentials)
        if requirement is None:
            names = ", ".join(f"LMSKIT_{api.vendor.upper()}_{name}" for name in api.security.fields())
            raise ClientSetupError(
                f"{api.vendor}: no credentials for any security requirement of the spec; provide"
                f" {api.security.wanted()} ({names})"
            )
        self._api = api
        self._schemes = [api.security.schemes[name] for name in requirement]
        self._credentials = dict(credentials)
        self._base_url = httpx.URL(base_url.rstrip("/") + "/")
        self._token: str | None = None
        self._lock = threading.Lock()
        self.token_fetches = 0

    def __repr__(self) -> str:
        schemes = ", ".join(scheme.name for scheme in self._schemes)
        return (
            f"SpecAuth({self._api.vendor!r}, schemes=[{schemes}], credentials=[{', '.join(sorted(self._credentials))}])"
        )

    # httpx calls auth_flow for sync and async clients alike; the token request is a request the flow yields.
    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        static = self._static_headers()
        request.headers.update(static)
        token_scheme = self._token_scheme()
        if token_scheme is None:
            yield request
            return
        token = self._token
        if token is None:
            token = yield from self._fetch(token_scheme, static)
        request.headers.update(token_scheme.headers(self._credentials, token))
        response = yield request
        if response.status_code != 401:
            return
        # Expired or superseded: one new token, one replay. A second 401 is the caller's to see.
        with self._lock:
            stale = self._token == token
        if stale:
            token = yield from self._fetch(token_scheme, static)
        else:
            token = self._token or (yield from self._fetch(token_scheme, static))
        request.headers.update(token_scheme.headers(self._credentials, token))
        yield request

    def _static_headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        for scheme in self._schemes:
            if scheme.token is None:
                headers.update(scheme.headers(self._credentials))
        return headers

    def _token_scheme(self) -> Scheme | None:
        return next((scheme for scheme in self._schemes if scheme.token is not None), None)

    def _fetch(self, scheme: Scheme, static: dict[str, str]) -> Generator[httpx.Request, httpx.Response, str]:
        source = scheme.token
        assert source is not None
        operation = self._api.operations.get(source.operation_id)
        if operation is None:
            raise ClientSetupError(f"x-lmskit-token names {source.operation_id!r}, which the spec lacks")
        url = self._base_url.join(operation.path.lstrip("/"))
        token_request = httpx.Request(
            operation.method.upper(), url, headers={**static, **source.headers}, json=source.fill(self._credentials)
        )
        response = yield token_request
        self.token_fetches += 1
        if response.status_code != 200:
            # The body may echo what was sent; the status alone is reported.
            raise TokenError(
                f"{operation.label} ({source.operation_id}) answered {response.status_code}; check the credentials"
            )
        try:
            value = source.token_in(response.json())
        except ValueError:
            raise TokenError(f"{operation.label} did not answer JSON") from None
        if value is None:
            raise TokenError(f"{operation.label} answered without a token")
        with self._lock:
            self._token = value
        return value
