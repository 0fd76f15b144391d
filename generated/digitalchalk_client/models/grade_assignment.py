from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import read_required, require_object

T = TypeVar("T", bound="GradeAssignment")


@_attrs_define
class GradeAssignment:
    """
    Attributes:
        grade (float): The grade in percent; status becomes passed or failed by the course's passing grade.
    """

    grade: float

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "GradeAssignment"))
        grade = read_required(d, "grade", "GradeAssignment")

        grade_assignment = cls(
            grade=grade,
        )

        return grade_assignment
