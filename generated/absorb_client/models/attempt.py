from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attempt_status import AttemptStatus
from ..types import UNSET, Unset, read_optional, require_object

T = TypeVar("T", bound="Attempt")


@_attrs_define
class Attempt:
    """
    Attributes:
        id (UUID | Unset): The unique attempt identifier.
        time_spent_ticks (int | Unset): The attempt's time spent in .NET ticks.
        status (AttemptStatus | Unset): 1 InProgress, 3 Complete, 5 Failed (the enrollment status values of the same
            number).
        score (float | None | Unset): The attempt's score.
        start_date (datetime.datetime | Unset): A .NET DateTime: an RFC 3339 date and time with up to 7 fractional
            digits, with or without a UTC offset
            (`2026-01-15T10:00:00`, `2026-01-15T10:00:00.1234567`, `2019-08-24T14:15:22Z`). The pattern is
            calendar-exact (month lengths, leap years, years 0001-9999). The generated client reads it as a
            `datetime`, naive when the vendor sent no offset.
        completion_date (datetime.datetime | None | Unset): The attempt's completion date.
    """

    id: UUID | Unset = UNSET
    time_spent_ticks: int | Unset = UNSET
    status: AttemptStatus | Unset = UNSET
    score: float | None | Unset = UNSET
    start_date: datetime.datetime | Unset = UNSET
    completion_date: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        time_spent_ticks = self.time_spent_ticks

        status: int | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        completion_date: None | str | Unset
        if isinstance(self.completion_date, Unset):
            completion_date = UNSET
        elif isinstance(self.completion_date, datetime.datetime):
            completion_date = self.completion_date.isoformat()
        else:
            completion_date = self.completion_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if time_spent_ticks is not UNSET:
            field_dict["timeSpentTicks"] = time_spent_ticks
        if status is not UNSET:
            field_dict["status"] = status
        if score is not UNSET:
            field_dict["score"] = score
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if completion_date is not UNSET:
            field_dict["completionDate"] = completion_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "Attempt"))
        _id = read_optional(d.pop("id", UNSET), "Attempt", "id")
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        time_spent_ticks = read_optional(d.pop("timeSpentTicks", UNSET), "Attempt", "timeSpentTicks")

        _status = read_optional(d.pop("status", UNSET), "Attempt", "status")
        status: AttemptStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AttemptStatus(_status)

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        _start_date = read_optional(d.pop("startDate", UNSET), "Attempt", "startDate")
        start_date: datetime.datetime | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.datetime.fromisoformat(_start_date)

        def _parse_completion_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completion_date_type_0 = datetime.datetime.fromisoformat(data)

                return completion_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completion_date = _parse_completion_date(d.pop("completionDate", UNSET))

        attempt = cls(
            id=id,
            time_spent_ticks=time_spent_ticks,
            status=status,
            score=score,
            start_date=start_date,
            completion_date=completion_date,
        )

        attempt.additional_properties = d
        return attempt

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
