from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="IlcEnrollmentResult")


@_attrs_define
class IlcEnrollmentResult:
    """
    Attributes:
        user_id (UUID | Unset): The user ID.
        course_id (UUID | Unset): The instructor led course ID.
        session_id (UUID | Unset): The session ID.
        enrollment_id (UUID | Unset): The instructor led course enrollment ID.
        session_enrollment_id (UUID | Unset): The session enrollment ID.
    """

    user_id: UUID | Unset = UNSET
    course_id: UUID | Unset = UNSET
    session_id: UUID | Unset = UNSET
    enrollment_id: UUID | Unset = UNSET
    session_enrollment_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        course_id: str | Unset = UNSET
        if not isinstance(self.course_id, Unset):
            course_id = str(self.course_id)

        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        enrollment_id: str | Unset = UNSET
        if not isinstance(self.enrollment_id, Unset):
            enrollment_id = str(self.enrollment_id)

        session_enrollment_id: str | Unset = UNSET
        if not isinstance(self.session_enrollment_id, Unset):
            session_enrollment_id = str(self.session_enrollment_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if course_id is not UNSET:
            field_dict["courseId"] = course_id
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
        if enrollment_id is not UNSET:
            field_dict["enrollmentId"] = enrollment_id
        if session_enrollment_id is not UNSET:
            field_dict["sessionEnrollmentId"] = session_enrollment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "IlcEnrollmentResult"))
        _user_id = read_optional(d.pop("userId", UNSET), "IlcEnrollmentResult", "userId")
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        _course_id = read_optional(d.pop("courseId", UNSET), "IlcEnrollmentResult", "courseId")
        course_id: UUID | Unset
        if isinstance(_course_id, Unset):
            course_id = UNSET
        else:
            course_id = UUID(_course_id)

        _session_id = read_optional(d.pop("sessionId", UNSET), "IlcEnrollmentResult", "sessionId")
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        _enrollment_id = read_optional(d.pop("enrollmentId", UNSET), "IlcEnrollmentResult", "enrollmentId")
        enrollment_id: UUID | Unset
        if isinstance(_enrollment_id, Unset):
            enrollment_id = UNSET
        else:
            enrollment_id = UUID(_enrollment_id)

        _session_enrollment_id = read_optional(
            d.pop("sessionEnrollmentId", UNSET), "IlcEnrollmentResult", "sessionEnrollmentId"
        )
        session_enrollment_id: UUID | Unset
        if isinstance(_session_enrollment_id, Unset):
            session_enrollment_id = UNSET
        else:
            session_enrollment_id = UUID(_session_enrollment_id)

        ilc_enrollment_result = cls(
            user_id=user_id,
            course_id=course_id,
            session_id=session_id,
            enrollment_id=enrollment_id,
            session_enrollment_id=session_enrollment_id,
        )

        ilc_enrollment_result.additional_properties = d
        return ilc_enrollment_result

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
