from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, read_required, require_object

T = TypeVar("T", bound="ProgramEnrollmentCreateForUser")


@_attrs_define
class ProgramEnrollmentCreateForUser:
    """
    Attributes:
        user_id (int): The learner to enroll.
        end_at (datetime.datetime | Unset): Due date.
        expires_at (datetime.datetime | Unset): Expiry date.
    """

    user_id: int
    end_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        end_at: str | Unset = UNSET
        if not isinstance(self.end_at, Unset):
            end_at = self.end_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
            }
        )
        if end_at is not UNSET:
            field_dict["end_at"] = end_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "ProgramEnrollmentCreateForUser"))
        user_id = read_required(d, "user_id", "ProgramEnrollmentCreateForUser")

        _end_at = read_optional(d.pop("end_at", UNSET), "ProgramEnrollmentCreateForUser", "end_at")
        end_at: datetime.datetime | Unset
        if isinstance(_end_at, Unset):
            end_at = UNSET
        else:
            end_at = datetime.datetime.fromisoformat(_end_at)

        _expires_at = read_optional(d.pop("expires_at", UNSET), "ProgramEnrollmentCreateForUser", "expires_at")
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        program_enrollment_create_for_user = cls(
            user_id=user_id,
            end_at=end_at,
            expires_at=expires_at,
        )

        program_enrollment_create_for_user.additional_properties = d
        return program_enrollment_create_for_user

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
