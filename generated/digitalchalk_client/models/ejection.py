from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.ejection_status import EjectionStatus
from ..types import read_required, require_object

T = TypeVar("T", bound="Ejection")


@_attrs_define
class Ejection:
    """
    Attributes:
        status (EjectionStatus):
    """

    status: EjectionStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "Ejection"))
        status = EjectionStatus(read_required(d, "status", "Ejection"))

        ejection = cls(
            status=status,
        )

        return ejection
