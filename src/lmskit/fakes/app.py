"""Building a fake's ASGI app: spec-driven routing, auth and validation around the vendor's handlers.

The stack, outermost first: request log → error boundary (vendor error body, never a 5xx) → control
API under /_lmskit/ → route by spec → authenticate by the spec's security → validate by the spec →
vendor handler.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from lmskit.extras import missing

try:
    from starlette.applications import Starlette
    from starlette.types import Receive, Scope, Send
except ImportError:
    missing("fakes", "the verified fakes")

from lmskit.errors import InputError
from lmskit.fakes.bodies import check_seed, read_seed
from lmskit.fakes.control import control_routes, guard
from lmskit.fakes.errors import ApiError
from lmskit.fakes.incoming import Incoming, Rendered, read_body, render
from lmskit.fakes.overlay_fields import fill_overlay_fields
from lmskit.fakes.request_log import DEFAULT_CAPACITY, RequestLog
from lmskit.fakes.requests import RequestProblem, parse_request
from lmskit.fakes.security import Verifier, authenticate
from lmskit.fakes.store import Store
from lmskit.fakes.throttle import RateLimiter
from lmskit.fakes.vendor import Call, Reply, VendorFake
from lmskit.fakes.weather import Drawn, Fault, Weather, WeatherError, catalogue, parse_schedule, patch_body
from lmskit.spec.api import Api, load_api
from lmskit.spec.operations import Operation
from lmskit.spec.router import Match, case_insensitive
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
    # Answer 500 (not the vendor's 400) when a handler raises something unexpected: a bug the tests must see.
    strict: bool = False
    internal_errors: int = 0
    # Signs what the fake hands out and must get back unchanged (Bridge's opaque cursors); kept in the store,
    # so cursors stay valid across a restart with the same --db.
    secret: bytes = field(default=b"", repr=False)
    # The schedule of faults in force (lmskit.fakes.weather), or None for fair weather.
    weather: Weather | None = None
    _clock: tuple[int, timedelta, datetime] = field(default=(0, timedelta(0), datetime.min), repr=False)

    def now(self) -> datetime:
        """The fake's clock, to the second. One object per second and offset: every request in that second gets
        the same one, so what is derived from it (its text, an authentication verdict keyed by it) is worked
        out once, not per request."""
        second = int(time.time())
        found = self._clock
        if found[0] != second or found[1] != self.clock_offset:
            found = (second, self.clock_offset, datetime.fromtimestamp(second, UTC) + self.clock_offset)
            self._clock = found  # one assignment: another thread sees the old tuple or the new one
        return found[2]

    def reset(self, seed: dict[str, Any] | None = None) -> None:
        """Back to ``seed`` (default: the loaded one) and the real clock, all or nothing: a seed that does not
        load (a duplicate id, an unknown user) leaves the previous state, seed and clock as they were."""
        candidate = self.seed if seed is None else seed
        with self.store.transaction():
            self.store.wipe()
            self.fake.load_seed(self.store, candidate)
        self.seed = candidate
        self.clock_offset = timedelta(0)

    @property
    def faults(self) -> dict[str, Fault]:
        """The vendor's weather catalogue (the generic faults and its own)."""
        return catalogue(self.fake.folder)

    def forecast(self, schedule: Any, where: str) -> Weather:
        """A schedule checked against this fake's catalogue and operations; WeatherError names what is wrong."""
        return parse_schedule(schedule, self.faults, set(self.api.operations), where)


def build_app(
    fake: VendorFake,
    *,
    api: Api | None = None,
    db: Path | None = None,
    seed: Path | dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
    strict: bool = False,
) -> FakeApp:
    """The fake as an ASGI app, serving ``api`` (the vendor's spec with any overlays; default: the shipped spec).

    With ``db`` the state survives restarts; an empty database is seeded. ``strict`` answers a bug in the fake
    with a 500 naming it (for test suites) instead of the vendor's generic 400.
    """
    api = api or load_api(fake.name)
    if isinstance(seed, dict):
        seed_data = check_seed(fake.folder, seed, "the seed")
    else:
        seed_data = read_seed(seed or fake.default_seed, fake.folder)
    store = Store(fake.schema_sql, db, fake.credential_tables)
    settings = dict(options or {})
    log = RequestLog(int(settings.get("log_size") or DEFAULT_CAPACITY))
    state = FakeState(fake, api, store, seed_data, settings, log=log, strict=strict, secret=_secret(store))
    if store.row("SELECT value FROM lmskit_meta WHERE key = 'seeded'") is None:
        try:
            with store.transaction() as conn:
                state.reset()
                conn.execute("INSERT OR REPLACE INTO lmskit_meta (key, value) VALUES ('seeded', '1')")
        except (ApiError, sqlite3.Error, KeyError, TypeError, ValueError, OverflowError) as exc:
            # What the schema cannot see: a duplicate id, a reference to a user the seed does not have.
            where = "the seed" if isinstance(seed, dict) else str(seed or fake.default_seed)
            message = f"{where}: does not load into the {fake.name} fake ({exc}); fix the ids it names"
            raise InputError(message) from None
    if settings.get("weather") is not None:
        try:
            where = str(settings.get("weather_source") or "the weather schedule")
            state.weather = state.forecast(settings["weather"], where)
        except WeatherError as exc:
            raise InputError(str(exc)) from None
    dispatcher = _Dispatcher(state)
    control = Starlette(routes=control_routes(state))
    return FakeApp(control, dispatcher, state)


def _secret(store: Store) -> bytes:
    found = store.row("SELECT value FROM lmskit_meta WHERE key = 'secret'")
    if found is not None:
        return bytes.fromhex(found["value"])
    value = secrets.token_bytes(32)
    with store.transaction() as conn:
        conn.execute("INSERT INTO lmskit_meta (key, value) VALUES ('secret', ?)", [value.hex()])
    return value


