from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, read_required, require_object

if TYPE_CHECKING:
    from ..models.generic_error_response_meta import GenericErrorResponseMeta


T = TypeVar("T", bound="GenericErrorResponse")


@_attrs_define
class GenericErrorResponse:
    """
    Attributes:
        message (str):
        validations (list[str] | Unset):
        code (int | Unset): The HTTP status code.
        term (str | Unset): A general error term.
        field_meta (GenericErrorResponseMeta | Unset):
    """

    message: str
    validations: list[str] | Unset = UNSET
    code: int | Unset = UNSET
    term: str | Unset = UNSET
    field_meta: GenericErrorResponseMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        validations: list[str] | Unset = UNSET
        if not isinstance(self.validations, Unset):
            validations = self.validations

        code = self.code

        term = self.term

        field_meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_meta, Unset):
            field_meta = self.field_meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if validations is not UNSET:
            field_dict["validations"] = validations
        if code is not UNSET:
            field_dict["code"] = code
        if term is not UNSET:
            field_dict["term"] = term
        if field_meta is not UNSET:
            field_dict["_meta"] = field_meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generic_error_response_meta import GenericErrorResponseMeta  # noqa: PLC0415

        d = dict(require_object(src_dict, "GenericErrorResponse"))
        message = read_required(d, "message", "GenericErrorResponse")

        validations = cast(list[str], read_optional(d.pop("validations", UNSET), "GenericErrorResponse", "validations"))

        code = read_optional(d.pop("code", UNSET), "GenericErrorResponse", "code")

        term = read_optional(d.pop("term", UNSET), "GenericErrorResponse", "term")

        _field_meta = read_optional(d.pop("_meta", UNSET), "GenericErrorResponse", "_meta")
        field_meta: GenericErrorResponseMeta | Unset
        if isinstance(_field_meta, Unset):
            field_meta = UNSET
        else:
            field_meta = GenericErrorResponseMeta.from_dict(_field_meta)

        generic_error_response = cls(
            message=message,
            validations=validations,
            code=code,
            term=term,
            field_meta=field_meta,
        )

        generic_error_response.additional_properties = d
        return generic_error_response

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
