from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="StartAttemptResult")


@_attrs_define
class StartAttemptResult:
    """
    Attributes:
        attempt_id (UUID | Unset): The unique attempt identifier.
        course_id (UUID | Unset): The attempt's course ID.
        user_id (UUID | Unset): The attempt's user ID.
    """

    attempt_id: UUID | Unset = UNSET
    course_id: UUID | Unset = UNSET
    user_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt_id: str | Unset = UNSET
        if not isinstance(self.attempt_id, Unset):
            attempt_id = str(self.attempt_id)

        course_id: str | Unset = UNSET
        if not isinstance(self.course_id, Unset):
            course_id = str(self.course_id)

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attempt_id is not UNSET:
            field_dict["attemptId"] = attempt_id
        if course_id is not UNSET:
            field_dict["courseId"] = course_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "StartAttemptResult"))
        _attempt_id = read_optional(d.pop("attemptId", UNSET), "StartAttemptResult", "attemptId")
        attempt_id: UUID | Unset
        if isinstance(_attempt_id, Unset):
            attempt_id = UNSET
        else:
            attempt_id = UUID(_attempt_id)

        _course_id = read_optional(d.pop("courseId", UNSET), "StartAttemptResult", "courseId")
        course_id: UUID | Unset
        if isinstance(_course_id, Unset):
            course_id = UNSET
        else:
            course_id = UUID(_course_id)

        _user_id = read_optional(d.pop("userId", UNSET), "StartAttemptResult", "userId")
        user_id: UUID | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = UUID(_user_id)

        start_attempt_result = cls(
            attempt_id=attempt_id,
            course_id=course_id,
            user_id=user_id,
        )

        start_attempt_result.additional_properties = d
        return start_attempt_result

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
