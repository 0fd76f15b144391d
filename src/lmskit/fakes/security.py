"""Authenticating a request by the operation's declared security requirements.

The spec says where credentials travel (an apiKey header, HTTP bearer, HTTP basic); the vendor's
``verify`` says which values are valid. Credentials never appear in an error message.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import VendorFake
from lmskit.spec.operations import Operation


class SecurityPlan:
    def __init__(self, document: dict[str, Any]) -> None:
        self.schemes: dict[str, dict[str, Any]] = (document.get("components") or {}).get("securitySchemes") or {}
        self.default: list[dict[str, Any]] = document.get("security") or []

    def authenticate(
        self, operation: Operation, headers: Mapping[str, str], fake: VendorFake, store: Store, now: datetime
    ) -> dict[str, Any]:
        requirements = operation.definition.get("security", self.default)
        if not requirements:
            return {}
        reasons: list[str] = []
        for alternative in requirements:
            principals: dict[str, Any] = {}
            for name in alternative:
                scheme = self.schemes.get(name, {})
                credential = extract_credential(scheme, headers)
                if credential is None:
                    reasons.append(f"no {describe(scheme)}")
                    break
                principal = fake.verify(name, credential, store, now)
                if principal is None:
                    reasons.append(f"invalid {describe(scheme)}")
                    break
                principals[name] = principal
            else:
                return principals
        raise ApiError(401, "Authentication failed: " + " / ".join(dict.fromkeys(reasons)) + ".", code="Unauthorized")


def extract_credential(scheme: Mapping[str, Any], headers: Mapping[str, str]) -> Any:
    """The credential a request carries for ``scheme``: a header value, a bearer token, or (user, password)."""
    kind = scheme.get("type")
    if kind == "apiKey" and scheme.get("in") == "header":
        return headers.get(str(scheme.get("name", "")).lower()) or None
    if kind != "http":
        return None
    authorization = headers.get("authorization", "")
    prefix, _, value = authorization.partition(" ")
    if str(scheme.get("scheme", "")).lower() == "bearer" and prefix.lower() == "bearer" and value.strip():
        return value.strip()
    if str(scheme.get("scheme", "")).lower() == "basic" and prefix.lower() == "basic":
        try:
            user, sep, password = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return (user, password) if sep else None
    return None


def describe(scheme: Mapping[str, Any]) -> str:
    if scheme.get("type") == "apiKey":
        return f"{scheme.get('name')} header"
    return f"{scheme.get('scheme', 'http')} credentials in Authorization"
