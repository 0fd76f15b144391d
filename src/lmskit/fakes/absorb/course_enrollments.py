"""Course enrollments: creating (re-enrollment keeps the history), create-or-update of the settable fields,
un-enroll, and the reads: by id, per user, per course, mine, and the bulk list."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.absorb import resources
from lmskit.fakes.absorb.activities import insert_activity
from lmskit.fakes.absorb.common import (
    COMPLETE,
    ENROLLMENT_SELECT,
    LIST_SHAPING,
    SETTABLE,
    active_enrollment,
    course_row,
    me,
    reply_page,
    require,
    single_filters,
    user_row,
)
from lmskit.fakes.errors import ApiError
from lmskit.fakes.ids import ordered_uuid4
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

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


def create_course_enrollment(call: Call) -> Reply:
    user_id, course_id = call.path["userId"], call.path["courseId"]
    with call.store.transaction() as db:
        enrollment_id = create_enrollment(
            db, user_id, course_id, dates.to_text(call.now), re_enroll=bool(call.query.get("reEnroll"))
        )
    return Reply(200, {"enrollmentId": enrollment_id, "courseId": course_id, "userId": user_id})


def create_my_course_enrollment(call: Call) -> Reply:
    user_id, course_id = me(call), call.path["courseId"]
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
        course = course_row(db, course_id)
        if course["kind"] != "ilc":
            raise ApiError(400, "The course is not an instructor-led course.", "courseId")
        require(db, "SELECT 1 FROM absorb_sessions WHERE id = ? AND course_id = ?", [session_id, course_id], "Session")
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


def course_enrollment_page(
    call: Call, where: str, parameters: list[Any], owner: Callable[[], object] | None = None
) -> Reply:
    """A page of course enrollments: straight from SQL (LIMIT/OFFSET and a COUNT) when nothing filters or sorts
    it, so the hundredth page of a large course costs what the first does; otherwise through ``page``.

    ``owner`` checks that the course or user the list belongs to exists (404 otherwise): asked only when no
    enrollment matched, since a matching enrollment proves it.
    """
    if LIST_SHAPING & set(call.query):
        items = course_enrollments(call.store, where, parameters)
        if not items and owner is not None:
            owner()
        return reply_page(call, items, resources.COURSE_ENROLLMENT_FIELDS, "enrollments", "dateEdited")
    limit = int(call.query.get("_limit", 20))
    offset = int(call.query.get("_offset", 0))
    total = call.store.row(f"SELECT COUNT(*) AS n FROM absorb_enrollments e WHERE {where}", parameters)
    if owner is not None and not (total and total["n"]):
        owner()
    rows = call.store.rows(
        f"{ENROLLMENT_SELECT} WHERE {where} ORDER BY e.seq LIMIT ? OFFSET ?", [*parameters, limit, offset * limit]
    )
    page = [resources.course_enrollment(row) for row in rows]
    count = total["n"] if total else 0
    return Reply(
        200, {"totalItems": count, "returnedItems": len(page), "limit": limit, "offset": offset, "enrollments": page}
    )


def course_enrollments(store: Store, where: str, parameters: list[Any]) -> list[dict[str, Any]]:
    rows = store.rows(f"{ENROLLMENT_SELECT} WHERE {where} ORDER BY e.seq", parameters)
    return [resources.course_enrollment(row) for row in rows]


def get_course_enrollment(call: Call) -> Reply:
    found = course_enrollments(call.store, "e.id = ?", [str(call.path["id"]).lower()])
    if not found:
        raise not_found("Enrollment")
    return Reply(200, found[0])


def get_user_course_enrollment(call: Call) -> Reply:
    row = active_enrollment(call.store, call.path["userId"], call.path["courseId"])
    return Reply(200, single_filters(call, resources.course_enrollment(row), "dateEdited"))


def get_my_course_enrollment(call: Call) -> Reply:
    row = active_enrollment(call.store, me(call), call.path["courseId"])
    return Reply(200, single_filters(call, resources.course_enrollment(row), "dateEdited"))


def list_user_course_enrollments(call: Call) -> Reply:
    user_id = call.path["userId"]
    return course_enrollment_page(call, "e.user_id = ?", [user_id], lambda: user_row(call.store, user_id))


def list_my_course_enrollments(call: Call) -> Reply:
    return course_enrollment_page(call, "e.user_id = ?", [me(call)])


def list_course_enrollments(call: Call) -> Reply:
    course_id = call.path["courseId"]
    return course_enrollment_page(call, "e.course_id = ?", [course_id], lambda: course_row(call.store, course_id))


def list_bulk_course_enrollments(call: Call) -> Reply:
    clauses, parameters = ["e.is_active = 1"], []
    for name, column in (("userIds", "e.user_id"), ("courseIds", "e.course_id")):
        values = [str(value).lower() for value in call.query.get(name, [])]
        if values:
            clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
            parameters.extend(values)
    return Reply(200, course_enrollments(call.store, " AND ".join(clauses), parameters))
