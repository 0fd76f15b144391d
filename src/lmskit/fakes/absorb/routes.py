"""Absorb Integration API v2 enrollments, as documented: a bare-string token from /authenticate that a new
token supersedes, re-enrollment history, create-or-update of settable fields, the OData `_filter`,
`_sort`, page-index `_offset`, un-enroll, chapters, lessons, sessions, and attempts that move the lesson
and course on."""

from __future__ import annotations

import secrets
import sqlite3
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.absorb import resources
from lmskit.fakes.absorb.odata import FilterError, parse_filter, parse_sort
from lmskit.fakes.errors import ApiError
from lmskit.fakes.ids import ordered_uuid4
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

TOKEN_LIFETIME = timedelta(hours=4)
COMPLETE, IN_PROGRESS, NOT_STARTED, FAILED = 3, 1, 0, 5
ATTEMPT_TO_LESSON_STATUS = {1: IN_PROGRESS, 3: COMPLETE, 5: FAILED}
SETTABLE = {
    "status": "status",
    "dateCompleted": "date_completed",
    "dateExpires": "date_expires",
    "courseVersionId": "course_version_id",
    "acceptedTermsAndConditions": "accepted_terms",
    "enrollmentKeyId": "enrollment_key_id",
    "credits": "credits",
    "score": "score",
}

_ENROLLMENT_SELECT = (
    "SELECT e.*, c.name AS course_name, u.full_name, u.job_title, u.avatar FROM absorb_enrollments e "
    "JOIN absorb_courses c ON c.id = e.course_id JOIN absorb_users u ON u.id = e.user_id"
)
_ACTIVITY_SELECT = (
    "SELECT a.*, e.user_id, u.full_name, COALESCE(l.name, ch.name, s.name) AS activity_name, l.kind AS activity_kind,"
    " (SELECT ce.id FROM absorb_activity_enrollments ce WHERE ce.enrollment_id = a.enrollment_id AND ce.kind ="
    " 'chapter'"
    "  AND ce.activity_id = a.chapter_id) AS chapter_enrollment_id"
    " FROM absorb_activity_enrollments a JOIN absorb_enrollments e ON e.id = a.enrollment_id"
    " JOIN absorb_users u ON u.id = e.user_id"
    " LEFT JOIN absorb_lessons l ON l.id = a.activity_id AND a.kind = 'lesson'"
    " LEFT JOIN absorb_chapters ch ON ch.id = a.activity_id AND a.kind = 'chapter'"
    " LEFT JOIN absorb_sessions s ON s.id = a.activity_id AND a.kind = 'session'"
)


# --- authentication ---------------------------------------------------------------------------------


def authenticate(call: Call) -> Reply:
    body = call.body
    api_key = call.store.row("SELECT value FROM absorb_settings WHERE key = 'api_key'")
    admin = call.store.row("SELECT user_id, password FROM absorb_admins WHERE username = ?", [body["username"]])
    disabled = call.store.row("SELECT value FROM absorb_settings WHERE key = 'portal_disabled'")
    if disabled is not None and disabled["value"] == "1":
        raise ApiError(403, "Portal disabled.", code="Forbidden")
    if api_key is None or str(body["privateKey"]).lower() != api_key["value"].lower():
        raise ApiError(401, "The private key does not match this portal.")
    if admin is None or not secrets.compare_digest(admin["password"], str(body["password"])):
        raise ApiError(401, "The username or password is incorrect.")
    token = secrets.token_urlsafe(32)
    with call.store.transaction() as db:
        # One token per user for /authenticate: a new one supersedes the previous.
        db.execute("UPDATE absorb_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0", [admin["user_id"]])
        db.execute(
            "INSERT INTO absorb_tokens (token, user_id, expires_at) VALUES (?, ?, ?)",
            [token, admin["user_id"], dates.to_text(call.now + TOKEN_LIFETIME)],
        )
    return Reply(200, token)


# --- lookups ----------------------------------------------------------------------------------------


def _require(db: sqlite3.Connection | Store, sql: str, parameters: list[Any], what: str) -> dict[str, Any]:
    row = db.row(sql, parameters) if isinstance(db, Store) else db.execute(sql, parameters).fetchone()
    if row is None:
        raise not_found(what)
    return dict(row)


def _user(store: Store | sqlite3.Connection, user_id: str) -> dict[str, Any]:
    return _require(store, "SELECT * FROM absorb_users WHERE id = ?", [user_id], "User")


