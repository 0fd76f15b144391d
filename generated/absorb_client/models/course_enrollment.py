from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_status import EnrollmentStatus
from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="CourseEnrollment")


@_attrs_define
class CourseEnrollment:
    """A course enrollment (CourseEnrollmentResource / UserCourseEnrollmentResource; the docs show the same
    fields for both). Unset values are null.

        Attributes:
            id (UUID | Unset): Enrollment identifier.
            course_id (UUID | Unset): Course identifier.
            course_name (str | Unset): Name of the course (v2; a call without x-api-version gets `name` instead).
            name (str | Unset): Name of the course, as a call without `x-api-version` gets it (instead of courseName).
            progress (float | Unset): Percentage of course completed.
            score (float | None | Unset): Score in percentage.
            status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3 Complete, 4 NotComplete, 5
                Failed, 6 Declined,
                7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor, 12 ReadyForReview.
            date_completed (datetime.datetime | None | Unset): The date the enrollment was completed.
            date_expires (datetime.datetime | None | Unset): The date the enrollment expires.
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
            full_name (str | Unset): Learner's full name.
            course_version_id (None | Unset | UUID): Enrollment is for a specific course version.
            user_id (UUID | Unset): Learner identifier.
            accepted_terms_and_conditions (bool | Unset): Learner has accepted the terms and conditions.
            time_spent_ticks (int | Unset): Time spent in the course
            time_spent (str | Unset): A .NET TimeSpan, `[d.]hh:mm:ss[.fffffff]`: `00:30:00`, `1.13:02:39.9878697`
                (documented as string <duration>).
            date_started (datetime.datetime | None | Unset): The date the learner started the course.
            enrollment_key_id (None | Unset | UUID): The enrollment key used to enroll
            certificate_id (None | Unset | UUID): The certificate awarded for completing the course
            credits_ (float | None | Unset): The credits accumulated for the course
            is_active (bool | Unset): True for the current enrollment
            date_due (datetime.datetime | None | Unset): The date the enrollment is due.
            access_date (datetime.datetime | None | Unset): The course cannot be started before this date.
            job_title (None | str | Unset): Learner's job title.
            course_collection_id (None | Unset | UUID): The Course Bundle or Curriculum the course was enrolled through.
            avatar (None | str | Unset): The display path of the user's avatar.
    """

    id: UUID | Unset = UNSET
    course_id: UUID | Unset = UNSET
    course_name: str | Unset = UNSET
    name: str | Unset = UNSET
    progress: float | Unset = UNSET
    score: float | None | Unset = UNSET
    status: EnrollmentStatus | Unset = UNSET
    date_completed: datetime.datetime | None | Unset = UNSET
    date_expires: datetime.datetime | None | Unset = UNSET
    date_edited: datetime.datetime | Unset = UNSET
    date_added: datetime.datetime | Unset = UNSET
    full_name: str | Unset = UNSET
    course_version_id: None | Unset | UUID = UNSET
    user_id: UUID | Unset = UNSET
    accepted_terms_and_conditions: bool | Unset = UNSET
    time_spent_ticks: int | Unset = UNSET
    time_spent: str | Unset = UNSET
    date_started: datetime.datetime | None | Unset = UNSET
    enrollment_key_id: None | Unset | UUID = UNSET
    certificate_id: None | Unset | UUID = UNSET
    credits_: float | None | Unset = UNSET
    is_active: bool | Unset = UNSET
    date_due: datetime.datetime | None | Unset = UNSET
    access_date: datetime.datetime | None | Unset = UNSET
    job_title: None | str | Unset = UNSET
    course_collection_id: None | Unset | UUID = UNSET
    avatar: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        course_id: str | Unset = UNSET
        if not isinstance(self.course_id, Unset):
            course_id = str(self.course_id)

        course_name = self.course_name

        name = self.name

        progress = self.progress

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        date_completed: None | str | Unset
        if isinstance(self.date_completed, Unset):
            date_completed = UNSET
        elif isinstance(self.date_completed, datetime.datetime):
            date_completed = self.date_completed.isoformat()
        else:
            date_completed = self.date_completed

        date_expires: None | str | Unset
        if isinstance(self.date_expires, Unset):
            date_expires = UNSET
        elif isinstance(self.date_expires, datetime.datetime):
            date_expires = self.date_expires.isoformat()
        else:
            date_expires = self.date_expires

        date_edited: str | Unset = UNSET
        if not isinstance(self.date_edited, Unset):
            date_edited = self.date_edited.isoformat()

        date_added: str | Unset = UNSET
        if not isinstance(self.date_added, Unset):
            date_added = self.date_added.isoformat()

        full_name = self.full_name

        course_version_id: None | str | Unset
        if isinstance(self.course_version_id, Unset):
            course_version_id = UNSET
        elif isinstance(self.course_version_id, UUID):
            course_version_id = str(self.course_version_id)
        else:
            course_version_id = self.course_version_id

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        accepted_terms_and_conditions = self.accepted_terms_and_conditions

        time_spent_ticks = self.time_spent_ticks

        time_spent = self.time_spent

        date_started: None | str | Unset
        if isinstance(self.date_started, Unset):
            date_started = UNSET
        elif isinstance(self.date_started, datetime.datetime):
            date_started = self.date_started.isoformat()
        else:
            date_started = self.date_started

        enrollment_key_id: None | str | Unset
        if isinstance(self.enrollment_key_id, Unset):
            enrollment_key_id = UNSET
        elif isinstance(self.enrollment_key_id, UUID):
            enrollment_key_id = str(self.enrollment_key_id)
        else:
            enrollment_key_id = self.enrollment_key_id

        certificate_id: None | str | Unset
        if isinstance(self.certificate_id, Unset):
            certificate_id = UNSET
        elif isinstance(self.certificate_id, UUID):
            certificate_id = str(self.certificate_id)
        else:
            certificate_id = self.certificate_id

        credits_: float | None | Unset
        if isinstance(self.credits_, Unset):
            credits_ = UNSET
        else:
            credits_ = self.credits_

        is_active = self.is_active

        date_due: None | str | Unset
        if isinstance(self.date_due, Unset):
            date_due = UNSET
        elif isinstance(self.date_due, datetime.datetime):
            date_due = self.date_due.isoformat()
        else:
            date_due = self.date_due

        access_date: None | str | Unset
        if isinstance(self.access_date, Unset):
            access_date = UNSET
        elif isinstance(self.access_date, datetime.datetime):
            access_date = self.access_date.isoformat()
        else:
            access_date = self.access_date

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        course_collection_id: None | str | Unset
        if isinstance(self.course_collection_id, Unset):
            course_collection_id = UNSET
        elif isinstance(self.course_collection_id, UUID):
            course_collection_id = str(self.course_collection_id)
        else:
            course_collection_id = self.course_collection_id

        avatar: None | str | Unset
        if isinstance(self.avatar, Unset):
            avatar = UNSET
        else:
            avatar = self.avatar

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if course_id is not UNSET:
            field_dict["courseId"] = course_id
        if course_name is not UNSET:
            field_dict["courseName"] = course_name
        if name is not UNSET:
            field_dict["name"] = name
        if progress is not UNSET:
            field_dict["progress"] = progress
        if score is not UNSET:
            field_dict["score"] = score
        if status is not UNSET:
            field_dict["status"] = status
        if date_completed is not UNSET:
            field_dict["dateCompleted"] = date_completed
        if date_expires is not UNSET:
            field_dict["dateExpires"] = date_expires
        if date_edited is not UNSET:
            field_dict["dateEdited"] = date_edited
        if date_added is not UNSET:
            field_dict["dateAdded"] = date_added
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if course_version_id is not UNSET:
            field_dict["courseVersionId"] = course_version_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if accepted_terms_and_conditions is not UNSET:
            field_dict["acceptedTermsAndConditions"] = accepted_terms_and_conditions
        if time_spent_ticks is not UNSET:
            field_dict["timeSpentTicks"] = time_spent_ticks
        if time_spent is not UNSET:
            field_dict["timeSpent"] = time_spent
        if date_started is not UNSET:
            field_dict["dateStarted"] = date_started
        if enrollment_key_id is not UNSET:
            field_dict["enrollmentKeyId"] = enrollment_key_id
        if certificate_id is not UNSET:
            field_dict["certificateId"] = certificate_id
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if date_due is not UNSET:
            field_dict["dateDue"] = date_due
        if access_date is not UNSET:
            field_dict["accessDate"] = access_date
        if job_title is not UNSET:
            field_dict["jobTitle"] = job_title
        if course_collection_id is not UNSET:
            field_dict["courseCollectionId"] = course_collection_id
        if avatar is not UNSET:
            field_dict["avatar"] = avatar

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "CourseEnrollment"))
        _id = read_optional(d.pop("id", UNSET), "CourseEnrollment", "id")
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _course_id = read_optional(d.pop("courseId", UNSET), "CourseEnrollment", "courseId")
        course_id: UUID | Unset
        if isinstance(_course_id, Unset):
            course_id = UNSET
        else:
            course_id = UUID(_course_id)

        course_name = read_optional(d.pop("courseName", UNSET), "CourseEnrollment", "courseName")

        name = read_optional(d.pop("name", UNSET), "CourseEnrollment", "name")

        progress = read_optional(d.pop("progress", UNSET), "CourseEnrollment", "progress")

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        _status = read_optional(d.pop("status", UNSET), "CourseEnrollment", "status")
        status: EnrollmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentStatus(_status)

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

        def _parse_date_expires(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_expires_type_0 = datetime.datetime.fromisoformat(data)

                return date_expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_expires = _parse_date_expires(d.pop("dateExpires", UNSET))

        _date_edited = read_optional(d.pop("dateEdited", UNSET), "CourseEnrollment", "dateEdited")
        date_edited: datetime.datetime | Unset
        if isinstance(_date_edited, Unset):
            date_edited = UNSET
        else:
            date_edited = datetime.datetime.fromisoformat(_date_edited)

        _date_added = read_optional(d.pop("dateAdded", UNSET), "CourseEnrollment", "dateAdded")
        date_added: datetime.datetime | Unset
        if isinstance(_date_added, Unset):
            date_added = UNSET
        else:
            date_added = datetime.datetime.fromisoformat(_date_added)

        full_name = read_optional(d.pop("fullName", UNSET), "CourseEnrollment", "fullName")

        def _parse_course_version_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                course_version_id_type_0 = UUID(data)

                return course_version_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        course_version_id = _parse_course_version_id(d.pop("courseVersionId", UNSET))

        _user_id = read_optional(d.pop("userId", UNSET), "CourseEnrollment", "userId")
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        accepted_terms_and_conditions = read_optional(
            d.pop("acceptedTermsAndConditions", UNSET), "CourseEnrollment", "acceptedTermsAndConditions"
        )

        time_spent_ticks = read_optional(d.pop("timeSpentTicks", UNSET), "CourseEnrollment", "timeSpentTicks")

        time_spent = read_optional(d.pop("timeSpent", UNSET), "CourseEnrollment", "timeSpent")

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

        def _parse_enrollment_key_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enrollment_key_id_type_0 = UUID(data)

                return enrollment_key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        enrollment_key_id = _parse_enrollment_key_id(d.pop("enrollmentKeyId", UNSET))

        def _parse_certificate_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certificate_id_type_0 = UUID(data)

                return certificate_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        certificate_id = _parse_certificate_id(d.pop("certificateId", UNSET))

        def _parse_credits_(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        credits_ = _parse_credits_(d.pop("credits", UNSET))

        is_active = read_optional(d.pop("isActive", UNSET), "CourseEnrollment", "isActive")

        def _parse_date_due(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_due_type_0 = datetime.datetime.fromisoformat(data)

                return date_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_due = _parse_date_due(d.pop("dateDue", UNSET))

        def _parse_access_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                access_date_type_0 = datetime.datetime.fromisoformat(data)

                return access_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        access_date = _parse_access_date(d.pop("accessDate", UNSET))

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("jobTitle", UNSET))

        def _parse_course_collection_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                course_collection_id_type_0 = UUID(data)

                return course_collection_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        course_collection_id = _parse_course_collection_id(d.pop("courseCollectionId", UNSET))

        def _parse_avatar(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        avatar = _parse_avatar(d.pop("avatar", UNSET))

        course_enrollment = cls(
            id=id,
            course_id=course_id,
            course_name=course_name,
            name=name,
            progress=progress,
            score=score,
            status=status,
            date_completed=date_completed,
            date_expires=date_expires,
            date_edited=date_edited,
            date_added=date_added,
            full_name=full_name,
            course_version_id=course_version_id,
            user_id=user_id,
            accepted_terms_and_conditions=accepted_terms_and_conditions,
            time_spent_ticks=time_spent_ticks,
            time_spent=time_spent,
            date_started=date_started,
            enrollment_key_id=enrollment_key_id,
            certificate_id=certificate_id,
            credits_=credits_,
            is_active=is_active,
            date_due=date_due,
            access_date=access_date,
            job_title=job_title,
            course_collection_id=course_collection_id,
            avatar=avatar,
        )

        course_enrollment.additional_properties = d
        return course_enrollment

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
