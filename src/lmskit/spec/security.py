"""What a spec's security schemes mean: which credentials each needs, where they travel, how to read them
from a request (the fakes) and how to put them on one (contract runs, clients).

Each scheme kind has fixed credential field names, so environment variables follow from the vendor name:

    http bearer  → TOKEN                  LMSKIT_DIGITALCHALK_TOKEN
    http basic   → KEY, SECRET            LMSKIT_BRIDGE_KEY, LMSKIT_BRIDGE_SECRET
    apiKey       → API_KEY                LMSKIT_ABSORB_API_KEY
    a bearer scheme with ``x-lmskit-token`` takes the fields its token request names
                                          LMSKIT_ABSORB_USERNAME, LMSKIT_ABSORB_PASSWORD
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lmskit.spec.operations import Operation

_PLACEHOLDER = re.compile(r"{([A-Z_]+)}")
WRONG_API_KEY = "lmskit-wrong-api-key"
WRONG_TOKEN = "lmskit-wrong-token"


@dataclass(frozen=True, slots=True)
class TokenSource:
    """``x-lmskit-token``: obtain a bearer token by calling an operation with credential fields."""

    operation_id: str
    headers: Mapping[str, str]
    body: Any  # a template: "{USERNAME}" is replaced by that credential field
    field: str = "token"  # when the answer is an object, the member holding the token

    def fill(self, values: Mapping[str, str]) -> Any:
        """``{"username": "{USERNAME}"}`` → ``{"username": "api.admin"}``."""
        return _fill(self.body, values)

    def token_in(self, answer: Any) -> str | None:
        """The token in the operation's decoded JSON answer (a bare string, or ``field`` of an object)."""
        if isinstance(answer, dict):
            answer = answer.get(self.field)
        return answer if isinstance(answer, str) and answer else None


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    kind: str  # apiKey | bearer | basic | unsupported
    header: str  # the request header that carries it, lower case
    fields: tuple[str, ...]  # the credential fields it needs
    token: TokenSource | None = None
    # ``x-lmskit-bare-token: true``: the vendor also takes the token alone in Authorization, without "Bearer "
    # (a fake accepts it, as the vendor does; clients still send the documented form).
    bare: bool = False

    def describe(self) -> str:
        if self.kind == "apiKey":
            return f"{self.header} header"
        return f"{self.kind} credentials in Authorization"

    def extract(self, headers: Mapping[str, str]) -> Any:
        """The credential a request carries: a header value, a bearer token, or (user, password); None if absent."""
        value = headers.get(self.header, "")
        if self.kind == "apiKey":
            return value or None
        prefix, _, rest = value.partition(" ")
        if self.kind == "bearer" and prefix.lower() == "bearer" and rest.strip():
            return rest.strip()
        if self.kind == "bearer" and self.bare and value.strip() and " " not in value.strip():
            return value.strip()
        if self.kind == "basic" and prefix.lower() == "basic":
            try:
                user, sep, password = base64.b64decode(rest.strip(), validate=True).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                return None
            return (user, password) if sep else None
        return None

    def headers(self, values: Mapping[str, str], token: str | None = None) -> dict[str, str]:
        """The header that presents these credentials (``token`` for a scheme that fetches one)."""
        if self.kind == "apiKey":
            return {self.header: values["API_KEY"]}
        if self.kind == "basic":
            raw = f"{values['KEY']}:{values['SECRET']}".encode()
            return {"Authorization": "Basic " + base64.b64encode(raw).decode()}
        return {"Authorization": f"Bearer {token if token is not None else values['TOKEN']}"}

    def wrong_variants(self, values: Mapping[str, str]) -> list[tuple[str, dict[str, str]]]:
        """(what is wrong, header) for each way this scheme's credentials can be wrong: all of it, and for a
        scheme of two fields each field alone (a Basic key with a wrong secret), where the right one is known."""
        found = [(f"a wrong {self.describe()}", self.wrong_headers())]
        if self.kind == "basic":
            for right, field, words in (
                ("KEY", "SECRET", "the right key and a wrong secret"),
                ("SECRET", "KEY", "a wrong key and the right secret"),
            ):
                if values.get(right):
                    pair = {right: values[right], field: "lmskit-wrong"}
                    found.append((f"Basic credentials with {words}", self.headers(pair)))
        return found

    def wrong_headers(self) -> dict[str, str]:
        """Credentials of the right shape that no vendor accepts, for the wrong-credentials probe."""
        if self.kind == "apiKey":
            return {self.header: WRONG_API_KEY}
        if self.kind == "basic":
            return {"Authorization": "Basic " + base64.b64encode(b"lmskit-wrong:lmskit-wrong").decode()}
        return {"Authorization": f"Bearer {WRONG_TOKEN}"}


