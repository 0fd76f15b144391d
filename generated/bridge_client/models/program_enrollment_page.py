from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, read_required, require_object

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
        enrollments (list[ProgramEnrollmentResponse] | Unset):
        learners (list[ProgramEnrollmentResponse] | Unset): The same list under its 2017 name.
        linked (ProgramEnrollmentPageLinked | Unset): Side-loaded related objects, when requested.
    """

    meta: PageMeta
    enrollments: list[ProgramEnrollmentResponse] | Unset = UNSET
    learners: list[ProgramEnrollmentResponse] | Unset = UNSET
    linked: ProgramEnrollmentPageLinked | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meta = self.meta.to_dict()

        enrollments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.enrollments, Unset):
            enrollments = []
            for enrollments_item_data in self.enrollments:
                enrollments_item = enrollments_item_data.to_dict()
                enrollments.append(enrollments_item)

        learners: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.learners, Unset):
            learners = []
            for learners_item_data in self.learners:
                learners_item = learners_item_data.to_dict()
                learners.append(learners_item)

        linked: dict[str, Any] | Unset = UNSET
        if not isinstance(self.linked, Unset):
            linked = self.linked.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meta": meta,
            }
        )
        if enrollments is not UNSET:
            field_dict["enrollments"] = enrollments
        if learners is not UNSET:
            field_dict["learners"] = learners
        if linked is not UNSET:
            field_dict["linked"] = linked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.page_meta import PageMeta  # noqa: PLC0415
        from ..models.program_enrollment_page_linked import ProgramEnrollmentPageLinked  # noqa: PLC0415
        from ..models.program_enrollment_response import ProgramEnrollmentResponse  # noqa: PLC0415

        d = dict(require_object(src_dict, "ProgramEnrollmentPage"))
        meta = PageMeta.from_dict(read_required(d, "meta", "ProgramEnrollmentPage"))

        _enrollments = read_optional(d.pop("enrollments", UNSET), "ProgramEnrollmentPage", "enrollments")
        enrollments: list[ProgramEnrollmentResponse] | Unset = UNSET
        if _enrollments is not UNSET:
            enrollments = []
            for enrollments_item_data in _enrollments:
                enrollments_item = ProgramEnrollmentResponse.from_dict(enrollments_item_data)

                enrollments.append(enrollments_item)

        _learners = read_optional(d.pop("learners", UNSET), "ProgramEnrollmentPage", "learners")
        learners: list[ProgramEnrollmentResponse] | Unset = UNSET
        if _learners is not UNSET:
            learners = []
            for learners_item_data in _learners:
                learners_item = ProgramEnrollmentResponse.from_dict(learners_item_data)

                learners.append(learners_item)

        _linked = read_optional(d.pop("linked", UNSET), "ProgramEnrollmentPage", "linked")
        linked: ProgramEnrollmentPageLinked | Unset
        if isinstance(_linked, Unset):
            linked = UNSET
        else:
            linked = ProgramEnrollmentPageLinked.from_dict(_linked)

        program_enrollment_page = cls(
            meta=meta,
            enrollments=enrollments,
            learners=learners,
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
