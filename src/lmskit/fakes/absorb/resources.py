"""Stored Absorb rows → the documented JSON resources (absent values omitted, never null)."""

from __future__ import annotations

from typing import Any

COURSE_ENROLLMENT_FIELDS = (
    "id", "courseId", "courseName", "progress", "score", "status", "dateCompleted", "dateExpires", "dateEdited",
    "dateAdded", "fullName", "courseVersionId", "userId", "acceptedTermsAndConditions", "timeSpentTicks", "timeSpent",
    "dateStarted", "enrollmentKeyId", "certificateId", "credits", "isActive", "dateDue", "accessDate", "jobTitle",
    "courseCollectionId", "avatar",
)  # fmt: skip
SESSION_ENROLLMENT_FIELDS = (
    "id", "sessionId", "courseEnrollmentId", "name", "userId", "fullName", "status", "progress", "score",
    "timeSpent", "dateEnrolled", "dateStarted", "dateCompleted", "dateEdited",
)  # fmt: skip
LESSON_ENROLLMENT_FIELDS = (
    "id", "chapterEnrollmentId", "type", "attempts", "failures", "lastAttempt", "courseEnrollmentId", "chapterId",
    "lessonId", "name", "userId", "fullName", "status", "progress", "score", "timeSpent", "dateEnrolled",
    "dateStarted", "dateCompleted", "dateEdited", "dateAdded",
)  # fmt: skip

TICKS_PER_SECOND = 10_000_000


def duration(ticks: int) -> str:
    """.NET ticks → ISO 8601: ``54_000_000_000`` → ``PT1H30M``; 0 → ``PT0S``."""
    seconds = int(ticks) // TICKS_PER_SECOND
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "".join(f"{value}{unit}" for value, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if value)
    return f"PT{text or '0S'}"


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def course_enrollment(row: dict[str, Any]) -> dict[str, Any]:
    return _clean(
        {
            "id": row["id"],
            "courseId": row["course_id"],
            "courseName": row["course_name"],
            "progress": row["progress"],
            "score": row["score"],
            "status": row["status"],
            "dateCompleted": row["date_completed"],
            "dateExpires": row["date_expires"],
            "dateEdited": row["date_edited"],
            "dateAdded": row["date_added"],
            "fullName": row["full_name"],
            "courseVersionId": row["course_version_id"],
            "userId": row["user_id"],
            "acceptedTermsAndConditions": bool(row["accepted_terms"]),
            "timeSpentTicks": row["time_spent_ticks"],
            "timeSpent": duration(row["time_spent_ticks"]),
            "dateStarted": row["date_started"],
            "enrollmentKeyId": row["enrollment_key_id"],
            "certificateId": row["certificate_id"],
            "credits": row["credits"],
            "isActive": bool(row["is_active"]),
            "dateDue": row["date_due"],
            "accessDate": row["access_date"],
            "jobTitle": row["job_title"],
            "avatar": row["avatar"],
        }
    )


def session_enrollment(row: dict[str, Any]) -> dict[str, Any]:
    return _clean(
        {
            "id": row["id"],
            "sessionId": row["activity_id"],
            "courseEnrollmentId": row["enrollment_id"],
            "name": row["activity_name"],
            "userId": row["user_id"],
            "fullName": row["full_name"],
            "status": row["status"],
            "progress": row["progress"],
            "score": row["score"],
            "timeSpent": duration(row["time_spent_ticks"]),
            "dateEnrolled": row["date_enrolled"],
            "dateStarted": row["date_started"],
            "dateCompleted": row["date_completed"],
            "dateEdited": row["date_edited"],
        }
    )


def chapter_enrollment(row: dict[str, Any], lesson_enrollment_ids: list[str]) -> dict[str, Any]:
    return _clean(
        {
            "id": row["id"],
            "courseEnrollmentId": row["enrollment_id"],
            "chapterId": row["activity_id"],
            "name": row["activity_name"],
            "userId": row["user_id"],
            "fullName": row["full_name"],
            "status": row["status"],
            "progress": row["progress"],
            "score": row["score"],
            "timeSpent": duration(row["time_spent_ticks"]),
            "dateEnrolled": row["date_enrolled"],
            "dateStarted": row["date_started"],
            "dateCompleted": row["date_completed"],
            "lessonEnrollmentIds": lesson_enrollment_ids,
        }
    )


def lesson_enrollment(row: dict[str, Any]) -> dict[str, Any]:
    return _clean(
        {
            "id": row["id"],
            "chapterEnrollmentId": row["chapter_enrollment_id"],
            "type": row["activity_kind"],
            "attempts": row["attempts"],
            "failures": row["failures"],
            "lastAttempt": row["last_attempt"],
            "courseEnrollmentId": row["enrollment_id"],
            "chapterId": row["chapter_id"],
            "lessonId": row["activity_id"],
            "name": row["activity_name"],
            "userId": row["user_id"],
            "fullName": row["full_name"],
            "status": row["status"],
            "progress": row["progress"],
            "score": row["score"],
            "timeSpent": duration(row["time_spent_ticks"]),
            "dateEnrolled": row["date_enrolled"],
            "dateStarted": row["date_started"],
            "dateCompleted": row["date_completed"],
            "dateEdited": row["date_edited"],
            "dateAdded": row["date_enrolled"],
        }
    )


def attempt(row: dict[str, Any]) -> dict[str, Any]:
    return _clean(
        {
            "id": row["id"],
            "timeSpentTicks": row["time_spent_ticks"],
            "status": row["status"],
            "score": row["score"],
            "startDate": row["start_date"],
            "completionDate": row["completion_date"],
        }
    )
