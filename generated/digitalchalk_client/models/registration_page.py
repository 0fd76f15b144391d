from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, read_required, require_object

if TYPE_CHECKING:
    from ..models.registration import Registration


T = TypeVar("T", bound="RegistrationPage")


@_attrs_define
class RegistrationPage:
    """
    Attributes:
        results (list[Registration]):
        next_ (str | Unset): The same request with `offset` moved to the next page; absent on the last page.
        prev (str | Unset): The same request with `offset` moved to the previous page; absent on the first page.
        previous (str | Unset): The link to the previous page, by the name DigitalChalk's own code reads; absent on the
            first page.
    """

    results: list[Registration]
    next_: str | Unset = UNSET
    prev: str | Unset = UNSET
    previous: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        next_ = self.next_

        prev = self.prev

        previous = self.previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if prev is not UNSET:
            field_dict["prev"] = prev
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registration import Registration  # noqa: PLC0415

        d = dict(require_object(src_dict, "RegistrationPage"))
        results = []
        _results = read_required(d, "results", "RegistrationPage")
        for results_item_data in _results:
            results_item = Registration.from_dict(results_item_data)

            results.append(results_item)

        next_ = read_optional(d.pop("next", UNSET), "RegistrationPage", "next")

        prev = read_optional(d.pop("prev", UNSET), "RegistrationPage", "prev")

        previous = read_optional(d.pop("previous", UNSET), "RegistrationPage", "previous")

        registration_page = cls(
            results=results,
            next_=next_,
            prev=prev,
            previous=previous,
        )

        registration_page.additional_properties = d
        return registration_page

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
