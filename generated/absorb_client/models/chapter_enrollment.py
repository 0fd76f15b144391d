from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_status import EnrollmentStatus
from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="ChapterEnrollment")


@_attrs_define
class ChapterEnrollment:
    """
    Attributes:
        id (UUID | Unset): The unique identifier of the activity enrollment.
        course_enrollment_id (UUID | Unset): The course enrollment ID.
        chapter_id (UUID | Unset): The chapter ID.
        session_id (None | Unset | UUID): The session ID.
        lesson_id (None | Unset | UUID): The lesson ID.
        name (str | Unset): The name of the activity.
        user_id (UUID | Unset): The user's ID.
        full_name (str | Unset): The user's full name.
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3 Complete, 4 NotComplete, 5
            Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor, 12 ReadyForReview.
        progress (float | Unset): The user's progress.
        score (float | None | Unset): The user's score.
        time_spent (str | Unset): A .NET TimeSpan, `[d.]hh:mm:ss[.fffffff]`: `00:30:00`, `1.13:02:39.9878697`
            (documented as string <duration>).
        date_enrolled (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
        date_started (datetime.datetime | None | Unset): The date started.
        date_completed (datetime.datetime | None | Unset): The date completed.
        lesson_enrollment_ids (list[UUID] | Unset): A list of lesson enrollment IDs.
    """

    id: UUID | Unset = UNSET
    course_enrollment_id: UUID | Unset = UNSET
    chapter_id: UUID | Unset = UNSET
    session_id: None | Unset | UUID = UNSET
    lesson_id: None | Unset | UUID = UNSET
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
    lesson_enrollment_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        course_enrollment_id: str | Unset = UNSET
        if not isinstance(self.course_enrollment_id, Unset):
            course_enrollment_id = str(self.course_enrollment_id)

        chapter_id: str | Unset = UNSET
        if not isinstance(self.chapter_id, Unset):
            chapter_id = str(self.chapter_id)

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        elif isinstance(self.session_id, UUID):
            session_id = str(self.session_id)
        else:
            session_id = self.session_id

        lesson_id: None | str | Unset
        if isinstance(self.lesson_id, Unset):
            lesson_id = UNSET
        elif isinstance(self.lesson_id, UUID):
            lesson_id = str(self.lesson_id)
        else:
            lesson_id = self.lesson_id

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

        lesson_enrollment_ids: list[str] | Unset = UNSET
        if not isinstance(self.lesson_enrollment_ids, Unset):
            lesson_enrollment_ids = []
            for lesson_enrollment_ids_item_data in self.lesson_enrollment_ids:
                lesson_enrollment_ids_item = str(lesson_enrollment_ids_item_data)
                lesson_enrollment_ids.append(lesson_enrollment_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if course_enrollment_id is not UNSET:
            field_dict["courseEnrollmentId"] = course_enrollment_id
        if chapter_id is not UNSET:
            field_dict["chapterId"] = chapter_id
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
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
        if lesson_enrollment_ids is not UNSET:
            field_dict["lessonEnrollmentIds"] = lesson_enrollment_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "ChapterEnrollment"))
        _id = read_optional(d.pop("id", UNSET), "ChapterEnrollment", "id")
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _course_enrollment_id = read_optional(
            d.pop("courseEnrollmentId", UNSET), "ChapterEnrollment", "courseEnrollmentId"
        )
        course_enrollment_id: UUID | Unset
        if isinstance(_course_enrollment_id, Unset):
            course_enrollment_id = UNSET
        else:
            course_enrollment_id = UUID(_course_enrollment_id)

        _chapter_id = read_optional(d.pop("chapterId", UNSET), "ChapterEnrollment", "chapterId")
        chapter_id: UUID | Unset
        if isinstance(_chapter_id, Unset):
            chapter_id = UNSET
        else:
            chapter_id = UUID(_chapter_id)

        def _parse_session_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_id_type_0 = UUID(data)

                return session_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        session_id = _parse_session_id(d.pop("sessionId", UNSET))

        def _parse_lesson_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lesson_id_type_0 = UUID(data)

                return lesson_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lesson_id = _parse_lesson_id(d.pop("lessonId", UNSET))

        name = read_optional(d.pop("name", UNSET), "ChapterEnrollment", "name")

        _user_id = read_optional(d.pop("userId", UNSET), "ChapterEnrollment", "userId")
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        full_name = read_optional(d.pop("fullName", UNSET), "ChapterEnrollment", "fullName")

        _status = read_optional(d.pop("status", UNSET), "ChapterEnrollment", "status")
        status: EnrollmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentStatus(_status)

        progress = read_optional(d.pop("progress", UNSET), "ChapterEnrollment", "progress")

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        time_spent = read_optional(d.pop("timeSpent", UNSET), "ChapterEnrollment", "timeSpent")

        _date_enrolled = read_optional(d.pop("dateEnrolled", UNSET), "ChapterEnrollment", "dateEnrolled")
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

        _lesson_enrollment_ids = read_optional(
            d.pop("lessonEnrollmentIds", UNSET), "ChapterEnrollment", "lessonEnrollmentIds"
        )
        lesson_enrollment_ids: list[UUID] | Unset = UNSET
        if _lesson_enrollment_ids is not UNSET:
            lesson_enrollment_ids = []
            for lesson_enrollment_ids_item_data in _lesson_enrollment_ids:
                lesson_enrollment_ids_item = UUID(lesson_enrollment_ids_item_data)

                lesson_enrollment_ids.append(lesson_enrollment_ids_item)

        chapter_enrollment = cls(
            id=id,
            course_enrollment_id=course_enrollment_id,
            chapter_id=chapter_id,
            session_id=session_id,
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
            lesson_enrollment_ids=lesson_enrollment_ids,
        )

        chapter_enrollment.additional_properties = d
        return chapter_enrollment

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
