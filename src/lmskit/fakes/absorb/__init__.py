"""The Absorb Integration API v2 enrollments fake."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.absorb.attempts import advance
from lmskit.fakes.absorb.routes import HANDLERS
from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import VendorFake

_TERMS = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    422: "UnprocessableEntity",
    429: "TooManyRequests",
}


def verify(scheme: str, credential: Any, store: Store, now: datetime) -> Any:
    if scheme == "apiKey":
        found = store.row("SELECT value FROM absorb_settings WHERE key = 'api_key'")
        return True if found and found["value"] == credential else None
    if scheme == "bearerToken":
        token = store.row("SELECT user_id, expires_at, revoked FROM absorb_tokens WHERE token = ?", [credential])
        if token is None or token["revoked"] or dates.parse(token["expires_at"]) <= now:
            return None
        return token["user_id"]
    return None


def render_error(error: ApiError) -> dict[str, Any]:
    validations = [error.message] if error.field_name else []
    message = error.message
    if error.status == 422 and error.field_name:
        message = f"Invalid format provided for {error.field_name}"
    return {
        "validations": validations,
        "code": error.status,
        "message": message,
        "term": _TERMS.get(error.status, "Error"),
        "_meta": {},
    }


def load_seed(store: Store, seed: dict[str, Any]) -> None:
    credentials = seed.get("credentials", {})
    with store.transaction() as db:
        db.execute("INSERT INTO absorb_settings (key, value) VALUES ('api_key', ?)", [str(credentials["api_key"])])
        # A disabled portal answers /authenticate with 403, as Absorb documents.
        disabled = "1" if seed.get("portal_disabled") else "0"
        db.execute("INSERT INTO absorb_settings (key, value) VALUES ('portal_disabled', ?)", [disabled])
        for user in seed.get("users", []):
            db.execute(
                "INSERT INTO absorb_users (id, full_name, job_title, avatar) VALUES (?, ?, ?, ?)",
                [user["id"].lower(), user["full_name"], user.get("job_title"), user.get("avatar")],
            )
        for admin in credentials.get("admins", []):
            db.execute(
                "INSERT INTO absorb_admins (username, password, user_id) VALUES (?, ?, ?)",
                [admin["username"], admin["password"], admin["user"].lower()],
            )
        for course in seed.get("courses", []):
            db.execute(
                "INSERT INTO absorb_courses (id, name, kind, version_id) VALUES (?, ?, ?, ?)",
                [course["id"].lower(), course["name"], course.get("kind", "online"), course.get("version_id")],
            )
            for c_index, chapter in enumerate(course.get("chapters", [])):
                db.execute(
                    "INSERT INTO absorb_chapters (id, course_id, name, position) VALUES (?, ?, ?, ?)",
                    [chapter["id"].lower(), course["id"].lower(), chapter["name"], c_index],
                )
                for l_index, lesson in enumerate(chapter.get("lessons", [])):
                    db.execute(
                        "INSERT INTO absorb_lessons (id, course_id, chapter_id, name, kind, position) VALUES"
                        " (?, ?, ?, ?, ?, ?)",
                        [
                            lesson["id"].lower(),
                            course["id"].lower(),
                            chapter["id"].lower(),
                            lesson["name"],
                            lesson.get("kind", "ObjectLesson"),
                            l_index,
                        ],
                    )
            for session in course.get("sessions", []):
                db.execute(
                    "INSERT INTO absorb_sessions (id, course_id, name) VALUES (?, ?, ?)",
                    [session["id"].lower(), course["id"].lower(), session["name"]],
                )
    from lmskit.fakes.absorb.activities import insert_activity, materialize_activities
    from lmskit.fakes.absorb.attempts import open_attempt
    from lmskit.fakes.absorb.course_enrollments import create_enrollment

    with store.transaction() as db:
        for item in seed.get("enrollments", []):
            added = dates.normalise(item.get("date_added", "2024-01-01T00:00:00Z"))
            wanted = str(item["id"]).lower() if item.get("id") else None
            enrollment_id = create_enrollment(
                db, item["user"].lower(), item["course"].lower(), added, re_enroll=False, enrollment_id=wanted
            )
            state = {key: item[key] for key in ("status", "score", "progress") if key in item}
            if "date_completed" in item:
                state["date_completed"] = dates.normalise(item["date_completed"])
            if state:
                # Column names are the seed's keys, from the control schema's closed list: never user text.
                assignments = ", ".join(f"{column} = ?" for column in state)
                db.execute(
                    f"UPDATE absorb_enrollments SET {assignments} WHERE id = ?", [*state.values(), enrollment_id]
                )
            if item.get("session"):
                # An ILC enrollment in one of the course's sessions, as createIlcEnrollment makes it.
                insert_activity(db, "session", enrollment_id, item["session"].lower(), None, added)
            if item.get("attempts"):
                materialize_activities(db, "e.id = ?", [enrollment_id])
            for attempt in item.get("attempts", []):
                lesson = db.execute(
                    "SELECT id FROM absorb_activity_enrollments WHERE enrollment_id = ? AND kind = 'lesson' AND"
                    " activity_id = ?",
                    [enrollment_id, attempt["lesson"].lower()],
                ).fetchone()
                if lesson is None:
                    raise ValueError(f"attempt {attempt['id']}: lesson {attempt['lesson']} is not in the course")
                started = dates.normalise(attempt.get("started", added))
                open_attempt(db, lesson["id"], enrollment_id, attempt["id"].lower(), started)


def records(seed: dict[str, Any]) -> list[dict[str, Any]]:
    """The seed's learners, courses, sessions and lessons, named as the spec's parameters name them."""
    found: list[dict[str, Any]] = [{"userId": user["id"].lower()} for user in seed.get("users", [])]
    for course in seed.get("courses", []):
        course_id = course["id"].lower()
        found.append({"courseId": course_id})
        found += [{"courseId": course_id, "sessionId": session["id"].lower()} for session in course.get("sessions", [])]
        for chapter in course.get("chapters", []):
            found += [
                {"courseId": course_id, "chapterId": chapter["id"].lower(), "lessonId": lesson["id"].lower()}
                for lesson in chapter.get("lessons", [])
            ]
    return found


def credentials(seed: dict[str, Any]) -> dict[str, str]:
    found = seed.get("credentials", {})
    values = {"API_KEY": str(found.get("api_key", ""))}
    if found.get("admins"):
        values["USERNAME"], values["PASSWORD"] = (
            str(found["admins"][0]["username"]),
            str(found["admins"][0]["password"]),
        )
    return values


FAKE = VendorFake(
    name="absorb",
    folder=Path(__file__).parent,
    handlers=HANDLERS,
    verify=verify,
    render_error=render_error,
    # Absorb answers a value of the wrong format, pattern or type with 422 "Invalid format provided for …", and a
    # request that is otherwise incomplete (no ids to un-enroll, a missing field) with 400.
    validation_statuses={
        "path": (422, 400),
        "query.format": (422, 400),
        "query.pattern": (422, 400),
        "query.type": (422, 400),
        # `_limit` over 1000: 422 ErrorGeneric live (a production client's logs, quoted in the Dasboard commit
        # history), not 400.
        "query.maximum": (422, 400),
        "query": (400, 422),
        "header": (400, 422),
        "body.format": (422, 400),
        "body.pattern": (422, 400),
        "body.type": (422, 400),
        "body": (400, 422),
    },
    load_seed=load_seed,
    credentials=credentials,
    advance=advance,
    credential_tables=("absorb_settings", "absorb_tokens"),
    records=records,
)
