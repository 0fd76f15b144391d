"""Credentials for a vendor, named after the spec's security schemes and read from the environment.

Each scheme kind has fixed field names, so the environment variables follow from the vendor name:

    http bearer  → TOKEN                  LMSKIT_DIGITALCHALK_TOKEN
    http basic   → KEY, SECRET            LMSKIT_BRIDGE_KEY, LMSKIT_BRIDGE_SECRET
    apiKey       → API_KEY                LMSKIT_ABSORB_API_KEY
    a bearer scheme with ``x-lmskit-token`` takes the fields its token request names
                                          LMSKIT_ABSORB_USERNAME, LMSKIT_ABSORB_PASSWORD
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

_PLACEHOLDER = re.compile(r"{([A-Z_]+)}")


@dataclass(frozen=True)
class Credentials:
    """Credential values by field name. Never printed: repr shows the field names only."""

    values: Mapping[str, str] = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(fields={sorted(self.values)})"

    def has(self, *fields: str) -> bool:
        return all(self.values.get(name) for name in fields)


def scheme_fields(scheme: Mapping[str, Any]) -> tuple[str, ...]:
    """The credential fields a security scheme needs."""
    token = scheme.get("x-lmskit-token")
    if isinstance(token, dict):
        return tuple(dict.fromkeys(_PLACEHOLDER.findall(str(token.get("body", "")))))
    kind, http = scheme.get("type"), str(scheme.get("scheme", "")).lower()
    if kind == "apiKey":
        return ("API_KEY",)
    if kind == "http" and http == "bearer":
        return ("TOKEN",)
    if kind == "http" and http == "basic":
        return ("KEY", "SECRET")
    return ()


def environment_names(vendor: str, document: Mapping[str, Any]) -> Iterator[str]:
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    seen: set[str] = set()
    for scheme in schemes.values():
        for name in scheme_fields(scheme):
            if name not in seen:
                seen.add(name)
                yield f"LMSKIT_{vendor.upper()}_{name}"


def credentials_from_env(vendor: str, document: Mapping[str, Any], environ: Mapping[str, str]) -> Credentials:
    prefix = f"LMSKIT_{vendor.upper()}_"
    return Credentials(
        {name[len(prefix) :]: environ[name] for name in environment_names(vendor, document) if environ.get(name)}
    )


def fill(template: Any, credentials: Credentials) -> Any:
    """``{"username": "{USERNAME}"}`` → ``{"username": "api.admin"}``."""
    if isinstance(template, dict):
        return {key: fill(value, credentials) for key, value in template.items()}
    if isinstance(template, list):
        return [fill(value, credentials) for value in template]
    if isinstance(template, str):
        return _PLACEHOLDER.sub(lambda m: credentials.values.get(m.group(1), ""), template)
    return template
