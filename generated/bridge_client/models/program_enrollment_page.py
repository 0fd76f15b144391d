from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.page_meta import PageMeta
    from ..models.program_enrollment_page_linked import ProgramEnrollmentPageLinked
    from ..models.program_enrollment_response import ProgramEnrollmentResponse


T = TypeVar("T", bound="ProgramEnrollmentPage")


@_attrs_define
class ProgramEnrollmentPage:
    """
    Attributes:
        meta (PageMeta):
        enrollments (list[ProgramEnrollmentResponse]):
        linked (ProgramEnrollmentPageLinked | Unset): Side-loaded related objects, when requested.
    """

    meta: PageMeta
    enrollments: list[ProgramEnrollmentResponse]
    linked: ProgramEnrollmentPageLinked | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meta = self.meta.to_dict()

        enrollments = []
        for enrollments_item_data in self.enrollments:
            enrollments_item = enrollments_item_data.to_dict()
            enrollments.append(enrollments_item)

        linked: dict[str, Any] | Unset = UNSET
        if not isinstance(self.linked, Unset):
            linked = self.linked.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meta": meta,
                "enrollments": enrollments,
            }
        )
        if linked is not UNSET:
            field_dict["linked"] = linked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.page_meta import PageMeta  # noqa: PLC0415
        from ..models.program_enrollment_page_linked import ProgramEnrollmentPageLinked  # noqa: PLC0415
        from ..models.program_enrollment_response import ProgramEnrollmentResponse  # noqa: PLC0415

        d = dict(src_dict)
        meta = PageMeta.from_dict(d.pop("meta"))

        enrollments = []
        _enrollments = d.pop("enrollments")
        for enrollments_item_data in _enrollments:
            enrollments_item = ProgramEnrollmentResponse.from_dict(enrollments_item_data)

            enrollments.append(enrollments_item)

        _linked = d.pop("linked", UNSET)
        linked: ProgramEnrollmentPageLinked | Unset
        if isinstance(_linked, Unset):
            linked = UNSET
        else:
            linked = ProgramEnrollmentPageLinked.from_dict(_linked)

        program_enrollment_page = cls(
            meta=meta,
            enrollments=enrollments,
            linked=linked,
        )

        program_enrollment_page.additional_properties = d
        return program_enrollment_page

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
