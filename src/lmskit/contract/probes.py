"""The spec's auth probe (``info.x-lmskit-contract.auth-probe``) and what the run asks of it: that the target is
this vendor's API at its base path (before any case), and, against a bundled fake, that a burst past the spec's
rate limit is answered with a 429 that says when to retry."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import httpx

from lmskit.contract.auth import Authenticator
from lmskit.contract.targets import Target, fake_target
from lmskit.errors import WrongTarget as WrongTarget
from lmskit.spec.api import Api
from lmskit.spec.operations import Operation
from lmskit.spec.paging import RateLimit


def probe_operation(api: Api, environ: dict[str, str] | None = None) -> tuple[Operation, str]:
    """The auth probe's operation and its path, its parameters filled (``LMSKIT_<VENDOR>_PROBE_<NAME>`` wins)."""
    environ = dict(os.environ) if environ is None else environ
    probe = api.contract.get("auth-probe") or {}
    operation = api.operation(str(probe.get("operationId")))
    parameters = {
        name: environ.get(f"LMSKIT_{api.vendor.upper()}_PROBE_{name.upper()}", value)
        for name, value in (probe.get("parameters") or {}).items()
    }
    return operation, operation.path.format(**parameters)


def call_probe(api: Api, target: Target, headers: dict[str, str]) -> tuple[Operation, httpx.Response]:
    """The auth probe's operation and the target's answer to a call with these credential headers."""
    operation, path = probe_operation(api)
    defaults = api.request_shape(operation).default_headers()
    return operation, target.send(operation.method.upper(), path, {**defaults, **headers}, None)


def documented(api: Api, operation: Operation, response: httpx.Response) -> bool:
    """Whether an answer is one the spec documents for the operation: its status, and a JSON body that fits the
    schema documented for that status (another vendor's 404 is not this one's)."""
    shape = api.response_shape(operation, response.status_code)
    if shape is None:
        return False
    if shape.schema_pointer is None or not response.content:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    return not any(True for _ in api.validators.iter_violations(shape.schema_pointer, body))


def wrong_target(api: Api, target: Target, what: str, status: int, said: str) -> WrongTarget:
    """One line: what was tried, what came back (``said``, already masked), where this vendor's API lives."""
    where = " or ".join(path for path in api.base_paths if path) or "the server's root (no base path)"
    parts = urlsplit(target.base_url or "")
    suggestion = f"{parts.scheme}://{parts.netloc}{api.base_paths[0]}"
    hint = ""
    if parts.path.rstrip("/") not in api.base_paths and suggestion != target.base_url:
        hint = f" (e.g. --target {suggestion})"
    answer = f": {said}" if said else ""
    return WrongTarget(
        f"{target.label}: {what} answered {status}{answer}; that is not how {api.title} answers, so the target is"
        f" not this vendor's API at its base path: {api.vendor} answers at {where}{hint}"
    )


def rate_limit_problem(api: Api, limit: RateLimit, statuses: list[int]) -> str | None:
    """What is wrong with a bundled fake's answer to a burst past the spec's ``x-lmskit-rate-limit``, or None.

    A client paces itself by Retry-After (``lmskit.clients`` does), so a 429 without it leaves a sync guessing. The
    burst goes to a second instance of the fake with its limiter on, so the run's own fake stays unlimited;
    ``statuses`` gets every status it saw.
    """
    from lmskit.fakes import get_fake
    from lmskit.fakes.app import build_app

    app = build_app(get_fake(api.vendor), api=api, options={"rate_limit": limit.requests}, strict=True)
    limited = fake_target(api, app)
    headers = Authenticator(api, limited.credentials, limited.send).current()
    burst = limit.requests * 2 + 1
    for _ in range(burst):
        operation, response = call_probe(api, limited, headers)
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    else:
        return (
            f"{burst} calls of {operation.label} at once never got 429 (x-lmskit-rate-limit says {limit.requests} per"
            f" {limit.seconds:g} s)"
        )
    retry = response.headers.get("retry-after", "")
    if not retry.strip().isdigit():
        shown = f"Retry-After {retry!r}" if retry else "no Retry-After"
        return f"{operation.label} answered 429 with {shown}: a client cannot tell when to call again"
    if not documented(api, operation, response):
        return f"{operation.label} answered a 429 the spec does not document for it (status or body)"
    return None
