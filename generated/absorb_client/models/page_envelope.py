from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import read_required, require_object

T = TypeVar("T", bound="PageEnvelope")


@_attrs_define
class PageEnvelope:
    """
    Attributes:
        total_items (int): The total number of items in the unbounded collection.
        returned_items (int): The number of items in this page.
        limit (int): The current page size.
        offset (int): The current page index.
    """

    total_items: int
    returned_items: int
    limit: int
    offset: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_items = self.total_items

        returned_items = self.returned_items

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalItems": total_items,
                "returnedItems": returned_items,
                "limit": limit,
                "offset": offset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "PageEnvelope"))
        total_items = read_required(d, "totalItems", "PageEnvelope")

        returned_items = read_required(d, "returnedItems", "PageEnvelope")

        limit = read_required(d, "limit", "PageEnvelope")

        offset = read_required(d, "offset", "PageEnvelope")

        page_envelope = cls(
            total_items=total_items,
            returned_items=returned_items,
            limit=limit,
            offset=offset,
        )

        page_envelope.additional_properties = d
        return page_envelope

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
