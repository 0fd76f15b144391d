from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_status import EnrollmentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChapterEnrollment")


@_attrs_define
class ChapterEnrollment:
    """
    Attributes:
        id (UUID | Unset): The unique identifier of the activity enrollment.
        course_enrollment_id (UUID | Unset): The course enrollment ID.
        chapter_id (UUID | Unset): The chapter ID.
        session_id (UUID | Unset): The session ID.
        lesson_id (UUID | Unset): The lesson ID.
        name (str | Unset): The name of the activity.
        user_id (UUID | Unset): The user's ID.
        full_name (str | Unset): The user's full name.
        status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3 Complete, 4 NotComplete, 5
            Failed, 6 Declined,
            7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor, 12 ReadyForReview.
        progress (float | Unset): The user's progress.
        score (float | Unset): The user's score.
        time_spent (str | Unset): An ISO 8601 duration such as PT1H30M (documented as string <duration>).
        date_enrolled (datetime.datetime | Unset): The date of enrollment.
        date_started (datetime.datetime | Unset): The date started.
        date_completed (datetime.datetime | Unset): The date completed.
        lesson_enrollment_ids (list[UUID] | Unset): A list of lesson enrollment IDs.
    """

    id: UUID | Unset = UNSET
    course_enrollment_id: UUID | Unset = UNSET
    chapter_id: UUID | Unset = UNSET
    session_id: UUID | Unset = UNSET
    lesson_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    user_id: UUID | Unset = UNSET
    full_name: str | Unset = UNSET
    status: EnrollmentStatus | Unset = UNSET
    progress: float | Unset = UNSET
    score: float | Unset = UNSET
    time_spent: str | Unset = UNSET
    date_enrolled: datetime.datetime | Unset = UNSET
    date_started: datetime.datetime | Unset = UNSET
    date_completed: datetime.datetime | Unset = UNSET
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

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

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

        score = self.score

        time_spent = self.time_spent

        date_enrolled: str | Unset = UNSET
        if not isinstance(self.date_enrolled, Unset):
            date_enrolled = self.date_enrolled.isoformat()

        date_started: str | Unset = UNSET
        if not isinstance(self.date_started, Unset):
            date_started = self.date_started.isoformat()

        date_completed: str | Unset = UNSET
        if not isinstance(self.date_completed, Unset):
            date_completed = self.date_completed.isoformat()

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
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _course_enrollment_id = d.pop("courseEnrollmentId", UNSET)
        course_enrollment_id: UUID | Unset
        if isinstance(_course_enrollment_id, Unset):
            course_enrollment_id = UNSET
        else:
            course_enrollment_id = UUID(_course_enrollment_id)

        _chapter_id = d.pop("chapterId", UNSET)
        chapter_id: UUID | Unset
        if isinstance(_chapter_id, Unset):
            chapter_id = UNSET
        else:
            chapter_id = UUID(_chapter_id)

        _session_id = d.pop("sessionId", UNSET)
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        _lesson_id = d.pop("lessonId", UNSET)
        lesson_id: UUID | Unset
        if isinstance(_lesson_id, Unset):
            lesson_id = UNSET
        else:
            lesson_id = UUID(_lesson_id)

        name = d.pop("name", UNSET)

        _user_id = d.pop("userId", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        full_name = d.pop("fullName", UNSET)

        _status = d.pop("status", UNSET)
        status: EnrollmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentStatus(_status)

        progress = d.pop("progress", UNSET)

        score = d.pop("score", UNSET)

        time_spent = d.pop("timeSpent", UNSET)

        _date_enrolled = d.pop("dateEnrolled", UNSET)
        date_enrolled: datetime.datetime | Unset
        if isinstance(_date_enrolled, Unset):
            date_enrolled = UNSET
        else:
            date_enrolled = datetime.datetime.fromisoformat(_date_enrolled)

        _date_started = d.pop("dateStarted", UNSET)
        date_started: datetime.datetime | Unset
        if isinstance(_date_started, Unset):
            date_started = UNSET
        else:
            date_started = datetime.datetime.fromisoformat(_date_started)

        _date_completed = d.pop("dateCompleted", UNSET)
        date_completed: datetime.datetime | Unset
        if isinstance(_date_completed, Unset):
            date_completed = UNSET
        else:
            date_completed = datetime.datetime.fromisoformat(_date_completed)

        _lesson_enrollment_ids = d.pop("lessonEnrollmentIds", UNSET)
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
