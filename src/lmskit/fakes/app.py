"""Building a fake's ASGI app: spec-driven routing, auth and validation around the vendor's handlers.

The stack, outermost first: request log → error boundary (vendor error body, never a 5xx) → control
API under /_lmskit/ → route by spec → authenticate by the spec's security → validate by the spec →
vendor handler.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

from lmskit.errors import InputError
from lmskit.fakes.control import control_routes
from lmskit.fakes.errors import ApiError
from lmskit.fakes.incoming import Incoming, Rendered, read_body, render
from lmskit.fakes.overlay_fields import fill_overlay_fields
from lmskit.fakes.request_log import DEFAULT_CAPACITY, RequestLog
from lmskit.fakes.requests import RequestProblem, parse_request
from lmskit.fakes.security import Verifier, authenticate
from lmskit.fakes.store import Store
from lmskit.fakes.throttle import RateLimiter
from lmskit.fakes.vendor import Call, Reply, VendorFake
from lmskit.spec.api import Api, load_api
from lmskit.spec.loader import SafeLoader
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
    log: RequestLog = field(default_factory=RequestLog)

    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0) + self.clock_offset

    def reset(self, seed: dict[str, Any] | None = None) -> None:
        if seed is not None:
            self.seed = seed
        self.store.wipe()
        self.fake.load_seed(self.store, self.seed)


def read_seed(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
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
    store = Store(fake.schema_sql, db, fake.credential_tables)
    settings = dict(options or {})
    log = RequestLog(int(settings.get("log_size") or DEFAULT_CAPACITY))
    state = FakeState(fake, api, store, seed_data, settings, log=log)
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
        self.verify = Verifier(self.fake, state.store)
        missing = sorted(set(self.api.operations) - set(self.fake.handlers))
        if missing:
            raise RuntimeError(f"the {self.fake.name} fake has no handler for {', '.join(missing)}")

    def respond(self, incoming: Incoming, now: datetime) -> Rendered:
        """The answer to one request: the vendor's, or its documented error body (never a 5xx)."""
        try:
            return self._respond(incoming, now)
        except ApiError as error:
            return self._error(error)
        except Exception:
            # A fake must never answer 5xx for anything a client can send: log the bug, answer 400.
            logger.exception("%s fake: unhandled error for %s %s", self.fake.name, incoming.method, incoming.path)
            return self._error(ApiError(400, "The request could not be processed."))

    def _respond(self, incoming: Incoming, now: datetime) -> Rendered:
        split = split_base_path(incoming.path, self.api.base_paths)
        if split is None:
            where = " or ".join(self.api.base_paths)
            raise ApiError(404, f"No resource at {incoming.path}; this API lives under {where}.", code="NotFound")
        base, path = split
        match = self.api.router.match(incoming.method, path)
        if match.match is Match.NONE:
            raise ApiError(404, f"No resource at {path}.", code="NotFound")
        if match.match is Match.PARTIAL or match.operation is None:
            allowed = ", ".join(match.allowed_methods)
            raise ApiError(
                405, f"{incoming.method} is not allowed here.", code="MethodNotAllowed", headers={"Allow": allowed}
            )
        operation = match.operation
        headers = incoming.headers
        principals = authenticate(self.api.security, operation, headers, self.verify, now)
        limit_headers = (
            self.limiter.admit(headers.get("authorization", "") + "|" + str(principals)) if self.limiter else {}
        )
        parsed, problems = parse_request(
            self.api.request_shape(operation),
            self.api.validators,
            match.path_params,
            incoming.query,
            headers,
            incoming.body,
            headers.get("content-type"),
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
            base_url=incoming.origin + base,
            base_path=base,
            now=now,
            options=self.state.options,
        )
        reply = self.fake.handlers[operation.operation_id or ""](call)
        if self.api.overlays and reply.has_body:
            reply = self._with_overlay_fields(operation, reply)
        return render(reply, limit_headers)

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

    def _error(self, error: ApiError) -> Rendered:
        return render(Reply(error.status, self.fake.error(error), error.headers))


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
        now = self.state.now()
        status = 500
        try:
            # Vendor calls are answered at the ASGI level: one read of the scope, two messages out. Starlette's
            # Request and Response objects cost more than the fake's own work on a small answer.
            incoming = Incoming.from_scope(scope, await read_body(receive))
            status, headers, content = self.dispatcher.respond(incoming, now)
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": content})
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            self.state.log.add(scope["method"], scope["path"], status, elapsed_ms, now)
