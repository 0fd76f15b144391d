from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attempt_status import AttemptStatus
from ..types import UNSET, Unset, read_optional, read_required, require_object

T = TypeVar("T", bound="FinishAttemptRequest")


@_attrs_define
class FinishAttemptRequest:
    """
    Attributes:
        status (AttemptStatus): 1 InProgress, 3 Complete, 5 Failed (the enrollment status values of the same number).
        score (float | Unset): The attempt's score.
        start_date (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
        completion_date (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
    """

    status: AttemptStatus
    score: float | Unset = UNSET
    start_date: datetime.datetime | Unset = UNSET
    completion_date: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        score = self.score

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        completion_date: str | Unset = UNSET
        if not isinstance(self.completion_date, Unset):
            completion_date = self.completion_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if score is not UNSET:
            field_dict["score"] = score
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if completion_date is not UNSET:
            field_dict["completionDate"] = completion_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "FinishAttemptRequest"))
        status = AttemptStatus(read_required(d, "status", "FinishAttemptRequest"))

        score = read_optional(d.pop("score", UNSET), "FinishAttemptRequest", "score")

        _start_date = read_optional(d.pop("startDate", UNSET), "FinishAttemptRequest", "startDate")
        start_date: datetime.datetime | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.datetime.fromisoformat(_start_date)

        _completion_date = read_optional(d.pop("completionDate", UNSET), "FinishAttemptRequest", "completionDate")
        completion_date: datetime.datetime | Unset
        if isinstance(_completion_date, Unset):
            completion_date = UNSET
        else:
            completion_date = datetime.datetime.fromisoformat(_completion_date)

        finish_attempt_request = cls(
            status=status,
            score=score,
            start_date=start_date,
            completion_date=completion_date,
        )

        finish_attempt_request.additional_properties = d
        return finish_attempt_request

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
