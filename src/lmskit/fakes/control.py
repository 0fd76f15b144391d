"""The control API under ``/_lmskit/`` (outside the vendor spec): what a user's test needs to drive state.

POST   /_lmskit/reset      back to the loaded seed and the real clock
POST   /_lmskit/seed       load another seed (JSON body, same shape as the YAML seed file), all or nothing
POST   /_lmskit/advance    move a learner on (vendor-specific body; see the README)
POST   /_lmskit/clock      {"advance_seconds": N}: move the fake's clock (token expiry, dates)
GET    /_lmskit/requests   the request log, paged: ?after=SEQ&limit=N → {total, dropped, requests, next}
DELETE /_lmskit/requests   clear the log
GET    /_lmskit/info       vendor, seeded credentials, bugs met (internal_errors)
GET    /_lmskit/weather    the weather schedule in force, what each rule has seen and done, and the catalogue
PUT    /_lmskit/weather    a new schedule (lmskit.fakes.weather), checked whole, then in force at once (POST too)
DELETE /_lmskit/weather    fair weather again

Every body is checked against a schema before anything changes (``lmskit.fakes.bodies``), so no body can leave
the fake half-changed or unusable, and every refusal is a 4xx naming the field. The API is meant for the
developer's own tests on loopback: ``guard`` refuses what a web page the developer visits could send it
(another origin, a DNS-rebound host name, a non-JSON body), and a fake served beyond loopback requires a token.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import math
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lmskit import bounded
from lmskit.errors import InputError
from lmskit.fakes.bodies import check_seed, problem
from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import StoreError
from lmskit.fakes.weather import WeatherError

if TYPE_CHECKING:
    from lmskit.fakes.app import FakeState

logger = logging.getLogger("lmskit.fakes")
Endpoint = Callable[[Request], Awaitable[Response]]

# A seed of a few hundred thousand rows fits; a body past this is refused before it is read whole.
MAX_BODY_BYTES = 256 * 1024 * 1024
# One call moves the clock at most a century either way, and the clock stays between these years: a datetime
# past year 9999 cannot exist, and every vendor call would fail on it.
MAX_CLOCK_STEP = 100 * 366 * 24 * 3600
CLOCK_YEARS = (1970, 9000)


def control_routes(state: FakeState) -> list[Route]:
    async def reset(request: Request) -> Response:
        state.reset()
        return JSONResponse({"reset": True})

    async def seed(request: Request) -> Response:
        body = await _json(request)
        if isinstance(body, Response):
            return body
        try:
            checked = check_seed(state.fake.folder, body, "seed")
        except InputError as exc:
            return _problem(str(exc))
        try:
            state.reset(checked)
        except (ApiError, sqlite3.Error, KeyError, TypeError, ValueError, OverflowError, StoreError) as exc:
            # A duplicate id, an unknown reference: the schema cannot see across rows, the database can.
            return _problem(f"the seed does not fit the {state.fake.name} fake ({_reason(exc)}); nothing changed")
        return JSONResponse({"seeded": True})

    async def advance(request: Request) -> Response:
        body = await _json(request)
        if isinstance(body, Response):
            return body
        found = problem(state.fake.folder, "advance", body)
        if found is not None:
            return _problem(f"advance {found}")
        try:
            result = state.fake.advance(state.store, body, state.now())
        except ApiError as error:
            return JSONResponse({"error": error.message}, status_code=error.status)
        return JSONResponse(result)

    async def clock(request: Request) -> Response:
        body = await _json(request)
        if isinstance(body, Response):
            return body
        usage = 'clock takes {"advance_seconds": N}, N a number of seconds'
        if not isinstance(body, dict) or set(body) != {"advance_seconds"}:
            return _problem(usage)
        seconds = body["advance_seconds"]
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
            return _problem(usage)
        if abs(seconds) > MAX_CLOCK_STEP:
            return _problem(f"advance_seconds is at most {MAX_CLOCK_STEP:,} (a century) either way per call")
        offset = state.clock_offset + timedelta(seconds=seconds)
        try:
            moved = datetime.now(UTC) + offset
        except OverflowError:
            moved = None
        if moved is None or not CLOCK_YEARS[0] <= moved.year <= CLOCK_YEARS[1]:
            low, high = CLOCK_YEARS
            return _problem(f"the fake's clock stays between the years {low} and {high}; POST /_lmskit/reset")
        state.clock_offset = offset
        return JSONResponse({"now": state.now().isoformat()})

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            state.log.clear()
            return JSONResponse({"cleared": True})
        try:
            after = int(request.query_params.get("after", "0"))
            limit = int(request.query_params.get("limit", "1000"))
        except ValueError:
            return _problem("after and limit are whole numbers: GET /_lmskit/requests?after=0&limit=1000")
        if not 0 <= after < 2**63 or not 1 <= limit <= 10_000:
            return _problem("after is 0 or more, limit from 1 to 10000")
        return JSONResponse(state.log.page(after, limit))

    async def weather(request: Request) -> Response:
        if request.method == "GET":
            current = state.weather
            found = current.report() if current is not None else {"schedule": None, "rules": []}
            faults = {name: fault.parameters for name, fault in state.faults.items()}
            return JSONResponse({**found, "catalogue": faults})
        if request.method == "DELETE":
            state.weather = None
            return JSONResponse({"weather": None})
        body = await _json(request)
        if isinstance(body, Response):
            return body
        try:
            forecast = state.forecast(body, "weather")
        except WeatherError as exc:
            return _problem(str(exc))
        state.weather = forecast  # one assignment: a request sees the old schedule or the new one
        return JSONResponse({"weather": forecast.report()})

    async def info(request: Request) -> Response:
        return JSONResponse(
            {
                "vendor": state.fake.name,
                "credentials": state.fake.credentials(state.seed),
                "internal_errors": state.internal_errors,
            }
        )

    def safely(endpoint: Endpoint) -> Endpoint:
        """A bug in a control endpoint is counted like a vendor handler's (never a bare 500 from Starlette)."""

        async def guarded(request: Request) -> Response:
            try:
                return await endpoint(request)
            except Exception as exc:
                logger.exception("%s fake: unhandled error in %s", state.fake.name, request.url.path)
                state.internal_errors += 1
                status = 500 if state.strict else 400
                return _refuse(status, f"lmskit fake bug: {type(exc).__name__} in {request.url.path}")

        return guarded

    return [
        Route("/_lmskit/reset", safely(reset), methods=["POST"]),
        Route("/_lmskit/seed", safely(seed), methods=["POST"]),
        Route("/_lmskit/advance", safely(advance), methods=["POST"]),
        Route("/_lmskit/clock", safely(clock), methods=["POST"]),
        Route("/_lmskit/requests", safely(requests), methods=["GET", "DELETE"]),
        Route("/_lmskit/info", safely(info), methods=["GET"]),
        Route("/_lmskit/weather", safely(weather), methods=["GET", "PUT", "POST", "DELETE"]),
    ]