def _course(store: Store | sqlite3.Connection, course_id: str) -> dict[str, Any]:
    return _require(store, "SELECT * FROM absorb_courses WHERE id = ?", [course_id], "Course")


def _active_enrollment(store: Store, user_id: str, course_id: str) -> dict[str, Any]:
    _user(store, user_id)
    _course(store, course_id)
    return _require(
        store,
        f"{_ENROLLMENT_SELECT} WHERE e.user_id = ? AND e.course_id = ? AND e.is_active = 1",
        [user_id, course_id],
        "Enrollment",
    )


def _me(call: Call) -> str:
    return str(call.principals["bearerToken"])


# --- creating enrollments ---------------------------------------------------------------------------


def create_enrollment(
    db: sqlite3.Connection, user_id: str, course_id: str, now: str, *, re_enroll: bool, enrollment_id: str | None = None
) -> str:
    """The user's active enrollment in the course, created if needed.

    With ``re_enroll`` an existing active enrollment becomes history (isActive false) and a new one starts.
    """
    # One statement answers "does the user exist, does the course, which version, which active enrollment".
    user, version, current = db.execute(
        "SELECT (SELECT 1 FROM absorb_users WHERE id = ?1),"
        " (SELECT coalesce(version_id, '') FROM absorb_courses WHERE id = ?2),"
        " (SELECT id FROM absorb_enrollments WHERE user_id = ?1 AND course_id = ?2 AND is_active = 1)",
        [user_id, course_id],
    ).fetchone()
    if user is None:
        raise not_found("User")
    if version is None:
        raise not_found("Course")
    if current is not None and not re_enroll:
        return str(current)
    if current is not None:
        db.execute("UPDATE absorb_enrollments SET is_active = 0, date_edited = ? WHERE id = ?", [now, current])
    enrollment_id = enrollment_id or ordered_uuid4()
    db.execute(
        "INSERT INTO absorb_enrollments (id, user_id, course_id, course_version_id, date_added, date_edited)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [enrollment_id, user_id, course_id, version or None, now, now],
    )
    # Its chapter and lesson enrollments are made when something first reads or moves them
    # (materialize_activities): a create stays one row however large the course.
    return enrollment_id


# A random (version 4) UUID in SQL, in the lower-case 8-4-4-4-12 form Absorb sends.
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-'"
    " || lower(hex(randomblob(6)))"
)
_MATERIALIZE = (
    "INSERT INTO absorb_activity_enrollments (id, kind, enrollment_id, activity_id, chapter_id, date_enrolled,"
    " date_edited) SELECT {uuid}, '{kind}', e.id, x.id, {chapter}, e.date_added, e.date_added"
    " FROM absorb_enrollments e JOIN {table} x ON x.course_id = e.course_id"
    " WHERE e.activities = 0 AND ({scope}) ORDER BY e.seq, x.rowid"
)


def materialize_activities(db: sqlite3.Connection, scope: str, parameters: list[Any]) -> None:
    """Give the course enrollments ``scope`` selects (a condition on ``e``, absorb_enrollments) the chapter and
    lesson enrollments Absorb creates with a course enrollment, dated when it was made.

    Done on first use rather than at enrollment, so that a create writes one row: to a client the two cannot
    be told apart (the ids are random either way, the dates are the enrollment's).
    """
    for kind, table, chapter in (("chapter", "absorb_chapters", "NULL"), ("lesson", "absorb_lessons", "x.chapter_id")):
        statement = _MATERIALIZE.format(uuid=_SQL_UUID4, kind=kind, table=table, chapter=chapter, scope=scope)
        db.execute(statement, parameters)
    db.execute(f"UPDATE absorb_enrollments AS e SET activities = 1 WHERE e.activities = 0 AND ({scope})", parameters)


def _ensure_activities(store: Store, scope: str, parameters: list[Any]) -> None:
    """materialize_activities for a read: only when some selected enrollment still lacks them."""
    if store.row(f"SELECT 1 FROM absorb_enrollments e WHERE e.activities = 0 AND ({scope}) LIMIT 1", parameters):
        with store.transaction() as db:
            materialize_activities(db, scope, parameters)


_INSERT_ACTIVITY = (
    "INSERT INTO absorb_activity_enrollments (id, kind, enrollment_id, activity_id, chapter_id, date_enrolled,"
    " date_edited) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def insert_activity(
    db: sqlite3.Connection, kind: str, enrollment_id: str, activity_id: str, chapter_id: str | None, now: str
) -> str:
    activity_enrollment_id = str(uuid.uuid4())
    db.execute(_INSERT_ACTIVITY, [activity_enrollment_id, kind, enrollment_id, activity_id, chapter_id, now, now])
    return activity_enrollment_id


