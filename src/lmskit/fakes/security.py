"""Authenticating a request by the operation's declared security requirements.

The spec says where credentials travel (``lmskit.spec.security``); the vendor's ``verify`` says which
values are valid. Credentials never appear in an error message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import VendorFake
from lmskit.spec.operations import Operation
from lmskit.spec.security import Security


def authenticate(
    security: Security, operation: Operation, headers: Mapping[str, str], fake: VendorFake, store: Store, now: datetime
) -> dict[str, Any]:
    """The principals of the first security alternative the request satisfies; ApiError(401) if none."""
    requirements = security.requirements_for(operation)
    if not requirements:
        return {}
    reasons: list[str] = []
    for alternative in requirements:
        principals: dict[str, Any] = {}
        for name in alternative:
            scheme = security.schemes.get(name)
            credential = scheme.extract(headers) if scheme is not None else None
            if credential is None or scheme is None:
                reasons.append(f"no {scheme.describe() if scheme else name}")
                break
            principal = fake.verify(name, credential, store, now)
            if principal is None:
                reasons.append(f"invalid {scheme.describe()}")
                break
            principals[name] = principal
        else:
            return principals
    raise ApiError(401, "Authentication failed: " + " / ".join(dict.fromkeys(reasons)) + ".", code="Unauthorized")
