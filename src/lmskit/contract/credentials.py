"""Credentials for a vendor, named after the spec's security schemes (``lmskit.spec.security``) and read from
the environment: ``LMSKIT_<VENDOR>_<FIELD>``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lmskit.spec.security import Security


@dataclass(frozen=True)
class Credentials:
    """Credential values by field name. Never printed: repr shows the field names only."""

    values: Mapping[str, str] = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(fields={sorted(self.values)})"

    def has(self, *fields: str) -> bool:
        return all(self.values.get(name) for name in fields)


def credentials_from_env(vendor: str, security: Security, environ: Mapping[str, str]) -> Credentials:
    prefix = f"LMSKIT_{vendor.upper()}_"
    return Credentials(
        {name[len(prefix) :]: environ[name] for name in security.environment_names(vendor) if environ.get(name)}
    )