def create_course_enrollment(call: Call) -> Reply:
    user_id, course_id = call.path["userId"], call.path["courseId"]
    with call.store.transaction() as db:
        enrollment_id = create_enrollment(
            db, user_id, course_id, dates.to_text(call.now), re_enroll=bool(call.query.get("reEnroll"))
        )
    return Reply(200, {"enrollmentId": enrollment_id, "courseId": course_id, "userId": user_id})


def create_my_course_enrollment(call: Call) -> Reply:
    user_id, course_id = _me(call), call.path["courseId"]
    with call.store.transaction() as db:
        enrollment_id = create_enrollment(db, user_id, course_id, dates.to_text(call.now), re_enroll=False)
    return Reply(200, {"enrollmentId": enrollment_id, "courseId": course_id, "userId": user_id})


def create_or_update_course_enrollment(call: Call) -> Reply:
    user_id, body = call.path["userId"], call.body
    course_id = body["courseId"]
    now = dates.to_text(call.now)
    with call.store.transaction() as db:
        enrollment_id = create_enrollment(db, user_id, course_id, now, re_enroll=bool(call.query.get("reEnroll")))
        # Only the documented settable properties change; the others in the model are read-only.
        for field_name, column in SETTABLE.items():
            if field_name in body:
                value = body[field_name]
                if field_name.startswith("date") and value is not None:
                    value = dates.normalise(str(value))
                if isinstance(value, bool):
                    value = int(value)
                db.execute(f"UPDATE absorb_enrollments SET {column} = ? WHERE id = ?", [value, enrollment_id])
        if body.get("status") == COMPLETE:
            db.execute(
                "UPDATE absorb_enrollments SET progress = 100, date_completed = COALESCE(date_completed, ?)"
                " WHERE id = ?",
                [now, enrollment_id],
            )
        db.execute("UPDATE absorb_enrollments SET date_edited = ? WHERE id = ?", [now, enrollment_id])
    return Reply(200, {"enrollmentId": enrollment_id, "courseId": course_id, "userId": user_id})


def create_ilc_enrollment(call: Call) -> Reply:
    user_id, course_id, session_id = call.path["userId"], call.path["courseId"], call.path["sessionId"]
    now = dates.to_text(call.now)
    with call.store.transaction() as db:
        course = _course(db, course_id)
        if course["kind"] != "ilc":
            raise ApiError(400, "The course is not an instructor-led course.", "courseId")
        _require(db, "SELECT 1 FROM absorb_sessions WHERE id = ? AND course_id = ?", [session_id, course_id], "Session")
        enrollment_id = create_enrollment(db, user_id, course_id, now, re_enroll=bool(call.query.get("reEnroll")))
        existing = db.execute(
            "SELECT id, activity_id FROM absorb_activity_enrollments WHERE enrollment_id = ? AND kind = 'session'",
            [enrollment_id],
        ).fetchone()
        if existing is not None and existing["activity_id"] == session_id:
            session_enrollment_id = str(existing["id"])
        else:
            if existing is not None:
                # Multi-session ILCs are not supported: another session must be cancelled first.
                if not call.query.get("cancelSession"):
                    raise ApiError(
                        400,
                        "The user is enrolled in another session; pass cancelSession=true to move them.",
                        "sessionId",
                    )
                db.execute("DELETE FROM absorb_activity_enrollments WHERE id = ?", [existing["id"]])
            session_enrollment_id = insert_activity(db, "session", enrollment_id, session_id, None, now)
    return Reply(
        200,
        {
            "userId": user_id,
            "courseId": course_id,
            "sessionId": session_id,
            "enrollmentId": enrollment_id,
            "sessionEnrollmentId": session_enrollment_id,
        },
    )


def unenroll(call: Call) -> Reply:
    ids = [str(value).lower() for value in call.body]
    with call.store.transaction() as db:
        for enrollment_id in ids:
            if db.execute("SELECT 1 FROM absorb_enrollments WHERE id = ?", [enrollment_id]).fetchone() is None:
                raise not_found(f"Enrollment {enrollment_id}")
        for enrollment_id in ids:
            db.execute("DELETE FROM absorb_enrollments WHERE id = ?", [enrollment_id])
    return Reply.empty(204)


# --- reading enrollments ----------------------------------------------------------------------------


