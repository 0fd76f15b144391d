"""The fault corpus: realistic ways a vendor breaks the promises a sync depends on, each applied to a bundled fake.

Each fault patches the running process (a vendor's ``FAKE`` handlers, its ``verify``, a shared module of the
fakes), so ``python -m mutants.launch NAME …`` runs a contract or plain schemathesis against a fake that has
exactly that one fault. ``mutants.run`` measures which of them each tool catches (``nox -s mutants``).

The kinds follow what vendors really ship: a dropped or retyped field, dates without an offset, an enum value the
spec does not have, a null where none is declared, a wrong success status, writes that are not kept, a delete
that keeps the record, paging that repeats an item or miscounts, an ignored filter, credentials not checked on
one operation, a 429 that does not say when to retry, an error body in another shape, a crash on one input.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lmskit.fakes.errors import ApiError
from lmskit.fakes.vendor import Call, Reply


@dataclass(frozen=True)
class Fault:
    name: str
    vendor: str
    kind: str
    story: str  # what the vendor does wrong, as an integration engineer would put it
    apply: Callable[[], None]


def _fake(vendor: str) -> Any:
    return importlib.import_module(f"lmskit.fakes.{vendor}")


def _replace(vendor: str, **changes: Any) -> None:
    module = _fake(vendor)
    module.FAKE = dataclasses.replace(module.FAKE, **changes)


def _handler(
    vendor: str, operation_id: str, wrap: Callable[[Callable[[Call], Reply]], Callable[[Call], Reply]]
) -> None:
    fake = _fake(vendor).FAKE
    _replace(vendor, handlers={**fake.handlers, operation_id: wrap(fake.handlers[operation_id])})


def _answer(vendor: str, operation_id: str, change: Callable[[Call, Reply], Reply]) -> Callable[[], None]:
    """A fault that rewrites one operation's answers."""

    def apply() -> None:
        def wrap(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
            return lambda call: change(call, original(call))

        _handler(vendor, operation_id, wrap)

    return apply


def _body(reply: Reply, body: Any) -> Reply:
    return Reply(reply.status, body, reply.headers, reply.has_body)


def _items(body: Any, key: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
    return {**body, key: [change(dict(item)) for item in body[key]]} if isinstance(body, dict) and key in body else body


def _move_offset(url: str, by: int) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    if "offset" in query:
        query["offset"] = str(max(int(query["offset"]) + by, 0))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _unchecked_credentials(operation_id: str, principals: dict[str, Any]) -> Callable[[], None]:
    """One operation takes any credential that is present (the vendor forgot its auth filter there)."""

    def apply() -> None:
        app = importlib.import_module("lmskit.fakes.app")
        original = app.authenticate

        def lenient(security: Any, operation: Any, headers: Any, verify: Any, now: Any) -> dict[str, Any]:
            try:
                return original(security, operation, headers, verify, now)  # type: ignore[no-any-return]
            except ApiError:
                if operation.operation_id == operation_id and headers.get("authorization"):
                    return dict(principals)
                raise

        app.authenticate = lenient

    return apply


def _not_persisted(vendor: str, operation_id: str, answer: Callable[[Call], Reply]) -> Callable[[], None]:
    """A write that answers as if it happened and changes nothing."""

    def apply() -> None:
        def wrap(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
            def handler(call: Call) -> Reply:
                reply = answer(call)
                return reply if reply is not None else original(call)

            return handler

        _handler(vendor, operation_id, wrap)

    return apply


# --- DigitalChalk ---------------------------------------------------------------------------------------


def _dc_grade_not_kept(call: Call) -> Reply:
    if (
        "grade" not in call.body
        or call.store.row("SELECT 1 FROM dc_registrations WHERE id = ?", [call.path["id"]]) is None
    ):
        return None  # type: ignore[return-value]
    return Reply.empty(204)


def _dc_next_repeats(call: Call, reply: Reply) -> Reply:
    body = dict(reply.body)
    limit = int(call.query.get("limit", 15))
    if "next" in body and limit > 1:
        body["next"] = _move_offset(body["next"], -1)
    return _body(reply, body)


def _dc_ignore_status(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    return lambda call: original(
        dataclasses.replace(call, query={k: v for k, v in call.query.items() if k != "status"})
    )


def _dc_location_elsewhere(call: Call, reply: Reply) -> Reply:
    location = reply.headers.get("Location", "")
    return Reply(reply.status, reply.body, {**reply.headers, "Location": location + "0"}, reply.has_body)


# --- Bridge ---------------------------------------------------------------------------------------------


def _br_delete_keeps(call: Call) -> Reply:
    found = call.store.row(
        "SELECT 1 FROM bridge_enrollments WHERE id = ? AND program_id = ? AND deleted_at IS NULL",
        [call.path["id"], call.path["program_id"]],
    )
    return Reply.empty(204) if found is not None else None  # type: ignore[return-value]


def _br_patch_not_kept(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    def handler(call: Call) -> Reply:
        before = call.store.row("SELECT end_at, expires_at FROM bridge_enrollments WHERE id = ?", [call.path["id"]])
        reply = original(call)
        if before is not None and reply.status == 200:
            call.store.execute(
                "UPDATE bridge_enrollments SET end_at = ?, expires_at = ? WHERE id = ?",
                [before["end_at"], before["expires_at"], call.path["id"]],
            )
        return reply

    return handler


def _br_enroll_not_kept(call: Call) -> Reply:
    program = call.store.row("SELECT 1 FROM bridge_programs WHERE id = ?", [call.path["program_id"]])
    return Reply.empty(204) if program is not None else None  # type: ignore[return-value]


def _br_basic_any_secret() -> None:
    fake = _fake("bridge").FAKE
    original = fake.verify

    def verify(scheme: str, credential: Any, store: Any, now: Any) -> Any:
        if scheme == "basicAuth" and isinstance(credential, tuple):
            found = store.row("SELECT key FROM bridge_keys WHERE key = ?", [credential[0]])
            return found["key"] if found is not None else None
        return original(scheme, credential, store, now)

    _replace("bridge", verify=verify)


def _br_cursor_repeats() -> None:
    routes = importlib.import_module("lmskit.fakes.bridge.routes")
    original = routes.encode_cursor
    routes.encode_cursor = lambda offset, fingerprint, secret: original(max(offset - 1, 0), fingerprint, secret)


def _no_retry_after() -> None:
    throttle = importlib.import_module("lmskit.fakes.throttle")
    original = throttle.RateLimiter.admit

    def admit(self: Any, credential: str) -> dict[str, str]:
        try:
            return original(self, credential)  # type: ignore[no-any-return]
        except ApiError as error:
            headers = {k: v for k, v in error.headers.items() if k.lower() != "retry-after"}
            raise ApiError(error.status, error.message, error.field_name, error.code, headers) from None

    throttle.RateLimiter.admit = admit


def _error_shape(vendor: str, body: Callable[[ApiError], Any]) -> Callable[[], None]:
    def apply() -> None:
        original = _fake(vendor).FAKE.render_error
        _replace(vendor, render_error=lambda error: body(error) if error.status == 404 else original(error))

    return apply


# --- Absorb ---------------------------------------------------------------------------------------------


def _ab_ignore_score(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    return lambda call: original(dataclasses.replace(call, body={k: v for k, v in call.body.items() if k != "score"}))


def _ab_unenroll_noop(call: Call) -> Reply:
    ids = [str(value).lower() for value in call.body]
    known = [call.store.row("SELECT 1 FROM absorb_enrollments WHERE id = ?", [value]) for value in ids]
    return Reply.empty(204) if all(row is not None for row in known) else None  # type: ignore[return-value]


def _ab_crash_on_large_page(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    def handler(call: Call) -> Reply:
        if int(call.query.get("_limit", 20)) > 500:
            raise RuntimeError("page buffer overflow")  # the strict fake answers 500, as a crashing vendor does
        return original(call)

    return handler


def _ab_ignore_filter() -> None:
    common = importlib.import_module("lmskit.fakes.absorb.common")  # where the lists filter
    common.parse_filter = lambda text, fields: lambda item: True


def _ab_finish_not_kept(call: Call) -> Reply:
    attempt_id = str(call.path["attemptId"]).lower()
    attempt = call.store.row("SELECT completion_date FROM absorb_attempts WHERE id = ?", [attempt_id])
    if attempt is None or attempt["completion_date"] is not None:
        return None  # type: ignore[return-value]
    return Reply(200, {"attemptId": attempt_id})


def _ab_start_not_kept(original: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    def handler(call: Call) -> Reply:
        reply = original(call)
        if reply.status == 200:
            call.store.execute("DELETE FROM absorb_attempts WHERE id = ?", [reply.body["attemptId"]])
        return reply

    return handler


def _ab_total_off(call: Call, reply: Reply) -> Reply:
    body = dict(reply.body)
    if isinstance(body.get("totalItems"), int) and body["totalItems"] > 2:
        body["totalItems"] += 1
    return _body(reply, body)


def _without(name: str) -> Callable[[Call, Reply], Reply]:
    return lambda call, reply: _body(reply, {k: v for k, v in reply.body.items() if k != name})


def _grade_as_text(call: Call, reply: Reply) -> Reply:
    return _body(reply, {**reply.body, "grade": str(reply.body["grade"])} if "grade" in reply.body else reply.body)


def _each(key: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[Call, Reply], Reply]:
    return lambda call, reply: _body(reply, _items(reply.body, key, change))


def _renamed(field_name: str, old: str, new: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda item: {**item, field_name: new if item[field_name] == old else item[field_name]}


def _offsetless(field_name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda item: {**item, field_name: item[field_name].removesuffix("Z")}


def _status_200(call: Call, reply: Reply) -> Reply:
    return Reply(200, reply.body, reply.headers, reply.has_body) if reply.status == 201 else reply


def _progress_as_text(call: Call, reply: Reply) -> Reply:
    return _body(reply, [{**item, "progress": f"{item['progress']}%"} for item in reply.body])


_DC_GRADER = {"bearerAuth": "1d4f0c2b7a9e4c3d8b6a5f4e3d2c1b0a"}
_ABSORB_ADMIN = {"apiKey": True, "bearerToken": "0f8fad5b-d9cb-469f-a165-70867728950e"}

FAULTS: tuple[Fault, ...] = (
    # DigitalChalk
    Fault(
        "dc-drop-status", "digitalchalk", "dropped required field", "a registration comes without its status",
        _answer("digitalchalk", "getRegistration", _without("status")),
    ),
    Fault(
        "dc-grade-as-text", "digitalchalk", "type change", 'the grade comes as text ("97.15")',
        _answer("digitalchalk", "getRegistration", _grade_as_text),
    ),
    Fault(
        "dc-dates-without-offset", "digitalchalk", "offset-less dates", "listed dates lose their Z",
        _answer("digitalchalk", "listRegistrations", _each("results", _offsetless("createdDate"))),
    ),
    Fault(
        "dc-status-completed", "digitalchalk", "enum value outside the spec", 'a passed registration is "completed"',
        _answer("digitalchalk", "listRegistrations", _each("results", _renamed("status", "passed", "completed"))),
    ),
    Fault(
        "dc-create-200", "digitalchalk", "wrong success status", "a registration is created with 200, not 201",
        _answer("digitalchalk", "createRegistration", _status_200),
    ),
    Fault(
        "dc-grade-not-kept", "digitalchalk", "write not persisted", "a grade is answered 204 and never stored",
        _not_persisted("digitalchalk", "updateRegistration", _dc_grade_not_kept),
    ),
    Fault(
        "dc-next-repeats", "digitalchalk", "paging repeats an item", "the next link moves one item short",
        _answer("digitalchalk", "listRegistrations", _dc_next_repeats),
    ),
    Fault(
        "dc-status-filter-ignored", "digitalchalk", "filter ignored", "?status= lists every registration",
        lambda: _handler("digitalchalk", "listRegistrations", _dc_ignore_status),
    ),
    Fault(
        "dc-location-elsewhere", "digitalchalk", "Location does not resolve", "a 201's Location names nothing",
        _answer("digitalchalk", "createRegistration", _dc_location_elsewhere),
    ),
    Fault(
        "dc-put-any-token", "digitalchalk", "credentials not checked on one operation", "PUT takes any bearer token",
        _unchecked_credentials("updateRegistration", _DC_GRADER),
    ),
    # Bridge
    Fault(
        "br-delete-keeps", "bridge", "delete keeps the resource", "DELETE answers 204 and the learner stays",
        _not_persisted("bridge", "deleteProgramEnrollment", _br_delete_keeps),
    ),
    Fault(
        "br-patch-not-kept", "bridge", "write not persisted", "PATCH echoes the new dates and keeps the old",
        lambda: _handler("bridge", "updateProgramEnrollment", _br_patch_not_kept),
    ),
    Fault(
        "br-enroll-not-kept", "bridge", "write not persisted", "an enrollment is answered 204 and never made",
        _not_persisted("bridge", "enrollProgramLearners", _br_enroll_not_kept),
    ),
    Fault(
        "br-basic-any-secret", "bridge", "credentials not checked", "Basic credentials pass with any secret",
        _br_basic_any_secret,
    ),
    Fault(
        "br-name-null", "bridge", "null where none is declared", "a listed learner's name is null",
        _answer("bridge", "listProgramEnrollments", _each("enrollments", lambda i: {**i, "name": None})),
    ),
    Fault(
        "br-state-archived", "bridge", "enum value outside the spec", 'a finished enrollment is "archived"',
        _answer("bridge", "listProgramEnrollments", _each("enrollments", _renamed("state", "complete", "archived"))),
    ),
    Fault(
        "br-cursor-repeats", "bridge", "paging repeats an item", "the next cursor starts one learner early",
        _br_cursor_repeats,
    ),
    Fault(
        "br-429-without-retry-after", "bridge", "429 without Retry-After", "429 and no word on when to retry",
        _no_retry_after,
    ),
    Fault(
        "br-404-other-shape", "bridge", "error body in another shape", 'a 404 says {"message": …}',
        _error_shape("bridge", lambda error: {"message": error.message}),
    ),
    # Absorb
    Fault(
        "ab-upsert-ignores-score", "absorb", "write not persisted", "create-or-update drops the score it was sent",
        lambda: _handler("absorb", "createOrUpdateCourseEnrollment", _ab_ignore_score),
    ),
    Fault(
        "ab-unenroll-noop", "absorb", "delete keeps the resource", "un-enroll answers 204 and keeps the enrollment",
        _not_persisted("absorb", "unenrollCourseEnrollments", _ab_unenroll_noop),
    ),
    Fault(
        "ab-500-on-large-page", "absorb", "crash on one input", "a course's list crashes past 500 items a page",
        lambda: _handler("absorb", "listCourseEnrollments", _ab_crash_on_large_page),
    ),
    Fault(
        "ab-filter-ignored", "absorb", "filter ignored", "_filter is accepted and ignored",
        _ab_ignore_filter,
    ),
    Fault(
        "ab-page-without-total", "absorb", "dropped required field", "a page of enrollments has no totalItems",
        _answer("absorb", "listCourseEnrollments", _without("totalItems")),
    ),
    Fault(
        "ab-total-off-by-one", "absorb", "paging miscounts", "totalItems counts one enrollment too many",
        _answer("absorb", "listUserCourseEnrollments", _ab_total_off),
    ),
    Fault(
        "ab-progress-as-text", "absorb", "type change", 'a session enrollment\'s progress comes as "50%"',
        _answer("absorb", "listUserSessionEnrollments", _progress_as_text),
    ),
    Fault(
        "ab-lesson-any-token", "absorb", "credentials not checked on one operation", "a lesson is read with any token",
        _unchecked_credentials("getUserLessonEnrollment", _ABSORB_ADMIN),
    ),
    Fault(
        "ab-finish-not-kept", "absorb", "write not persisted", "finishing an attempt answers 200 and leaves it open",
        _not_persisted("absorb", "finishUserLessonAttempt", _ab_finish_not_kept),
    ),
    Fault(
        "ab-start-not-kept", "absorb", "write not persisted", "a started attempt is never listed",
        lambda: _handler("absorb", "startLessonAttempt", _ab_start_not_kept),
    ),
    Fault(
        "ab-404-other-shape", "absorb", "error body in another shape", 'a 404 says {"error": …} (a gateway\'s)',
        _error_shape("absorb", lambda error: {"error": error.message}),
    ),
    Fault(
        "ab-created-id-missing", "absorb", "dropped field", "a create answers without the new enrollment's id",
        _answer("absorb", "createCourseEnrollment", _without("enrollmentId")),
    ),
)  # fmt: skip

BY_NAME = {fault.name: fault for fault in FAULTS}
