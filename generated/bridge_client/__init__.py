"""A client library for accessing Bridge Author API — Program Enrollments"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