def _single_filters(call: Call, item: dict[str, Any], date_field: str) -> dict[str, Any]:
    """The `status` and `modifiedSince` query filters, applied to one resource: no match is a 404."""
    if "status" in call.query and item.get("status") != call.query["status"]:
        raise not_found("Enrollment with that status")
    since = call.query.get("modifiedSince")
    if since is not None and item.get(date_field) and dates.parse(item[date_field]) < dates.parse(str(since)):
        raise not_found("Enrollment modified since that date")
    return item


def _list_filters(call: Call, items: list[dict[str, Any]], date_field: str) -> list[dict[str, Any]]:
    if "status" in call.query:
        items = [item for item in items if item.get("status") == call.query["status"]]
    since = call.query.get("modifiedSince")
    if since is not None:
        moment = dates.parse(str(since))
        items = [item for item in items if item.get(date_field) and dates.parse(item[date_field]) >= moment]
    return items


def _page(call: Call, items: list[dict[str, Any]], fields: tuple[str, ...], collection: str, date_field: str) -> Reply:
    """`_filter`, `_sort`, then `_limit` items on page `_offset` (a page index), in the documented envelope."""
    items = _list_filters(call, items, date_field)
    try:
        if "_filter" in call.query:
            predicate = parse_filter(str(call.query["_filter"]), set(fields))
            items = [item for item in items if predicate(item)]
        if "_sort" in call.query:
            # Stable sorts from the last key to the first give a multi-key order.
            for name, descending in reversed(parse_sort(str(call.query["_sort"]), set(fields))):
                items.sort(key=_field_sort_key(name), reverse=descending)
    except FilterError as exc:
        raise ApiError(
            400, f"Invalid _filter or _sort: {exc}", "_filter" if "_filter" in str(exc) else None, "BadRequest"
        ) from None
    limit = int(call.query.get("_limit", call.query.get("limit", 20)))
    offset = int(call.query.get("_offset", call.query.get("offset", 0)))
    page = items[offset * limit : offset * limit + limit]
    return Reply(
        200, {"totalItems": len(items), "returnedItems": len(page), "limit": limit, "offset": offset, collection: page}
    )


def _field_sort_key(name: str) -> Callable[[dict[str, Any]], tuple[int, Any]]:
    return lambda item: _sort_key(item.get(name))


def _sort_key(value: Any) -> tuple[int, Any]:
    # None sorts first; mixed types never meet because a field has one type.
    if value is None:
        return (0, "")
    return (1, value.lower() if isinstance(value, str) else value)


# Query parameters that filter or sort a list in Python (``_page``); without them the page comes from SQL.
_LIST_SHAPING = frozenset({"_filter", "_sort", "status", "modifiedSince", "limit", "offset"})


def _course_enrollment_page(
    call: Call, where: str, parameters: list[Any], owner: Callable[[], object] | None = None
) -> Reply:
    """A page of course enrollments: straight from SQL (LIMIT/OFFSET and a COUNT) when nothing filters or sorts
    it, so the hundredth page of a large course costs what the first does; otherwise through ``_page``.

    ``owner`` checks that the course or user the list belongs to exists (404 otherwise): asked only when no
    enrollment matched, since a matching enrollment proves it.
    """
    if _LIST_SHAPING & set(call.query):
        items = _course_enrollments(call.store, where, parameters)
        if not items and owner is not None:
            owner()
        return _page(call, items, resources.COURSE_ENROLLMENT_FIELDS, "enrollments", "dateEdited")
    limit = int(call.query.get("_limit", 20))
    offset = int(call.query.get("_offset", 0))
    total = call.store.row(f"SELECT COUNT(*) AS n FROM absorb_enrollments e WHERE {where}", parameters)
    if owner is not None and not (total and total["n"]):
        owner()
    rows = call.store.rows(
        f"{_ENROLLMENT_SELECT} WHERE {where} ORDER BY e.seq LIMIT ? OFFSET ?", [*parameters, limit, offset * limit]
    )
    page = [resources.course_enrollment(row) for row in rows]
    count = total["n"] if total else 0
    return Reply(
        200, {"totalItems": count, "returnedItems": len(page), "limit": limit, "offset": offset, "enrollments": page}
    )


def _course_enrollments(store: Store, where: str, parameters: list[Any]) -> list[dict[str, Any]]:
    rows = store.rows(f"{_ENROLLMENT_SELECT} WHERE {where} ORDER BY e.seq", parameters)
    return [resources.course_enrollment(row) for row in rows]


