"""Lesson attempts: starting and finishing one moves the lesson, its chapter and the course on; the control API's
``advance`` does the same as if the learner had taken it."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.absorb import resources
from lmskit.fakes.absorb.activities import materialize_activities, one, user_activities
from lmskit.fakes.absorb.common import ATTEMPT_TO_LESSON_STATUS, COMPLETE, ENROLLMENT_SELECT, IN_PROGRESS, NOT_STARTED
from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

# --- attempts ---------------------------------------------------------------------------------------


def _lesson_enrollment(call: Call) -> dict[str, Any]:
    return one(user_activities(call, "lesson", " AND a.activity_id = ?", [call.path["lessonId"]]), "Lesson enrollment")


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
    roll_up(db, enrollment_id, now)


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
        roll_up(db, enrollment["enrollment_id"], now)
    return Reply(200, {"attemptId": attempt_id})


def roll_up(db: sqlite3.Connection, enrollment_id: str, now: str) -> None:
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
        roll_up(db, lesson["enrollment_id"], stamp)
    found = store.rows(f"{ENROLLMENT_SELECT} WHERE e.id = ?", [lesson["enrollment_id"]])
    return resources.course_enrollment(found[0])
