from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import read_required, require_object

if TYPE_CHECKING:
    from ..models.lesson_enrollment import LessonEnrollment


T = TypeVar("T", bound="LessonEnrollmentPage")


@_attrs_define
class LessonEnrollmentPage:
    """
    Attributes:
        total_items (int): The total number of items in the unbounded collection.
        returned_items (int): The number of items in this page.
        limit (int): The current page size.
        offset (int): The current page index.
        lesson_enrollments (list[LessonEnrollment]):
    """

    total_items: int
    returned_items: int
    limit: int
    offset: int
    lesson_enrollments: list[LessonEnrollment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_items = self.total_items

        returned_items = self.returned_items

        limit = self.limit

        offset = self.offset

        lesson_enrollments = []
        for lesson_enrollments_item_data in self.lesson_enrollments:
            lesson_enrollments_item = lesson_enrollments_item_data.to_dict()
            lesson_enrollments.append(lesson_enrollments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalItems": total_items,
                "returnedItems": returned_items,
                "limit": limit,
                "offset": offset,
                "lessonEnrollments": lesson_enrollments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lesson_enrollment import LessonEnrollment  # noqa: PLC0415

        d = dict(require_object(src_dict, "LessonEnrollmentPage"))
        total_items = read_required(d, "totalItems", "LessonEnrollmentPage")

        returned_items = read_required(d, "returnedItems", "LessonEnrollmentPage")

        limit = read_required(d, "limit", "LessonEnrollmentPage")

        offset = read_required(d, "offset", "LessonEnrollmentPage")

        lesson_enrollments = []
        _lesson_enrollments = read_required(d, "lessonEnrollments", "LessonEnrollmentPage")
        for lesson_enrollments_item_data in _lesson_enrollments:
            lesson_enrollments_item = LessonEnrollment.from_dict(lesson_enrollments_item_data)

            lesson_enrollments.append(lesson_enrollments_item)

        lesson_enrollment_page = cls(
            total_items=total_items,
            returned_items=returned_items,
            limit=limit,
            offset=offset,
            lesson_enrollments=lesson_enrollments,
        )

        lesson_enrollment_page.additional_properties = d
        return lesson_enrollment_page

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