class _Dispatcher:
    def __init__(self, state: FakeState) -> None:
        self.state = state
        self.fake = state.fake
        self.api = state.api
        rate = state.options.get("rate_limit")
        self.limiter = RateLimiter(int(rate), self.fake.rate_limit_header) if rate else None
        self.verify = Verifier(self.fake, state.store)
        self.case_insensitive = case_insensitive(self.api.document)
        missing = sorted(set(self.api.operations) - set(self.fake.handlers))
        if missing:
            raise RuntimeError(f"the {self.fake.name} fake has no handler for {', '.join(missing)}")

    def respond(self, incoming: Incoming, now: datetime) -> tuple[Rendered, Drawn | None]:
        """The answer to one request: the vendor's, or its documented error body (never a 5xx unless the weather
        schedule says so), and the fault the request met, if any."""
        met: list[Drawn] = []
        try:
            return self._respond(incoming, now, met), (met[0] if met else None)
        except ApiError as error:
            return self.error_reply(error), (met[0] if met else None)
        except Exception as exc:
            # Every input has a documented answer; reaching here is a bug in the fake. It is logged and counted
            # (GET /_lmskit/info), and a strict fake (the kit's tests, contract runs against the bundled fakes)
            # answers 500 so that the suite fails on it. A served fake answers its generic 400 instead: a user's
            # sync under test must not see a 5xx for the fake's own bug.
            logger.exception("%s fake: unhandled error for %s %s", self.fake.name, incoming.method, incoming.path)
            self.state.internal_errors += 1
            if self.state.strict:
                detail = f"lmskit fake bug: {type(exc).__name__} answering {incoming.method} {incoming.path}"
                return render(Reply(500, {"lmskit_internal_error": detail})), None
            return self.error_reply(ApiError(400, "The request could not be processed.")), None

    def _respond(self, incoming: Incoming, now: datetime, met: list[Drawn]) -> Rendered:
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
        weather = self.state.weather
        drawn = weather.draw(operation.operation_id or "") if weather is not None else None
        if drawn is not None:
            met.append(drawn)
            self._before(drawn, match.path_params)
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
            fold_case=self.case_insensitive,
            document=self.api.document,
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
            secret=self.state.secret,
        )
        reply = self.fake.handlers[operation.operation_id or ""](call)
        if self.api.overlays and reply.has_body:
            reply = self._with_overlay_fields(operation, reply)
        if drawn is not None and drawn.fault.kind == "patch" and reply.has_body:
            parameters = drawn.fault.parameters
            patch_body(reply.body, dict(parameters.get("match") or {}), dict(parameters.get("set") or {}))
        return render(reply, limit_headers)

    def _before(self, drawn: Drawn, path_params: dict[str, Any]) -> None:
        """What a fault does before the vendor's handler: answer for it (a status) or change the state (sql)."""
        fault = drawn.fault
        parameters = fault.parameters
        if fault.kind == "status":
            status = int(parameters["status"])
            headers: dict[str, str] = {}
            if parameters.get("retry_after") is not None:
                headers["Retry-After"] = str(parameters["retry_after"])
            if parameters.get("rate_limit_header") is not None and self.fake.rate_limit_header:
                headers[self.fake.rate_limit_header] = str(parameters["rate_limit_header"])
            message = str(parameters.get("summary") or f"{fault.name} (lmskit weather)")
            raise ApiError(status, message, headers=headers)
        if fault.kind == "sql":
            try:
                with self.state.store.transaction() as db:
                    for statement in parameters.get("sql") or []:
                        db.execute(statement, {key: str(value) for key, value in path_params.items()})
            except sqlite3.Error as exc:
                # The catalogue's SQL is the fake's own: reaching here is a bug in it, logged and counted.
                logger.error("%s fake: weather %s did not apply (%s)", self.fake.name, fault.name, exc)
                self.state.internal_errors += 1

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

    def error_reply(self, error: ApiError) -> Rendered:
        return render(Reply(error.status, self.fake.error(error), error.headers))


# Larger than any enrollment body; a bigger one is refused before it is held in memory.
MAX_BODY_BYTES = 16 * 1024 * 1024


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
            await self._control(scope, receive, send)
            return
        started = time.perf_counter()
        now = self.state.now()
        status = 500
        drawn: Drawn | None = None
        try:
            # Vendor calls are answered at the ASGI level: one read of the scope, two messages out. Starlette's
            # Request and Response objects cost more than the fake's own work on a small answer.
            body = await read_body(receive, MAX_BODY_BYTES)
            if body is None:
                too_large = ApiError(413, f"The request body is larger than {MAX_BODY_BYTES // 2**20} MiB.")
                status, headers, content = self.dispatcher.error_reply(too_large)
            else:
                (status, headers, content), drawn = self.dispatcher.respond(Incoming.from_scope(scope, body), now)
            if drawn is not None and drawn.delay:
                await asyncio.sleep(drawn.delay)
            await send({"type": "http.response.start", "status": status, "headers": headers})
            if drawn is not None and drawn.fault.kind in ("reset", "truncate"):
                # The answer stops short: the server closes the connection with the body incomplete.
                cut = b"" if drawn.fault.kind == "reset" else content[: len(content) // 2]
                await send({"type": "http.response.body", "body": cut, "more_body": True})
                return
            await send({"type": "http.response.body", "body": content})
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            fault = drawn.name if drawn is not None else None
            self.state.log.add(scope["method"], scope["path"], status, elapsed_ms, now, fault)

    async def _control(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
            refused = guard(headers, scope["method"], self.state.options.get("control_token"))
            if refused is not None:
                await refused(scope, receive, send)
                return
        await self.control(scope, receive, send)
