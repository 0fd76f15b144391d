"""Production helpers for the generated clients: paging, retries, pacing and authentication, from the spec.

    from lmskit.clients import client_from_env, paginate
    from absorb_client.api.enrollments import list_course_enrollments

    absorb = client_from_env("absorb")
    for enrollment in paginate(list_course_enrollments, client=absorb, course_id=course_id):
        ...

Needs only httpx, httpx-retries and the generated clients: no generator, no test tooling, no YAML reading.
"""

from __future__ import annotations

from lmskit.clients.auth import SpecAuth, TokenError
from lmskit.clients.described import ClientSetupError
from lmskit.clients.factory import client_from_env
from lmskit.clients.paging import PageError, PageShifted, apaginate, paginate
from lmskit.clients.transport import BudgetSpent, RequestBudget, RetriesExhausted, SpecTransport, default_retry

__all__ = [
    "BudgetSpent",
    "ClientSetupError",
    "PageError",
    "PageShifted",
    "RequestBudget",
    "RetriesExhausted",
    "SpecAuth",
    "SpecTransport",
    "TokenError",
    "apaginate",
    "client_from_env",
    "default_retry",
    "paginate",
]
