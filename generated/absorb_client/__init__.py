"""A client library for accessing Absorb Integration API v2 — Enrollments"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
