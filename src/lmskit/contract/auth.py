"""Headers that satisfy the spec's security requirements, from credentials.

A bearer scheme with ``x-lmskit-token`` gets its token by calling the operation it names (Absorb's
``POST /authenticate``); everything else is sent as the scheme says.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from lmskit.contract.credentials import Credentials, fill, scheme_fields
from lmskit.errors import LmskitError
from lmskit.spec.operations import iter_operations

# (method, path, headers, json body) → response
Send = Callable[[str, str, dict[str, str], Any], httpx.Response]


class AuthError(LmskitError):
    """Credentials are missing, or the token request failed. Never carries a credential."""


class Authenticator:
    def __init__(self, document: Mapping[str, Any], credentials: Credentials, send: Send) -> None:
        self.schemes: dict[str, dict[str, Any]] = dict((document.get("components") or {}).get("securitySchemes") or {})
        self.requirements: list[dict[str, Any]] = list(document.get("security") or [])
        self.credentials = credentials
        self.send = send
        self.operations = {op.operation_id: op for op in iter_operations(dict(document)) if op.operation_id}
        self.token_fetches = 0
        self._current: dict[str, str] | None = None

    def usable_requirement(self) -> dict[str, Any]:
        """The first security alternative every field of which we have credentials for."""
        for requirement in self.requirements:
            if all(self.credentials.has(*scheme_fields(self.schemes[name])) for name in requirement):
                return requirement
        wanted = " or ".join(
            " + ".join(field for name in requirement for field in scheme_fields(self.schemes[name]))
            for requirement in self.requirements
        )
        raise AuthError(f"no credentials for any of the spec's security requirements; provide {wanted}")

    def current(self) -> dict[str, str]:
        """The headers in use, fetched once and shared: a second token request would supersede the first
        (Absorb keeps one token per user)."""
        if self._current is None:
            self._current = self.refresh()
        return dict(self._current)

    def refresh(self) -> dict[str, str]:
        """New headers for the usable requirement, fetching a new token where the scheme says so."""
        headers: dict[str, str] = {}
        requirement = self.usable_requirement()
        # Static credentials first: a token request may need them (Absorb's needs x-api-key).
        for name in sorted(requirement, key=lambda n: "x-lmskit-token" in self.schemes[n]):
            headers.update(self._scheme_headers(self.schemes[name], headers))
        self._current = headers
        return dict(headers)

    def wrong_headers(self) -> dict[str, str]:
        """The same headers with every credential replaced by a wrong one."""
        headers: dict[str, str] = {}
        for name in self.usable_requirement():
            scheme = self.schemes[name]
            if scheme.get("type") == "apiKey":
                headers[str(scheme["name"])] = "lmskit-wrong-api-key"
            elif str(scheme.get("scheme", "")).lower() == "basic":
                headers["Authorization"] = "Basic " + base64.b64encode(b"lmskit-wrong:lmskit-wrong").decode()
            else:
                headers["Authorization"] = "Bearer lmskit-wrong-token"
        return headers

    def _scheme_headers(self, scheme: dict[str, Any], sent_so_far: dict[str, str]) -> dict[str, str]:
        values = self.credentials.values
        if scheme.get("type") == "apiKey":
            return {str(scheme["name"]): values["API_KEY"]}
        if str(scheme.get("scheme", "")).lower() == "basic":
            raw = f"{values['KEY']}:{values['SECRET']}".encode()
            return {"Authorization": "Basic " + base64.b64encode(raw).decode()}
        token_spec = scheme.get("x-lmskit-token")
        token = self._fetch_token(token_spec, sent_so_far) if isinstance(token_spec, dict) else values["TOKEN"]
        return {"Authorization": f"Bearer {token}"}

    def _fetch_token(self, token_spec: dict[str, Any], headers: dict[str, str]) -> str:
        operation = self.operations.get(str(token_spec.get("operationId")))
        if operation is None:
            raise AuthError(f"x-lmskit-token names operation {token_spec.get('operationId')!r}, which the spec lacks")
        request_headers = {**headers, **{str(k): str(v) for k, v in (token_spec.get("headers") or {}).items()}}
        self.token_fetches += 1
        try:
            response = self.send(
                operation.method.upper(),
                operation.path,
                request_headers,
                fill(token_spec.get("body"), self.credentials),
            )
        except httpx.HTTPError as exc:
            raise AuthError(f"{operation.label}: the token request failed ({exc.__class__.__name__})") from None
        if response.status_code != 200:
            # The body may echo what was sent; report the status alone.
            raise AuthError(f"{operation.label} answered {response.status_code}; check the credentials for this vendor")
        token = response.json()
        if isinstance(token, dict):
            token = token.get(str(token_spec.get("field", "token")))
        if not isinstance(token, str) or not token:
            raise AuthError(f"{operation.label} did not return a token")
        return token