def get_course_enrollment(call: Call) -> Reply:
    found = _course_enrollments(call.store, "e.id = ?", [str(call.path["id"]).lower()])
    if not found:
        raise not_found("Enrollment")
    return Reply(200, found[0])


def get_user_course_enrollment(call: Call) -> Reply:
    row = _active_enrollment(call.store, call.path["userId"], call.path["courseId"])
    return Reply(200, _single_filters(call, resources.course_enrollment(row), "dateEdited"))


def get_my_course_enrollment(call: Call) -> Reply:
    row = _active_enrollment(call.store, _me(call), call.path["courseId"])
    return Reply(200, _single_filters(call, resources.course_enrollment(row), "dateEdited"))


def list_user_course_enrollments(call: Call) -> Reply:
    user_id = call.path["userId"]
    return _course_enrollment_page(call, "e.user_id = ?", [user_id], lambda: _user(call.store, user_id))


def list_my_course_enrollments(call: Call) -> Reply:
    return _course_enrollment_page(call, "e.user_id = ?", [_me(call)])


def list_course_enrollments(call: Call) -> Reply:
    course_id = call.path["courseId"]
    return _course_enrollment_page(call, "e.course_id = ?", [course_id], lambda: _course(call.store, course_id))


def list_bulk_course_enrollments(call: Call) -> Reply:
    clauses, parameters = ["e.is_active = 1"], []
    for name, column in (("userIds", "e.user_id"), ("courseIds", "e.course_id")):
        values = [str(value).lower() for value in call.query.get(name, [])]
        if values:
            clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
            parameters.extend(values)
    return Reply(200, _course_enrollments(call.store, " AND ".join(clauses), parameters))


# --- activity enrollments ---------------------------------------------------------------------------


def _activities(store: Store, where: str, parameters: list[Any]) -> list[dict[str, Any]]:
    # By enrollment, then as made: chapters and lessons of one enrollment are made together, in course order.
    return store.rows(f"{_ACTIVITY_SELECT} WHERE {where} ORDER BY e.seq, a.rowid", parameters)


def _user_activities(
    call: Call, kind: str, extra: str = "", extra_parameters: list[Any] | None = None
) -> list[dict[str, Any]]:
    enrollment = _active_enrollment(call.store, call.path["userId"], call.path["courseId"])
    _ensure_activities(call.store, "e.id = ?", [enrollment["id"]])
    return _activities(
        call.store, f"a.enrollment_id = ? AND a.kind = ?{extra}", [enrollment["id"], kind, *(extra_parameters or [])]
    )


