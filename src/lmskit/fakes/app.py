"""Building a fake's ASGI app: spec-driven routing, auth and validation around the vendor's handlers.

The stack, outermost first: request log → error boundary (vendor error body, never a 5xx) → control
API under /_lmskit/ → route by spec → authenticate by the spec's security → validate by the spec →
vendor handler.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send

from lmskit.errors import InputError
from lmskit.fakes.control import control_routes
from lmskit.fakes.errors import ApiError
from lmskit.fakes.overlay_fields import fill_overlay_fields
from lmskit.fakes.requests import RequestProblem, parse_request
from lmskit.fakes.security import authenticate
from lmskit.fakes.store import Store
from lmskit.fakes.throttle import RateLimiter
from lmskit.fakes.vendor import Call, Reply, VendorFake
from lmskit.spec.api import Api, load_api
from lmskit.spec.operations import Operation
from lmskit.spec.router import Match
from lmskit.spec.servers import split_base_path

logger = logging.getLogger("lmskit.fakes")


@dataclass
class FakeState:
    """Everything a running fake holds: its vendor, API, store, seed, clock offset and options."""

    fake: VendorFake
    api: Api
    store: Store
    seed: dict[str, Any]
    options: dict[str, Any] = field(default_factory=dict)
    clock_offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0) + self.clock_offset

    def reset(self, seed: dict[str, Any] | None = None) -> None:
        if seed is not None:
            self.seed = seed
        self.store.wipe()
        self.fake.load_seed(self.store, self.seed)


def read_seed(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such seed file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"{where}: the seed is not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: a seed is a YAML mapping; see the README's 'Seed files' section")
    return data


def build_app(
    fake: VendorFake,
    *,
    api: Api | None = None,
    db: Path | None = None,
    seed: Path | dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
) -> FakeApp:
    """The fake as an ASGI app, serving ``api`` (the vendor's spec with any overlays; default: the shipped spec).

    With ``db`` the state survives restarts; an empty database is seeded.
    """
    api = api or load_api(fake.name)
    seed_data = seed if isinstance(seed, dict) else read_seed(seed or fake.default_seed)
    store = Store(fake.schema_sql, db)
    state = FakeState(fake, api, store, seed_data, dict(options or {}))
    if store.row("SELECT value FROM lmskit_meta WHERE key = 'seeded'") is None:
        state.reset()
        with store.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO lmskit_meta (key, value) VALUES ('seeded', '1')")
    dispatcher = _Dispatcher(state)
    control = Starlette(routes=control_routes(state))
    return FakeApp(control, dispatcher, state)


class _Dispatcher:
    def __init__(self, state: FakeState) -> None:
        self.state = state
        self.fake = state.fake
        self.api = state.api
        rate = state.options.get("rate_limit")
        self.limiter = RateLimiter(int(rate), self.fake.rate_limit_header) if rate else None
        missing = sorted(set(self.api.operations) - set(self.fake.handlers))
        if missing:
            raise RuntimeError(f"the {self.fake.name} fake has no handler for {', '.join(missing)}")

    async def handle(self, request: Request) -> Response:
        try:
            return await self._handle(request)
        except ApiError as error:
            return self._error_response(error)
        except Exception:
            # A fake must never answer 5xx for anything a client can send: log the bug, answer 400.
            logger.exception("%s fake: unhandled error for %s %s", self.fake.name, request.method, request.url.path)
            return self._error_response(ApiError(400, "The request could not be processed."))

    async def _handle(self, request: Request) -> Response:
        split = split_base_path(request.url.path, self.api.base_paths)
        if split is None:
            where = " or ".join(self.api.base_paths)
            raise ApiError(404, f"No resource at {request.url.path}; this API lives under {where}.", code="NotFound")
        base, path = split
        match = self.api.router.match(request.method, path)
        if match.match is Match.NONE:
            raise ApiError(404, f"No resource at {path}.", code="NotFound")
        if match.match is Match.PARTIAL or match.operation is None:
            allowed = ", ".join(match.allowed_methods)
            raise ApiError(
                405, f"{request.method} is not allowed here.", code="MethodNotAllowed", headers={"Allow": allowed}
            )
        operation = match.operation
        now = self.state.now()
        principals = await run_in_threadpool(
            authenticate, self.api.security, operation, request.headers, self.fake, self.state.store, now
        )
        limit_headers = (
            self.limiter.admit(request.headers.get("authorization", "") + "|" + str(principals)) if self.limiter else {}
        )
        raw_body = await request.body()
        parsed, problems = parse_request(
            self.api.request_shape(operation),
            self.api.validators,
            match.path_params,
            list(request.query_params.multi_items()),
            request.headers,
            raw_body,
            request.headers.get("content-type"),
        )
        if problems:
            raise self._validation_error(operation, problems)
        call = Call(
            operation=operation,
            path=parsed.path,
            query=parsed.query,
            headers=parsed.headers,
            body=parsed.body,
            store=self.state.store,
            principals=principals,
            base_url=f"{request.url.scheme}://{request.url.netloc}{base}",
            base_path=base,
            now=now,
            options=self.state.options,
        )
        # Handlers block on SQLite; run them off the event loop so concurrent requests overlap.
        reply = await run_in_threadpool(self.fake.handlers[operation.operation_id or ""], call)
        if self.api.overlays and reply.has_body:
            reply = self._with_overlay_fields(operation, reply)
        response = _render(reply)
        response.headers.update(limit_headers)
        return response

    def _with_overlay_fields(self, operation: Operation, reply: Reply) -> Reply:
        shape = self.api.response_shape(operation, reply.status)
        if shape is None or shape.schema_pointer is None:
            return reply
        body = fill_overlay_fields(self.api, shape.schema_pointer, reply.body)
        return Reply(reply.status, body, reply.headers, reply.has_body)

    def _validation_error(self, operation: Operation, problems: list[RequestProblem]) -> ApiError:
        first = problems[0]
        documented = {str(status) for status in operation.definition.get("responses", {})}
        statuses = self.fake.validation_statuses
        preferences = statuses.get(f"{first.location}.{first.keyword}") or statuses.get(first.location) or (400,)
        status = next((s for s in preferences if str(s) in documented), preferences[0])
        message = "; ".join(problem.message for problem in problems[:5])
        return ApiError(status, message, first.name, "ValidationError")

    def _error_response(self, error: ApiError) -> Response:
        return JSONResponse(self.fake.error(error), status_code=error.status, headers=error.headers)


def _render(reply: Reply) -> Response:
    if not reply.has_body:
        return Response(status_code=reply.status, headers=reply.headers)
    return Response(
        json.dumps(reply.body, separators=(",", ":")),
        status_code=reply.status,
        headers=reply.headers,
        media_type="application/json",
    )


class FakeApp:
    """The ASGI app of a fake: the control API under /_lmskit/, every other path to the vendor dispatcher.

    Every vendor request is logged with method, path, status and duration, never headers or bodies
    (they hold secrets).
    """

    def __init__(self, control: Starlette, dispatcher: _Dispatcher, state: FakeState) -> None:
        self.control = control
        self.dispatcher = dispatcher
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_lmskit/"):
            await self.control(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            response = await self.dispatcher.handle(Request(scope, receive))
            await response(scope, receive, record)
        finally:
            self.state.store.log_request(
                scope["method"],
                scope["path"],
                status,
                (time.perf_counter() - started) * 1000,
                self.state.now().isoformat(),
            )
