from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import read_required, require_object

if TYPE_CHECKING:
    from ..models.program_enrollment_create_for_group import (
        ProgramEnrollmentCreateForGroup,
    )
    from ..models.program_enrollment_create_for_user import ProgramEnrollmentCreateForUser


T = TypeVar("T", bound="ProgramEnrollmentCreateRequest")


@_attrs_define
class ProgramEnrollmentCreateRequest:
    """
    Attributes:
        enrollments (list[ProgramEnrollmentCreateForGroup | ProgramEnrollmentCreateForUser]):
    """

    enrollments: list[ProgramEnrollmentCreateForGroup | ProgramEnrollmentCreateForUser]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.program_enrollment_create_for_user import (
            ProgramEnrollmentCreateForUser,  # noqa: PLC0415
        )

        enrollments = []
        for enrollments_item_data in self.enrollments:
            enrollments_item: dict[str, Any]
            if isinstance(enrollments_item_data, ProgramEnrollmentCreateForUser):
                enrollments_item = enrollments_item_data.to_dict()
            else:
                enrollments_item = enrollments_item_data.to_dict()

            enrollments.append(enrollments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enrollments": enrollments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.program_enrollment_create_for_group import (
            ProgramEnrollmentCreateForGroup,  # noqa: PLC0415
        )
        from ..models.program_enrollment_create_for_user import (
            ProgramEnrollmentCreateForUser,  # noqa: PLC0415
        )

        d = dict(require_object(src_dict, "ProgramEnrollmentCreateRequest"))
        enrollments = []
        _enrollments = read_required(d, "enrollments", "ProgramEnrollmentCreateRequest")
        for enrollments_item_data in _enrollments:

            def _parse_enrollments_item(
                data: object,
            ) -> ProgramEnrollmentCreateForGroup | ProgramEnrollmentCreateForUser:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_program_enrollment_create_type_0 = ProgramEnrollmentCreateForUser.from_dict(data)

                    return componentsschemas_program_enrollment_create_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_program_enrollment_create_type_1 = ProgramEnrollmentCreateForGroup.from_dict(data)

                return componentsschemas_program_enrollment_create_type_1

            enrollments_item = _parse_enrollments_item(enrollments_item_data)

            enrollments.append(enrollments_item)

        program_enrollment_create_request = cls(
            enrollments=enrollments,
        )

        program_enrollment_create_request.additional_properties = d
        return program_enrollment_create_request

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
