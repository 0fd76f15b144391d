from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, read_optional, require_object

if TYPE_CHECKING:
    from ..models.error_field_errors import ErrorFieldErrors


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Validation errors: general messages in `errors`, per-field messages in `fieldErrors`.

    Attributes:
        errors (list[str] | Unset):
        field_errors (ErrorFieldErrors | Unset):
        error (str | Unset): OAuth-style error code (authentication failures).
        error_description (str | Unset):
    """

    errors: list[str] | Unset = UNSET
    field_errors: ErrorFieldErrors | Unset = UNSET
    error: str | Unset = UNSET
    error_description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        field_errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_errors, Unset):
            field_errors = self.field_errors.to_dict()

        error = self.error

        error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if errors is not UNSET:
            field_dict["errors"] = errors
        if field_errors is not UNSET:
            field_dict["fieldErrors"] = field_errors
        if error is not UNSET:
            field_dict["error"] = error
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_field_errors import ErrorFieldErrors  # noqa: PLC0415

        d = dict(require_object(src_dict, "Error"))
        errors = cast(list[str], read_optional(d.pop("errors", UNSET), "Error", "errors"))

        _field_errors = read_optional(d.pop("fieldErrors", UNSET), "Error", "fieldErrors")
        field_errors: ErrorFieldErrors | Unset
        if isinstance(_field_errors, Unset):
            field_errors = UNSET
        else:
            field_errors = ErrorFieldErrors.from_dict(_field_errors)

        error = read_optional(d.pop("error", UNSET), "Error", "error")

        error_description = read_optional(d.pop("error_description", UNSET), "Error", "error_description")

        error = cls(
            errors=errors,
            field_errors=field_errors,
            error=error,
            error_description=error_description,
        )

        error.additional_properties = d
        return error

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
