"""Enrollments in a course's parts: sessions (instructor-led), chapters and lessons, made on first read."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from lmskit.fakes.absorb import resources
from lmskit.fakes.absorb.common import (
    ACTIVITY_SELECT,
    active_enrollment,
    course_row,
    list_filters,
    reply_page,
    require,
    single_filters,
)
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

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


def ensure_activities(store: Store, scope: str, parameters: list[Any]) -> None:
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


# --- activity enrollments ---------------------------------------------------------------------------


def activities(store: Store, where: str, parameters: list[Any]) -> list[dict[str, Any]]:
    # By enrollment, then as made: chapters and lessons of one enrollment are made together, in course order.
    return store.rows(f"{ACTIVITY_SELECT} WHERE {where} ORDER BY e.seq, a.rowid", parameters)


def user_activities(
    call: Call, kind: str, extra: str = "", extra_parameters: list[Any] | None = None
) -> list[dict[str, Any]]:
    enrollment = active_enrollment(call.store, call.path["userId"], call.path["courseId"])
    ensure_activities(call.store, "e.id = ?", [enrollment["id"]])
    return activities(
        call.store, f"a.enrollment_id = ? AND a.kind = ?{extra}", [enrollment["id"], kind, *(extra_parameters or [])]
    )


def _chapter_json(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    lessons = store.rows(
        "SELECT id FROM absorb_activity_enrollments WHERE enrollment_id = ? AND kind = 'lesson' AND chapter_id"
        " = ? ORDER BY rowid",
        [row["enrollment_id"], row["activity_id"]],
    )
    return resources.chapter_enrollment(row, [lesson["id"] for lesson in lessons])


def one(items: list[dict[str, Any]], what: str) -> dict[str, Any]:
    if not items:
        raise not_found(what)
    return items[0]


def list_user_session_enrollments(call: Call) -> Reply:
    items = [resources.session_enrollment(row) for row in user_activities(call, "session")]
    return Reply(200, list_filters(call, items, "dateEdited"))


def get_user_session_enrollment(call: Call) -> Reply:
    rows = user_activities(call, "session", " AND a.activity_id = ?", [call.path["sessionId"]])
    return Reply(200, single_filters(call, resources.session_enrollment(one(rows, "Session enrollment")), "dateEdited"))


def list_session_enrollments(call: Call) -> Reply:
    rows = _course_activity_rows(call, "session", "sessionId", "Session", materialize=False)
    items = [resources.session_enrollment(row) for row in rows]
    return reply_page(call, items, resources.SESSION_ENROLLMENT_FIELDS, "enrollments", "dateEdited")


def _course_activity_rows(
    call: Call, kind: str, parameter: str, what: str, *, materialize: bool
) -> list[dict[str, Any]]:
    """Every active learner's enrollment in one session or lesson of the course (404 for an unknown course, or a
    session or lesson not in it)."""
    course_row(call.store, call.path["courseId"])
    activity_id = call.path[parameter]
    require(
        call.store,
        f"SELECT 1 FROM absorb_{kind}s WHERE id = ? AND course_id = ?",
        [activity_id, call.path["courseId"]],
        what,
    )
    if materialize:
        ensure_activities(call.store, "e.course_id = ? AND e.is_active = 1", [call.path["courseId"]])
    return activities(call.store, f"a.kind = '{kind}' AND a.activity_id = ? AND e.is_active = 1", [activity_id])


def list_user_chapter_enrollments(call: Call) -> Reply:
    items = [_chapter_json(call.store, row) for row in user_activities(call, "chapter")]
    return Reply(200, list_filters(call, items, "dateStarted"))


def get_user_chapter_enrollment(call: Call) -> Reply:
    rows = user_activities(call, "chapter", " AND a.activity_id = ?", [call.path["chapterId"]])
    return Reply(200, single_filters(call, _chapter_json(call.store, one(rows, "Chapter enrollment")), "dateStarted"))


def list_user_lesson_enrollments(call: Call) -> Reply:
    items = [resources.lesson_enrollment(row) for row in user_activities(call, "lesson")]
    return Reply(200, list_filters(call, items, "dateEdited"))


def list_user_chapter_lesson_enrollments(call: Call) -> Reply:
    rows = user_activities(call, "lesson", " AND a.chapter_id = ?", [call.path["chapterId"]])
    require(call.store, "SELECT 1 FROM absorb_chapters WHERE id = ?", [call.path["chapterId"]], "Chapter")
    return Reply(200, list_filters(call, [resources.lesson_enrollment(row) for row in rows], "dateEdited"))


def get_user_lesson_enrollment(call: Call) -> Reply:
    rows = user_activities(call, "lesson", " AND a.activity_id = ?", [call.path["lessonId"]])
    return Reply(200, single_filters(call, resources.lesson_enrollment(one(rows, "Lesson enrollment")), "dateEdited"))


def get_user_chapter_lesson_enrollment(call: Call) -> Reply:
    rows = user_activities(
        call, "lesson", " AND a.activity_id = ? AND a.chapter_id = ?", [call.path["lessonId"], call.path["chapterId"]]
    )
    return Reply(200, single_filters(call, resources.lesson_enrollment(one(rows, "Lesson enrollment")), "dateEdited"))


def list_lesson_enrollments(call: Call) -> Reply:
    rows = _course_activity_rows(call, "lesson", "lessonId", "Lesson", materialize=True)
    items = [resources.lesson_enrollment(row) for row in rows]
    return reply_page(call, items, resources.LESSON_ENROLLMENT_FIELDS, "lessonEnrollments", "dateEdited")
