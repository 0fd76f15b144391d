from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import read_required, require_object

if TYPE_CHECKING:
    from ..models.program_enrollment_response import ProgramEnrollmentResponse
    from ..models.program_enrollment_updated_meta import ProgramEnrollmentUpdatedMeta


T = TypeVar("T", bound="ProgramEnrollmentUpdated")


@_attrs_define
class ProgramEnrollmentUpdated:
    """
    Attributes:
        meta (ProgramEnrollmentUpdatedMeta):
        enrollments (list[ProgramEnrollmentResponse]):
    """

    meta: ProgramEnrollmentUpdatedMeta
    enrollments: list[ProgramEnrollmentResponse]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meta = self.meta.to_dict()

        enrollments = []
        for enrollments_item_data in self.enrollments:
            enrollments_item = enrollments_item_data.to_dict()
            enrollments.append(enrollments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meta": meta,
                "enrollments": enrollments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.program_enrollment_response import ProgramEnrollmentResponse  # noqa: PLC0415
        from ..models.program_enrollment_updated_meta import (
            ProgramEnrollmentUpdatedMeta,  # noqa: PLC0415
        )

        d = dict(require_object(src_dict, "ProgramEnrollmentUpdated"))
        meta = ProgramEnrollmentUpdatedMeta.from_dict(read_required(d, "meta", "ProgramEnrollmentUpdated"))

        enrollments = []
        _enrollments = read_required(d, "enrollments", "ProgramEnrollmentUpdated")
        for enrollments_item_data in _enrollments:
            enrollments_item = ProgramEnrollmentResponse.from_dict(enrollments_item_data)

            enrollments.append(enrollments_item)

        program_enrollment_updated = cls(
            meta=meta,
            enrollments=enrollments,
        )

        program_enrollment_updated.additional_properties = d
        return program_enrollment_updated

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
