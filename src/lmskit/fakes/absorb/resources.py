"""Stored Absorb rows → the documented JSON resources, serialised the way Absorb's .NET API does: every
property present (null when unset), date-times without a UTC offset, time spent as a TimeSpan."""

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


def timespan(ticks: int) -> str:
    """.NET ticks → a TimeSpan as .NET writes it.

    ``0`` → ``00:00:00``; one day, 13:02:39.9878697 → ``1.13:02:39.9878697``.
    """
    seconds, fraction = divmod(int(ticks), TICKS_PER_SECOND)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if days:
        text = f"{days}.{text}"
    return f"{text}.{fraction:07d}" if fraction else text


def dotnet_date(stamp: str | None) -> str | None:
    """The fake stores RFC 3339 UTC text; Absorb writes an unspecified-kind DateTime.

    ``2024-01-08T09:00:00Z`` → ``2024-01-08T09:00:00``.
    """
    return stamp.removesuffix("Z") if stamp else None


def course_enrollment(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "courseId": row["course_id"],
        "courseName": row["course_name"],
        "progress": row["progress"],
        "score": row["score"],
        "status": row["status"],
        "dateCompleted": dotnet_date(row["date_completed"]),
        "dateExpires": dotnet_date(row["date_expires"]),
        "dateEdited": dotnet_date(row["date_edited"]),
        "dateAdded": dotnet_date(row["date_added"]),
        "fullName": row["full_name"],
        "courseVersionId": row["course_version_id"],
        "userId": row["user_id"],
        "acceptedTermsAndConditions": bool(row["accepted_terms"]),
        "timeSpentTicks": row["time_spent_ticks"],
        "timeSpent": timespan(row["time_spent_ticks"]),
        "dateStarted": dotnet_date(row["date_started"]),
        "enrollmentKeyId": row["enrollment_key_id"],
        "certificateId": row["certificate_id"],
        "credits": row["credits"],
        "isActive": bool(row["is_active"]),
        "dateDue": dotnet_date(row["date_due"]),
        "accessDate": dotnet_date(row["access_date"]),
        "jobTitle": row["job_title"],
        "courseCollectionId": None,
        "avatar": row["avatar"],
    }


def _activity(row: dict[str, Any]) -> dict[str, Any]:
    """The fields session, chapter and lesson enrollments share."""
    return {
        "userId": row["user_id"],
        "fullName": row["full_name"],
        "status": row["status"],
        "progress": row["progress"],
        "score": row["score"],
        "timeSpent": timespan(row["time_spent_ticks"]),
        "dateEnrolled": dotnet_date(row["date_enrolled"]),
        "dateStarted": dotnet_date(row["date_started"]),
        "dateCompleted": dotnet_date(row["date_completed"]),
    }


def session_enrollment(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "sessionId": row["activity_id"],
        "courseEnrollmentId": row["enrollment_id"],
        "name": row["activity_name"],
        **_activity(row),
        "dateEdited": dotnet_date(row["date_edited"]),
    }


def chapter_enrollment(row: dict[str, Any], lesson_enrollment_ids: list[str]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "courseEnrollmentId": row["enrollment_id"],
        "chapterId": row["activity_id"],
        "sessionId": None,
        "lessonId": None,
        "name": row["activity_name"],
        **_activity(row),
        "lessonEnrollmentIds": lesson_enrollment_ids,
    }


def lesson_enrollment(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "chapterEnrollmentId": row["chapter_enrollment_id"],
        "type": row["activity_kind"],
        "attempts": row["attempts"],
        "failures": row["failures"],
        "lastAttempt": dotnet_date(row["last_attempt"]),
        "courseEnrollmentId": row["enrollment_id"],
        "chapterId": row["chapter_id"],
        "lessonId": row["activity_id"],
        "name": row["activity_name"],
        **_activity(row),
        "dateEdited": dotnet_date(row["date_edited"]),
        "dateAdded": dotnet_date(row["date_enrolled"]),
    }


def attempt(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "timeSpentTicks": row["time_spent_ticks"],
        "status": row["status"],
        "score": row["score"],
        "startDate": dotnet_date(row["start_date"]),
        "completionDate": dotnet_date(row["completion_date"]),
    }