def _chapter_json(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    lessons = store.rows(
        "SELECT id FROM absorb_activity_enrollments WHERE enrollment_id = ? AND kind = 'lesson' AND chapter_id"
        " = ? ORDER BY rowid",
        [row["enrollment_id"], row["activity_id"]],
    )
    return resources.chapter_enrollment(row, [lesson["id"] for lesson in lessons])


def _one(items: list[dict[str, Any]], what: str) -> dict[str, Any]:
    if not items:
        raise not_found(what)
    return items[0]


def list_user_session_enrollments(call: Call) -> Reply:
    items = [resources.session_enrollment(row) for row in _user_activities(call, "session")]
    return Reply(200, _list_filters(call, items, "dateEdited"))


def get_user_session_enrollment(call: Call) -> Reply:
    rows = _user_activities(call, "session", " AND a.activity_id = ?", [call.path["sessionId"]])
    return Reply(
        200, _single_filters(call, resources.session_enrollment(_one(rows, "Session enrollment")), "dateEdited")
    )


def list_session_enrollments(call: Call) -> Reply:
    _course(call.store, call.path["courseId"])
    _require(
        call.store,
        "SELECT 1 FROM absorb_sessions WHERE id = ? AND course_id = ?",
        [call.path["sessionId"], call.path["courseId"]],
        "Session",
    )
    rows = _activities(
        call.store, "a.kind = 'session' AND a.activity_id = ? AND e.is_active = 1", [call.path["sessionId"]]
    )
    items = [resources.session_enrollment(row) for row in rows]
    return _page(call, items, resources.SESSION_ENROLLMENT_FIELDS, "enrollments", "dateEdited")


def list_user_chapter_enrollments(call: Call) -> Reply:
    items = [_chapter_json(call.store, row) for row in _user_activities(call, "chapter")]
    return Reply(200, _list_filters(call, items, "dateStarted"))


def get_user_chapter_enrollment(call: Call) -> Reply:
    rows = _user_activities(call, "chapter", " AND a.activity_id = ?", [call.path["chapterId"]])
    return Reply(200, _single_filters(call, _chapter_json(call.store, _one(rows, "Chapter enrollment")), "dateStarted"))


def list_user_lesson_enrollments(call: Call) -> Reply:
    items = [resources.lesson_enrollment(row) for row in _user_activities(call, "lesson")]
    return Reply(200, _list_filters(call, items, "dateEdited"))


def list_user_chapter_lesson_enrollments(call: Call) -> Reply:
    rows = _user_activities(call, "lesson", " AND a.chapter_id = ?", [call.path["chapterId"]])
    _require(call.store, "SELECT 1 FROM absorb_chapters WHERE id = ?", [call.path["chapterId"]], "Chapter")
    return Reply(200, _list_filters(call, [resources.lesson_enrollment(row) for row in rows], "dateEdited"))


def get_user_lesson_enrollment(call: Call) -> Reply:
    rows = _user_activities(call, "lesson", " AND a.activity_id = ?", [call.path["lessonId"]])
    return Reply(200, _single_filters(call, resources.lesson_enrollment(_one(rows, "Lesson enrollment")), "dateEdited"))


def get_user_chapter_lesson_enrollment(call: Call) -> Reply:
    rows = _user_activities(
        call, "lesson", " AND a.activity_id = ? AND a.chapter_id = ?", [call.path["lessonId"], call.path["chapterId"]]
    )
    return Reply(200, _single_filters(call, resources.lesson_enrollment(_one(rows, "Lesson enrollment")), "dateEdited"))


def list_lesson_enrollments(call: Call) -> Reply:
    _course(call.store, call.path["courseId"])
    _require(
        call.store,
        "SELECT 1 FROM absorb_lessons WHERE id = ? AND course_id = ?",
        [call.path["lessonId"], call.path["courseId"]],
        "Lesson",
    )
    _ensure_activities(call.store, "e.course_id = ? AND e.is_active = 1", [call.path["courseId"]])
    rows = _activities(
        call.store, "a.kind = 'lesson' AND a.activity_id = ? AND e.is_active = 1", [call.path["lessonId"]]
    )
    items = [resources.lesson_enrollment(row) for row in rows]
    return _page(call, items, resources.LESSON_ENROLLMENT_FIELDS, "lessonEnrollments", "dateEdited")


# --- attempts ---------------------------------------------------------------------------------------


def _lesson_enrollment(call: Call) -> dict[str, Any]:
    return _one(
        _user_activities(call, "lesson", " AND a.activity_id = ?", [call.path["lessonId"]]), "Lesson enrollment"
    )


def list_user_lesson_attempts(call: Call) -> Reply:
    lesson = _lesson_enrollment(call)
    rows = call.store.rows(
        "SELECT * FROM absorb_attempts WHERE activity_enrollment_id = ? ORDER BY seq", [lesson["id"]]
    )
    return Reply(200, [resources.attempt(row) for row in rows])


def start_lesson_attempt(call: Call) -> Reply:
    lesson = _lesson_enrollment(call)
    attempt_id = str(uuid.uuid4())
    with call.store.transaction() as db:
        open_attempt(db, lesson["id"], lesson["enrollment_id"], attempt_id, dates.to_text(call.now))
    return Reply(200, {"attemptId": attempt_id, "courseId": call.path["courseId"], "userId": call.path["userId"]})


def open_attempt(
    db: sqlite3.Connection, lesson_enrollment_id: str, enrollment_id: str, attempt_id: str, now: str
) -> None:
    """A started, unfinished attempt at a lesson: the lesson (and its chapter and course) are in progress."""
    db.execute(
        "INSERT INTO absorb_attempts (id, activity_enrollment_id, status, start_date) VALUES (?, ?, 1, ?)",
        [attempt_id, lesson_enrollment_id, now],
    )
    db.execute(
        "UPDATE absorb_activity_enrollments SET attempts = attempts + 1, last_attempt = ?, date_edited = ?,"
        " date_started = COALESCE(date_started, ?), status = CASE WHEN status = 0 THEN 1 ELSE status END"
        " WHERE id = ?",
        [now, now, now, lesson_enrollment_id],
    )
    _roll_up(db, enrollment_id, now)


def finish_attempt(call: Call) -> Reply:
    return _finish(call, None)


def finish_user_lesson_attempt(call: Call) -> Reply:
    return _finish(call, _lesson_enrollment(call)["id"])


def _finish(call: Call, lesson_enrollment_id: str | None) -> Reply:
    attempt_id = str(call.path["attemptId"]).lower()
    body = call.body
    now = dates.to_text(call.now)
    with call.store.transaction() as db:
        attempt = db.execute("SELECT * FROM absorb_attempts WHERE id = ?", [attempt_id]).fetchone()
        if attempt is None or (
            lesson_enrollment_id is not None and attempt["activity_enrollment_id"] != lesson_enrollment_id
        ):
            raise not_found("Attempt")
        if attempt["completion_date"] is not None:
            raise ApiError(400, "The attempt is already finished.", "attemptId")
        started = dates.normalise(str(body["startDate"])) if body.get("startDate") else attempt["start_date"]
        finished = dates.normalise(str(body["completionDate"])) if body.get("completionDate") else now
        ticks = max(int((dates.parse(finished) - dates.parse(started)).total_seconds()), 0) * resources.TICKS_PER_SECOND
        status = int(body["status"])
        db.execute(
            "UPDATE absorb_attempts SET status = ?, score = ?, start_date = ?, completion_date = ?,"
            " time_spent_ticks = ? WHERE id = ?",
            [status, body.get("score"), started, finished, ticks, attempt_id],
        )
        lesson_status = ATTEMPT_TO_LESSON_STATUS[status]
        db.execute(
            "UPDATE absorb_activity_enrollments SET status = ?, score = COALESCE(?, score), failures = failures + ?,"
            " progress = CASE WHEN ? = 3 THEN 100 ELSE progress END, date_completed = CASE WHEN ? = 3 THEN ?"
            " ELSE date_completed END,"
            " time_spent_ticks = time_spent_ticks + ?, date_edited = ? WHERE id = ?",
            [
                lesson_status,
                body.get("score"),
                int(status == 5),
                lesson_status,
                lesson_status,
                finished,
                ticks,
                now,
                attempt["activity_enrollment_id"],
            ],
        )
        enrollment = db.execute(
            "SELECT enrollment_id FROM absorb_activity_enrollments WHERE id = ?", [attempt["activity_enrollment_id"]]
        ).fetchone()
        _roll_up(db, enrollment["enrollment_id"], now)
    return Reply(200, {"attemptId": attempt_id})


def _roll_up(db: sqlite3.Connection, enrollment_id: str, now: str) -> None:
    """Chapter and course progress follow their lessons: complete when every lesson is."""
    lessons = db.execute(
        "SELECT chapter_id, status, score, time_spent_ticks FROM absorb_activity_enrollments WHERE"
        " enrollment_id = ? AND kind = 'lesson'",
        [enrollment_id],
    ).fetchall()
    if not lessons:
        return
    for chapter in db.execute(
        "SELECT id, activity_id FROM absorb_activity_enrollments WHERE enrollment_id = ? AND kind = 'chapter'",
        [enrollment_id],
    ):
        own = [lesson for lesson in lessons if lesson["chapter_id"] == chapter["activity_id"]]
        _set_progress(db, "absorb_activity_enrollments", chapter["id"], own, now)
    _set_progress(db, "absorb_enrollments", enrollment_id, lessons, now)


def _set_progress(db: sqlite3.Connection, table: str, row_id: str, lessons: list[Any], now: str) -> None:
    if not lessons:
        return
    done = sum(1 for lesson in lessons if lesson["status"] == COMPLETE)
    started = any(lesson["status"] != NOT_STARTED for lesson in lessons)
    progress = round(100.0 * done / len(lessons), 2)
    scores = [lesson["score"] for lesson in lessons if lesson["score"] is not None]
    status = COMPLETE if done == len(lessons) else IN_PROGRESS if started else NOT_STARTED
    db.execute(
        f"UPDATE {table} SET progress = ?, status = ?, score = ?, time_spent_ticks = ?,"
        " date_started = CASE WHEN ? THEN COALESCE(date_started, ?) ELSE date_started END,"
        " date_completed = CASE WHEN ? THEN COALESCE(date_completed, ?) ELSE NULL END, date_edited = ? WHERE id = ?",
        [
            progress,
            status,
            round(sum(scores) / len(scores), 2) if scores else None,
            sum(lesson["time_spent_ticks"] for lesson in lessons),
            int(started),
            now,
            int(status == COMPLETE),
            now,
            now,
            row_id,
        ],
    )


def unversioned(handler: Callable[[Call], Reply]) -> Callable[[Call], Reply]:
    """``handler`` answering a call without ``x-api-version`` in the unversioned contract a production client
    reads: course enrollments carry ``name`` where v2 has ``courseName`` (specs/absorb.yaml, the header's
    erratum)."""

    def answer(call: Call) -> Reply:
        reply = handler(call)
        if call.headers.get("x-api-version") is not None or not isinstance(reply.body, (dict, list)):
            return reply
        stack: list[Any] = [reply.body]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if "courseName" in item:
                    item["name"] = item.pop("courseName")
                stack.extend(value for value in item.values() if isinstance(value, (dict, list)))
            elif isinstance(item, list):
                stack.extend(value for value in item if isinstance(value, (dict, list)))
        return reply

    return answer


_HANDLERS: dict[str, Callable[[Call], Reply]] = {
    "authenticate": authenticate,
    "listUserSessionEnrollments": list_user_session_enrollments,
    "getUserSessionEnrollment": get_user_session_enrollment,
    "createIlcEnrollment": create_ilc_enrollment,
    "listSessionEnrollments": list_session_enrollments,
    "listUserChapterEnrollments": list_user_chapter_enrollments,
    "getUserChapterEnrollment": get_user_chapter_enrollment,
    "listUserChapterLessonEnrollments": list_user_chapter_lesson_enrollments,
    "getUserChapterLessonEnrollment": get_user_chapter_lesson_enrollment,
    "createCourseEnrollment": create_course_enrollment,
    "getUserCourseEnrollment": get_user_course_enrollment,
    "createOrUpdateCourseEnrollment": create_or_update_course_enrollment,
    "listUserCourseEnrollments": list_user_course_enrollments,
    "unenrollCourseEnrollments": unenroll,
    "getCourseEnrollment": get_course_enrollment,
    "listCourseEnrollments": list_course_enrollments,
    "getUserCourseGradeEnrollment": get_user_course_enrollment,
    "listBulkCourseEnrollments": list_bulk_course_enrollments,
    "listLessonEnrollments": list_lesson_enrollments,
    "listUserLessonEnrollments": list_user_lesson_enrollments,
    "getUserLessonEnrollment": get_user_lesson_enrollment,
    "listUserLessonAttempts": list_user_lesson_attempts,
    "startLessonAttempt": start_lesson_attempt,
    "finishAttempt": finish_attempt,
    "finishUserLessonAttempt": finish_user_lesson_attempt,
    "getMyCourseEnrollment": get_my_course_enrollment,
    "createMyCourseEnrollment": create_my_course_enrollment,
    "listMyCourseEnrollments": list_my_course_enrollments,
}
HANDLERS = {operation_id: unversioned(handler) for operation_id, handler in _HANDLERS.items()}


def advance(store: Store, body: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Control API: a learner completes (or fails) a lesson as if they had taken it.

    ``{"enrollmentId": "…", "lessonId": "…", "status": 3, "score": 90, "minutes": 12}``; status is an
    attempt status (1, 3 or 5). Chapter and course progress follow.
    """
    stamp = dates.to_text(now)
    status = int(body.get("status", COMPLETE))
    if status not in ATTEMPT_TO_LESSON_STATUS:
        raise ValueError("status must be 1, 3 or 5")
    ticks = int(float(body.get("minutes", 0)) * 60) * resources.TICKS_PER_SECOND
    with store.transaction() as db:
        materialize_activities(db, "e.id = ?", [str(body["enrollmentId"]).lower()])
        lesson = db.execute(
            "SELECT id, enrollment_id FROM absorb_activity_enrollments WHERE enrollment_id = ? AND kind ="
            " 'lesson' AND activity_id = ?",
            [str(body["enrollmentId"]).lower(), str(body["lessonId"]).lower()],
        ).fetchone()
        if lesson is None:
            raise not_found("Lesson enrollment")
        lesson_status = ATTEMPT_TO_LESSON_STATUS[status]
        db.execute(
            "UPDATE absorb_activity_enrollments SET status = ?, score = COALESCE(?, score), time_spent_ticks ="
            " time_spent_ticks + ?,"
            " progress = CASE WHEN ? = 3 THEN 100 ELSE progress END, date_started = COALESCE(date_started, ?),"
            " date_completed = CASE WHEN ? = 3 THEN ? ELSE date_completed END, date_edited = ? WHERE id = ?",
            [lesson_status, body.get("score"), ticks, lesson_status, stamp, lesson_status, stamp, stamp, lesson["id"]],
        )
        _roll_up(db, lesson["enrollment_id"], stamp)
    found = store.rows(f"{_ENROLLMENT_SELECT} WHERE e.id = ?", [lesson["enrollment_id"]])
    return resources.course_enrollment(found[0])
