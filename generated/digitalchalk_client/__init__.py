"""A client library for accessing DigitalChalk REST API v5 — Registrations"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
