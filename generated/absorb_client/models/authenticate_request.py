from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import read_required, require_object

T = TypeVar("T", bound="AuthenticateRequest")


@_attrs_define
class AuthenticateRequest:
    """
    Attributes:
        username (str):
        password (str):
        private_key (UUID): The portal's private API key.
    """

    username: str
    password: str
    private_key: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        private_key = str(self.private_key)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "password": password,
                "privateKey": private_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "AuthenticateRequest"))
        username = read_required(d, "username", "AuthenticateRequest")

        password = read_required(d, "password", "AuthenticateRequest")

        private_key = UUID(read_required(d, "privateKey", "AuthenticateRequest"))

        authenticate_request = cls(
            username=username,
            password=password,
            private_key=private_key,
        )

        authenticate_request.additional_properties = d
        return authenticate_request

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
