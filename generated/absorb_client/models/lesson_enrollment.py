from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_status import EnrollmentStatus
from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="LessonEnrollment")


@_attrs_define
class LessonEnrollment:
    """LessonEnrollmentResource. Unset values are null.

    Attributes:
        id (UUID | Unset): Enrollment identifier.
        chapter_enrollment_id (UUID | Unset): The related chapter enrollment.
        type_ (str | Unset): The type of activity enrollment.
        attempts (int | Unset): Number of attempts.
        failures (int | Unset): Number of failures.
        last_attempt (datetime.datetime | None | Unset): Date of the last attempt.
        course_enrollment_id (UUID | Unset): The related course enrollment.
        chapter_id (UUID | Unset): The related chapter.
        lesson_id (UUID | Unset): The related lesson.
        name (str | Unset): Name of the lesson enrollment.
        user_id (UUID | Unset): The related user.
        full_name (str | Unset): Full name of the related user.
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3 Complete, 4 NotComplete, 5
            Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor, 12 ReadyForReview.
        progress (float | Unset): Progress of this enrollment.
        score (float | None | Unset): Score of this enrollment.
        time_spent (str | Unset): A .NET TimeSpan, `[d.]hh:mm:ss[.fffffff]`: `00:30:00`, `1.13:02:39.9878697`
            (documented as string <duration>).
        date_enrolled (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
        date_started (datetime.datetime | None | Unset): Date the user started.
        date_completed (datetime.datetime | None | Unset): Date the user completed.
        date_edited (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
        date_added (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
    """

    id: UUID | Unset = UNSET
    chapter_enrollment_id: UUID | Unset = UNSET
    type_: str | Unset = UNSET
    attempts: int | Unset = UNSET
    failures: int | Unset = UNSET
    last_attempt: datetime.datetime | None | Unset = UNSET
    course_enrollment_id: UUID | Unset = UNSET
    chapter_id: UUID | Unset = UNSET
    lesson_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    user_id: UUID | Unset = UNSET
    full_name: str | Unset = UNSET
    status: EnrollmentStatus | Unset = UNSET
    progress: float | Unset = UNSET
    score: float | None | Unset = UNSET
    time_spent: str | Unset = UNSET
    date_enrolled: datetime.datetime | Unset = UNSET
    date_started: datetime.datetime | None | Unset = UNSET
    date_completed: datetime.datetime | None | Unset = UNSET
    date_edited: datetime.datetime | Unset = UNSET
    date_added: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        chapter_enrollment_id: str | Unset = UNSET
        if not isinstance(self.chapter_enrollment_id, Unset):
            chapter_enrollment_id = str(self.chapter_enrollment_id)

        type_ = self.type_

        attempts = self.attempts

        failures = self.failures

        last_attempt: None | str | Unset
        if isinstance(self.last_attempt, Unset):
            last_attempt = UNSET
        elif isinstance(self.last_attempt, datetime.datetime):
            last_attempt = self.last_attempt.isoformat()
        else:
            last_attempt = self.last_attempt

        course_enrollment_id: str | Unset = UNSET
        if not isinstance(self.course_enrollment_id, Unset):
            course_enrollment_id = str(self.course_enrollment_id)

        chapter_id: str | Unset = UNSET
        if not isinstance(self.chapter_id, Unset):
            chapter_id = str(self.chapter_id)

        lesson_id: str | Unset = UNSET
        if not isinstance(self.lesson_id, Unset):
            lesson_id = str(self.lesson_id)

        name = self.name

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        full_name = self.full_name

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        progress = self.progress

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        time_spent = self.time_spent

        date_enrolled: str | Unset = UNSET
        if not isinstance(self.date_enrolled, Unset):
            date_enrolled = self.date_enrolled.isoformat()

        date_started: None | str | Unset
        if isinstance(self.date_started, Unset):
            date_started = UNSET
        elif isinstance(self.date_started, datetime.datetime):
            date_started = self.date_started.isoformat()
        else:
            date_started = self.date_started

        date_completed: None | str | Unset
        if isinstance(self.date_completed, Unset):
            date_completed = UNSET
        elif isinstance(self.date_completed, datetime.datetime):
            date_completed = self.date_completed.isoformat()
        else:
            date_completed = self.date_completed

        date_edited: str | Unset = UNSET
        if not isinstance(self.date_edited, Unset):
            date_edited = self.date_edited.isoformat()

        date_added: str | Unset = UNSET
        if not isinstance(self.date_added, Unset):
            date_added = self.date_added.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if chapter_enrollment_id is not UNSET:
            field_dict["chapterEnrollmentId"] = chapter_enrollment_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if failures is not UNSET:
            field_dict["failures"] = failures
        if last_attempt is not UNSET:
            field_dict["lastAttempt"] = last_attempt
        if course_enrollment_id is not UNSET:
            field_dict["courseEnrollmentId"] = course_enrollment_id
        if chapter_id is not UNSET:
            field_dict["chapterId"] = chapter_id
        if lesson_id is not UNSET:
            field_dict["lessonId"] = lesson_id
        if name is not UNSET:
            field_dict["name"] = name
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if score is not UNSET:
            field_dict["score"] = score
        if time_spent is not UNSET:
            field_dict["timeSpent"] = time_spent
        if date_enrolled is not UNSET:
            field_dict["dateEnrolled"] = date_enrolled
        if date_started is not UNSET:
            field_dict["dateStarted"] = date_started
        if date_completed is not UNSET:
            field_dict["dateCompleted"] = date_completed
        if date_edited is not UNSET:
            field_dict["dateEdited"] = date_edited
        if date_added is not UNSET:
            field_dict["dateAdded"] = date_added

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "LessonEnrollment"))
        _id = read_optional(d.pop("id", UNSET), "LessonEnrollment", "id")
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _chapter_enrollment_id = read_optional(
            d.pop("chapterEnrollmentId", UNSET), "LessonEnrollment", "chapterEnrollmentId"
        )
        chapter_enrollment_id: UUID | Unset
        if isinstance(_chapter_enrollment_id, Unset):
            chapter_enrollment_id = UNSET
        else:
            chapter_enrollment_id = UUID(_chapter_enrollment_id)

        type_ = read_optional(d.pop("type", UNSET), "LessonEnrollment", "type")

        attempts = read_optional(d.pop("attempts", UNSET), "LessonEnrollment", "attempts")

        failures = read_optional(d.pop("failures", UNSET), "LessonEnrollment", "failures")

        def _parse_last_attempt(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_attempt = _parse_last_attempt(d.pop("lastAttempt", UNSET))

        _course_enrollment_id = read_optional(
            d.pop("courseEnrollmentId", UNSET), "LessonEnrollment", "courseEnrollmentId"
        )
        course_enrollment_id: UUID | Unset
        if isinstance(_course_enrollment_id, Unset):
            course_enrollment_id = UNSET
        else:
            course_enrollment_id = UUID(_course_enrollment_id)

        _chapter_id = read_optional(d.pop("chapterId", UNSET), "LessonEnrollment", "chapterId")
        chapter_id: UUID | Unset
        if isinstance(_chapter_id, Unset):
            chapter_id = UNSET
        else:
            chapter_id = UUID(_chapter_id)

        _lesson_id = read_optional(d.pop("lessonId", UNSET), "LessonEnrollment", "lessonId")
        lesson_id: UUID | Unset
        if isinstance(_lesson_id, Unset):
            lesson_id = UNSET
        else:
            lesson_id = UUID(_lesson_id)

        name = read_optional(d.pop("name", UNSET), "LessonEnrollment", "name")

        _user_id = read_optional(d.pop("userId", UNSET), "LessonEnrollment", "userId")
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        full_name = read_optional(d.pop("fullName", UNSET), "LessonEnrollment", "fullName")

        _status = read_optional(d.pop("status", UNSET), "LessonEnrollment", "status")
        status: EnrollmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentStatus(_status)

        progress = read_optional(d.pop("progress", UNSET), "LessonEnrollment", "progress")

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        time_spent = read_optional(d.pop("timeSpent", UNSET), "LessonEnrollment", "timeSpent")

        _date_enrolled = read_optional(d.pop("dateEnrolled", UNSET), "LessonEnrollment", "dateEnrolled")
        date_enrolled: datetime.datetime | Unset
        if isinstance(_date_enrolled, Unset):
            date_enrolled = UNSET
        else:
            date_enrolled = datetime.datetime.fromisoformat(_date_enrolled)

        def _parse_date_started(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_started_type_0 = datetime.datetime.fromisoformat(data)

                return date_started_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_started = _parse_date_started(d.pop("dateStarted", UNSET))

        def _parse_date_completed(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_completed_type_0 = datetime.datetime.fromisoformat(data)

                return date_completed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_completed = _parse_date_completed(d.pop("dateCompleted", UNSET))

        _date_edited = read_optional(d.pop("dateEdited", UNSET), "LessonEnrollment", "dateEdited")
        date_edited: datetime.datetime | Unset
        if isinstance(_date_edited, Unset):
            date_edited = UNSET
        else:
            date_edited = datetime.datetime.fromisoformat(_date_edited)

        _date_added = read_optional(d.pop("dateAdded", UNSET), "LessonEnrollment", "dateAdded")
        date_added: datetime.datetime | Unset
        if isinstance(_date_added, Unset):
            date_added = UNSET
        else:
            date_added = datetime.datetime.fromisoformat(_date_added)

        lesson_enrollment = cls(
            id=id,
            chapter_enrollment_id=chapter_enrollment_id,
            type_=type_,
            attempts=attempts,
            failures=failures,
            last_attempt=last_attempt,
            course_enrollment_id=course_enrollment_id,
            chapter_id=chapter_id,
            lesson_id=lesson_id,
            name=name,
            user_id=user_id,
            full_name=full_name,
            status=status,
            progress=progress,
            score=score,
            time_spent=time_spent,
            date_enrolled=date_enrolled,
            date_started=date_started,
            date_completed=date_completed,
            date_edited=date_edited,
            date_added=date_added,
        )

        lesson_enrollment.additional_properties = d
        return lesson_enrollment

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
