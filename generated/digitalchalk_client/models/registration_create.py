from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import read_required, require_object

T = TypeVar("T", bound="RegistrationCreate")


@_attrs_define
class RegistrationCreate:
    """
    Attributes:
        user_id (str):
        offering_id (str):
    """

    user_id: str
    offering_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        offering_id = self.offering_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "offeringId": offering_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "RegistrationCreate"))
        user_id = read_required(d, "userId", "RegistrationCreate")

        offering_id = read_required(d, "offeringId", "RegistrationCreate")

        registration_create = cls(
            user_id=user_id,
            offering_id=offering_id,
        )

        registration_create.additional_properties = d
        return registration_create

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
