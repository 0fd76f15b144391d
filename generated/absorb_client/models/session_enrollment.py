from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_status import EnrollmentStatus
from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="SessionEnrollment")


@_attrs_define
class SessionEnrollment:
    """SessionEnrollmentResource. Unset values are null.

    Attributes:
        id (UUID | Unset): The unique activity enrollment identifier.
        session_id (UUID | Unset): The session ID.
        course_enrollment_id (UUID | Unset): The course enrollment ID.
        name (str | Unset): The activity's name.
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
        date_started (datetime.datetime | None | Unset): The activity's date started.
        date_completed (datetime.datetime | None | Unset): The activity's date completed.
        date_edited (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
    """

    id: UUID | Unset = UNSET
    session_id: UUID | Unset = UNSET
    course_enrollment_id: UUID | Unset = UNSET
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        course_enrollment_id: str | Unset = UNSET
        if not isinstance(self.course_enrollment_id, Unset):
            course_enrollment_id = str(self.course_enrollment_id)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
        if course_enrollment_id is not UNSET:
            field_dict["courseEnrollmentId"] = course_enrollment_id
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "SessionEnrollment"))
        _id = read_optional(d.pop("id", UNSET), "SessionEnrollment", "id")
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _session_id = read_optional(d.pop("sessionId", UNSET), "SessionEnrollment", "sessionId")
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        _course_enrollment_id = read_optional(
            d.pop("courseEnrollmentId", UNSET), "SessionEnrollment", "courseEnrollmentId"
        )
        course_enrollment_id: UUID | Unset
        if isinstance(_course_enrollment_id, Unset):
            course_enrollment_id = UNSET
        else:
            course_enrollment_id = UUID(_course_enrollment_id)

        name = read_optional(d.pop("name", UNSET), "SessionEnrollment", "name")

        _user_id = read_optional(d.pop("userId", UNSET), "SessionEnrollment", "userId")
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        full_name = read_optional(d.pop("fullName", UNSET), "SessionEnrollment", "fullName")

        _status = read_optional(d.pop("status", UNSET), "SessionEnrollment", "status")
        status: EnrollmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentStatus(_status)

        progress = read_optional(d.pop("progress", UNSET), "SessionEnrollment", "progress")

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        time_spent = read_optional(d.pop("timeSpent", UNSET), "SessionEnrollment", "timeSpent")

        _date_enrolled = read_optional(d.pop("dateEnrolled", UNSET), "SessionEnrollment", "dateEnrolled")
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

        _date_edited = read_optional(d.pop("dateEdited", UNSET), "SessionEnrollment", "dateEdited")
        date_edited: datetime.datetime | Unset
        if isinstance(_date_edited, Unset):
            date_edited = UNSET
        else:
            date_edited = datetime.datetime.fromisoformat(_date_edited)

        session_enrollment = cls(
            id=id,
            session_id=session_id,
            course_enrollment_id=course_enrollment_id,
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
        )

        session_enrollment.additional_properties = d
        return session_enrollment

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