@dataclass(frozen=True, slots=True)
class Security:
    schemes: Mapping[str, Scheme]
    # The document's default requirements: alternatives, each a set of schemes used together.
    requirements: tuple[tuple[str, ...], ...] = field(default=())

    def requirements_for(self, operation: Operation) -> tuple[tuple[str, ...], ...]:
        declared = operation.definition.get("security")
        if declared is None:
            return self.requirements
        return _requirements(declared)

    def fields(self) -> tuple[str, ...]:
        """Every credential field any scheme needs, in declaration order."""
        return tuple(dict.fromkeys(name for scheme in self.schemes.values() for name in scheme.fields))

    def environment_names(self, vendor: str) -> tuple[str, ...]:
        return tuple(f"LMSKIT_{vendor.upper()}_{name}" for name in self.fields())

    def usable_requirement(self, values: Mapping[str, str]) -> tuple[str, ...] | None:
        """The first default alternative every scheme of which has its credential fields filled."""
        for requirement in self.requirements:
            if all(all(values.get(f) for f in self.schemes[name].fields) for name in requirement):
                return requirement
        return None

    def wanted(self) -> str:
        """``TOKEN or KEY + SECRET``: what a user must provide, for messages."""
        return " or ".join(
            " + ".join(dict.fromkeys(f for name in requirement for f in self.schemes[name].fields))
            for requirement in self.requirements
        )


def read_security(document: Mapping[str, Any]) -> Security:
    raw = (document.get("components") or {}).get("securitySchemes") or {}
    schemes = {str(name): _scheme(str(name), value) for name, value in raw.items() if isinstance(value, dict)}
    return Security(schemes, _requirements(document.get("security") or []))


def _scheme(name: str, raw: Mapping[str, Any]) -> Scheme:
    kind, http = raw.get("type"), str(raw.get("scheme", "")).lower()
    token = _token_source(raw.get("x-lmskit-token"))
    if kind == "apiKey" and raw.get("in") == "header":
        return Scheme(name, "apiKey", str(raw.get("name", "")).lower(), ("API_KEY",))
    if kind == "http" and http == "bearer":
        fields = tuple(dict.fromkeys(_PLACEHOLDER.findall(str(token.body)))) if token else ("TOKEN",)
        return Scheme(name, "bearer", "authorization", fields, token, raw.get("x-lmskit-bare-token") is True)
    if kind == "http" and http == "basic":
        return Scheme(name, "basic", "authorization", ("KEY", "SECRET"))
    return Scheme(name, "unsupported", "", ())


def _token_source(raw: Any) -> TokenSource | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("operationId"), str):
        return None
    headers = {str(k): str(v) for k, v in (raw.get("headers") or {}).items()}
    return TokenSource(raw["operationId"], headers, raw.get("body"), str(raw.get("field", "token")))


def _requirements(raw: Any) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(tuple(str(name) for name in item) for item in raw if isinstance(item, dict))


def _fill(template: Any, values: Mapping[str, str]) -> Any:
    if isinstance(template, dict):
        return {key: _fill(value, values) for key, value in template.items()}
    if isinstance(template, list):
        return [_fill(value, values) for value in template]
    if isinstance(template, str):
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template)
    return template
