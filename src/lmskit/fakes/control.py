"""The control API under ``/_lmskit/`` (outside the vendor spec): what a user's test needs to drive state.

POST   /_lmskit/reset      back to the loaded seed
POST   /_lmskit/seed       load another seed (JSON body, same shape as the YAML seed file)
POST   /_lmskit/advance    move a learner on (vendor-specific body; see the README)
POST   /_lmskit/clock      {"advance_seconds": N}: move the fake's clock (token expiry, dates)
GET    /_lmskit/requests   the request log, paged: ?after=SEQ&limit=N → {total, dropped, requests, next}
DELETE /_lmskit/requests   clear the log
GET    /_lmskit/info       vendor, seed summary
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lmskit.fakes.errors import ApiError

if TYPE_CHECKING:
    from lmskit.fakes.app import FakeState


def control_routes(state: FakeState) -> list[Route]:
    async def reset(request: Request) -> Response:
        state.reset()
        return JSONResponse({"reset": True})

    async def seed(request: Request) -> Response:
        body = await _json(request)
        if not isinstance(body, dict):
            return _problem("the seed must be a JSON object with the same keys as a seed file")
        try:
            state.reset(body)
        except (KeyError, TypeError, ValueError) as exc:
            return _problem(f"the seed does not fit the {state.fake.name} fake: {exc}")
        return JSONResponse({"seeded": True})

    async def advance(request: Request) -> Response:
        body = await _json(request)
        if not isinstance(body, dict):
            return _problem("advance takes a JSON object")
        try:
            result = state.fake.advance(state.store, body, state.now())
        except ApiError as error:
            return JSONResponse({"error": error.message}, status_code=error.status)
        except (KeyError, TypeError, ValueError) as exc:
            return _problem(f"cannot advance: {exc}")
        return JSONResponse(result)

    async def clock(request: Request) -> Response:
        body = await _json(request)
        seconds = body.get("advance_seconds") if isinstance(body, dict) else None
        if not isinstance(seconds, (int, float)):
            return _problem('clock takes {"advance_seconds": number}')
        state.clock_offset += timedelta(seconds=seconds)
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
        if after < 0 or not 1 <= limit <= 10_000:
            return _problem("after is 0 or more, limit from 1 to 10000")
        return JSONResponse(state.log.page(after, limit))

    async def info(request: Request) -> Response:
        return JSONResponse({"vendor": state.fake.name, "credentials": state.fake.credentials(state.seed)})

    return [
        Route("/_lmskit/reset", reset, methods=["POST"]),
        Route("/_lmskit/seed", seed, methods=["POST"]),
        Route("/_lmskit/advance", advance, methods=["POST"]),
        Route("/_lmskit/clock", clock, methods=["POST"]),
        Route("/_lmskit/requests", requests, methods=["GET", "DELETE"]),
        Route("/_lmskit/info", info, methods=["GET"]),
    ]


async def _json(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        return None


def _problem(message: str) -> Response:
    return JSONResponse({"error": message}, status_code=400)
