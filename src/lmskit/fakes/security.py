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


class Verifier:
    """The vendor's ``verify``, remembered while its credential tables and the clock's second stand still.

    ``verify`` reads only the vendor's credential tables (``VendorFake.credential_tables``) and the time, so
    its answer for a credential holds until one of those rows changes (the store's credential epoch moves)
    or the second turns: most requests then cost no query to authenticate. Bounded: the memory is dropped
    whole when it fills.
    """

    def __init__(self, fake: VendorFake, store: Store, size: int = 4096) -> None:
        self.fake = fake
        self.store = store
        self.size = size
        self._known: dict[tuple[str, Any, int, datetime], Any] = {}

    def __call__(self, scheme: str, credential: Any, now: datetime) -> Any:
        key = (scheme, credential, self.store.credential_epoch, now)
        try:
            return self._known[key]
        except KeyError:
            pass
        principal = self.fake.verify(scheme, credential, self.store, now)
        if len(self._known) >= self.size:
            self._known.clear()
        self._known[key] = principal
        return principal


def authenticate(
    security: Security, operation: Operation, headers: Mapping[str, str], verify: Verifier, now: datetime
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
            principal = verify(name, credential, now)
            if principal is None:
                reasons.append(f"invalid {scheme.describe()}")
                break
            principals[name] = principal
        else:
            return principals
    raise ApiError(401, "Authentication failed: " + " / ".join(dict.fromkeys(reasons)) + ".", code="Unauthorized")
