from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_status import EnrollmentStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.course_enrollment_credits_model import CourseEnrollmentCreditsModel


T = TypeVar("T", bound="CourseEnrollmentWrite")


@_attrs_define
class CourseEnrollmentWrite:
    """The course enrollment model sent to create or update. Settable: status, dateCompleted, dateExpires,
    courseVersionId, acceptedTermsAndConditions, enrollmentKeyId, credits, score.

        Attributes:
            course_id (UUID): Course identifier (required
            id (UUID | Unset): Enrollment identifier.
            course_name (str | Unset): Name of the course.
            progress (float | Unset): Percentage of course completed.
            score (float | Unset): Score in percentage.
            status (EnrollmentStatus | Unset): 0 NotStarted, 1 InProgress, 2 PendingApproval, 3 Complete, 4 NotComplete, 5
                Failed, 6 Declined,
                7 PendingEvaluationRequired, 8 OnWaitlist, 9 Absent, 10 NotApplicable, 11 PendingProctor, 12 ReadyForReview.
            date_completed (datetime.datetime | Unset): The date the enrollment was completed.
            date_expires (datetime.datetime | Unset): The date the enrollment expires.
            full_name (str | Unset): Learner's full name.
            job_title (str | Unset): Learner's job title.
            course_version_id (UUID | Unset): Enrollment is for a specific course version.
            user_id (UUID | Unset): Learner identifier.
            accepted_terms_and_conditions (bool | Unset): Learner has accepted the terms and conditions.
            date_started (datetime.datetime | Unset): The date the learner started the course.
            enrollment_key_id (UUID | Unset): The enrollment key used to enroll.
            certificate_id (UUID | Unset): The certificate awarded for completing the course.
            credits_ (float | Unset): The credits accumulated for the course.
            is_active (bool | Unset): True for the current enrollment
            course_collection_id (UUID | Unset): The Course Bundle or Curriculum the course was enrolled through.
            access_date (datetime.datetime | Unset): The course cannot be started before this date.
            date_due (datetime.datetime | Unset): The date the learner must complete the course by.
            avatar (str | Unset): The display path of the user's avatar.
            credit_type_credits (list[CourseEnrollmentCreditsModel] | Unset): The credits awarded by credit type.
    """

    course_id: UUID
    id: UUID | Unset = UNSET
    course_name: str | Unset = UNSET
    progress: float | Unset = UNSET
    score: float | Unset = UNSET
    status: EnrollmentStatus | Unset = UNSET
    date_completed: datetime.datetime | Unset = UNSET
    date_expires: datetime.datetime | Unset = UNSET
    full_name: str | Unset = UNSET
    job_title: str | Unset = UNSET
    course_version_id: UUID | Unset = UNSET
    user_id: UUID | Unset = UNSET
    accepted_terms_and_conditions: bool | Unset = UNSET
    date_started: datetime.datetime | Unset = UNSET
    enrollment_key_id: UUID | Unset = UNSET
    certificate_id: UUID | Unset = UNSET
    credits_: float | Unset = UNSET
    is_active: bool | Unset = UNSET
    course_collection_id: UUID | Unset = UNSET
    access_date: datetime.datetime | Unset = UNSET
    date_due: datetime.datetime | Unset = UNSET
    avatar: str | Unset = UNSET
    credit_type_credits: list[CourseEnrollmentCreditsModel] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        course_id = str(self.course_id)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        course_name = self.course_name

        progress = self.progress

        score = self.score

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        date_completed: str | Unset = UNSET
        if not isinstance(self.date_completed, Unset):
            date_completed = self.date_completed.isoformat()

        date_expires: str | Unset = UNSET
        if not isinstance(self.date_expires, Unset):
            date_expires = self.date_expires.isoformat()

        full_name = self.full_name

        job_title = self.job_title

        course_version_id: str | Unset = UNSET
        if not isinstance(self.course_version_id, Unset):
            course_version_id = str(self.course_version_id)

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        accepted_terms_and_conditions = self.accepted_terms_and_conditions

        date_started: str | Unset = UNSET
        if not isinstance(self.date_started, Unset):
            date_started = self.date_started.isoformat()

        enrollment_key_id: str | Unset = UNSET
        if not isinstance(self.enrollment_key_id, Unset):
            enrollment_key_id = str(self.enrollment_key_id)

        certificate_id: str | Unset = UNSET
        if not isinstance(self.certificate_id, Unset):
            certificate_id = str(self.certificate_id)

        credits_ = self.credits_

        is_active = self.is_active

        course_collection_id: str | Unset = UNSET
        if not isinstance(self.course_collection_id, Unset):
            course_collection_id = str(self.course_collection_id)

        access_date: str | Unset = UNSET
        if not isinstance(self.access_date, Unset):
            access_date = self.access_date.isoformat()

        date_due: str | Unset = UNSET
        if not isinstance(self.date_due, Unset):
            date_due = self.date_due.isoformat()

        avatar = self.avatar

        credit_type_credits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.credit_type_credits, Unset):
            credit_type_credits = []
            for credit_type_credits_item_data in self.credit_type_credits:
                credit_type_credits_item = credit_type_credits_item_data.to_dict()
                credit_type_credits.append(credit_type_credits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "courseId": course_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if course_name is not UNSET:
            field_dict["courseName"] = course_name
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
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if job_title is not UNSET:
            field_dict["jobTitle"] = job_title
        if course_version_id is not UNSET:
            field_dict["courseVersionId"] = course_version_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if accepted_terms_and_conditions is not UNSET:
            field_dict["acceptedTermsAndConditions"] = accepted_terms_and_conditions
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
        if course_collection_id is not UNSET:
            field_dict["courseCollectionId"] = course_collection_id
        if access_date is not UNSET:
            field_dict["accessDate"] = access_date
        if date_due is not UNSET:
            field_dict["dateDue"] = date_due
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if credit_type_credits is not UNSET:
            field_dict["creditTypeCredits"] = credit_type_credits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.course_enrollment_credits_model import (
            CourseEnrollmentCreditsModel,  # noqa: PLC0415
        )

        d = dict(src_dict)
        course_id = UUID(d.pop("courseId"))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        course_name = d.pop("courseName", UNSET)

        progress = d.pop("progress", UNSET)

        score = d.pop("score", UNSET)

        _status = d.pop("status", UNSET)
        status: EnrollmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentStatus(_status)

        _date_completed = d.pop("dateCompleted", UNSET)
        date_completed: datetime.datetime | Unset
        if isinstance(_date_completed, Unset):
            date_completed = UNSET
        else:
            date_completed = datetime.datetime.fromisoformat(_date_completed)

        _date_expires = d.pop("dateExpires", UNSET)
        date_expires: datetime.datetime | Unset
        if isinstance(_date_expires, Unset):
            date_expires = UNSET
        else:
            date_expires = datetime.datetime.fromisoformat(_date_expires)

        full_name = d.pop("fullName", UNSET)

        job_title = d.pop("jobTitle", UNSET)

        _course_version_id = d.pop("courseVersionId", UNSET)
        course_version_id: UUID | Unset
        if isinstance(_course_version_id, Unset):
            course_version_id = UNSET
        else:
            course_version_id = UUID(_course_version_id)

        _user_id = d.pop("userId", UNSET)
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        accepted_terms_and_conditions = d.pop("acceptedTermsAndConditions", UNSET)

        _date_started = d.pop("dateStarted", UNSET)
        date_started: datetime.datetime | Unset
        if isinstance(_date_started, Unset):
            date_started = UNSET
        else:
            date_started = datetime.datetime.fromisoformat(_date_started)

        _enrollment_key_id = d.pop("enrollmentKeyId", UNSET)
        enrollment_key_id: UUID | Unset
        if isinstance(_enrollment_key_id, Unset):
            enrollment_key_id = UNSET
        else:
            enrollment_key_id = UUID(_enrollment_key_id)

        _certificate_id = d.pop("certificateId", UNSET)
        certificate_id: UUID | Unset
        if isinstance(_certificate_id, Unset):
            certificate_id = UNSET
        else:
            certificate_id = UUID(_certificate_id)

        credits_ = d.pop("credits", UNSET)

        is_active = d.pop("isActive", UNSET)

        _course_collection_id = d.pop("courseCollectionId", UNSET)
        course_collection_id: UUID | Unset
        if isinstance(_course_collection_id, Unset):
            course_collection_id = UNSET
        else:
            course_collection_id = UUID(_course_collection_id)

        _access_date = d.pop("accessDate", UNSET)
        access_date: datetime.datetime | Unset
        if isinstance(_access_date, Unset):
            access_date = UNSET
        else:
            access_date = datetime.datetime.fromisoformat(_access_date)

        _date_due = d.pop("dateDue", UNSET)
        date_due: datetime.datetime | Unset
        if isinstance(_date_due, Unset):
            date_due = UNSET
        else:
            date_due = datetime.datetime.fromisoformat(_date_due)

        avatar = d.pop("avatar", UNSET)

        _credit_type_credits = d.pop("creditTypeCredits", UNSET)
        credit_type_credits: list[CourseEnrollmentCreditsModel] | Unset = UNSET
        if _credit_type_credits is not UNSET:
            credit_type_credits = []
            for credit_type_credits_item_data in _credit_type_credits:
                credit_type_credits_item = CourseEnrollmentCreditsModel.from_dict(credit_type_credits_item_data)

                credit_type_credits.append(credit_type_credits_item)

        course_enrollment_write = cls(
            course_id=course_id,
            id=id,
            course_name=course_name,
            progress=progress,
            score=score,
            status=status,
            date_completed=date_completed,
            date_expires=date_expires,
            full_name=full_name,
            job_title=job_title,
            course_version_id=course_version_id,
            user_id=user_id,
            accepted_terms_and_conditions=accepted_terms_and_conditions,
            date_started=date_started,
            enrollment_key_id=enrollment_key_id,
            certificate_id=certificate_id,
            credits_=credits_,
            is_active=is_active,
            course_collection_id=course_collection_id,
            access_date=access_date,
            date_due=date_due,
            avatar=avatar,
            credit_type_credits=credit_type_credits,
        )

        course_enrollment_write.additional_properties = d
        return course_enrollment_write

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