def guard(headers: dict[str, str], method: str, token: str | None) -> Response | None:
    """Why a control request is refused, or None. ``headers`` has lower-case names.

    - With a token (a fake served beyond loopback): ``Authorization: Bearer TOKEN`` or 401.
    - Without one: the ``Host`` must be a loopback address, ``localhost`` or a name with no dot (a DNS name an
      attacker rebinds to 127.0.0.1 always has one).
    - A browser's cross-origin request (``Origin`` not the fake's own, ``Sec-Fetch-Site: cross-site``): 403.
    - A POST with a body must say ``Content-Type: application/json`` (a form or text/plain POST is what a page
      can send without asking): 415.
    """
    if token is not None:
        sent = headers.get("authorization", "")
        if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return _refuse(401, "the control API of an exposed fake needs Authorization: Bearer <control token>")
    host = headers.get("host", "")
    if token is None and not _local_host(host):
        return _refuse(403, f"the control API answers on loopback only, not for Host {host[:100]!r}")
    origin = headers.get("origin")
    if origin is not None and _netloc(origin) != host.lower():
        return _refuse(403, "the control API refuses requests from another origin (a web page)")
    if headers.get("sec-fetch-site") == "cross-site":
        return _refuse(403, "the control API refuses cross-site requests")
    has_body = headers.get("content-length", "0") not in ("", "0") or "transfer-encoding" in headers
    content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if method in ("POST", "PUT") and has_body and content_type != "application/json":
        return _refuse(415, "control API bodies are JSON: send Content-Type: application/json")
    return None


def _netloc(url: str) -> str:
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return "?"


def _local_host(host: str) -> bool:
    try:
        name = urlsplit(f"//{host}").hostname or ""
    except ValueError:  # a broken [IPv6] literal
        return False
    # A name without a dot cannot be a DNS name an attacker rebinds; *.localhost never leaves the machine.
    return is_loopback(name) or name.endswith(".localhost") or ("." not in name and ":" not in name)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 with or without brackets) reaches this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


async def _json(request: Request) -> Any:
    """The JSON body, read with the size and depth limits; a 4xx Response when it is not one."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return _refuse(413, f"control API bodies are at most {MAX_BODY_BYTES // 2**20} MiB")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return _refuse(413, f"control API bodies are at most {MAX_BODY_BYTES // 2**20} MiB")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        return _problem("the body is empty; send a JSON object")
    try:
        return bounded.loads(raw)
    except bounded.LimitError as exc:
        return _problem(f"the body: {exc}")
    except (ValueError, UnicodeDecodeError) as exc:
        return _problem(f"the body is not JSON ({_reason(exc)})")


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] if text else type(exc).__name__


def _problem(message: str) -> Response:
    return JSONResponse({"error": message}, status_code=400)


def _refuse(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status)
