from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.registration_status import RegistrationStatus
from ..types import UNSET, Unset, read_optional, read_required, require_object

T = TypeVar("T", bound="Registration")


@_attrs_define
class Registration:
    """A registration. Fields with no value set are omitted (never null).

    Attributes:
        id (str): The registration's unique identifier.
        user_id (str): The registered user.
        offering_id (str): The offering the user is registered into.
        status (RegistrationStatus): `active` while the user is taking the course; `passed`/`failed` on completion or
            grading; `ejected` after an eject.
        title (str | Unset): The offering's title.
        grade (float | Unset): The grade in percent. Compare `status`, not the grade, to tell pass from fail.
        grader_id (str | Unset): The user who assigned the grade; absent when the grade was computed automatically.
        grader_comment (str | Unset): The grader's comment.
        created_date (datetime.datetime | Unset):
        begin_date (datetime.datetime | Unset):
        last_active_date (datetime.datetime | Unset):
        end_date (datetime.datetime | Unset):
    """

    id: str
    user_id: str
    offering_id: str
    status: RegistrationStatus
    title: str | Unset = UNSET
    grade: float | Unset = UNSET
    grader_id: str | Unset = UNSET
    grader_comment: str | Unset = UNSET
    created_date: datetime.datetime | Unset = UNSET
    begin_date: datetime.datetime | Unset = UNSET
    last_active_date: datetime.datetime | Unset = UNSET
    end_date: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        offering_id = self.offering_id

        status = self.status.value

        title = self.title

        grade = self.grade

        grader_id = self.grader_id

        grader_comment = self.grader_comment

        created_date: str | Unset = UNSET
        if not isinstance(self.created_date, Unset):
            created_date = self.created_date.isoformat()

        begin_date: str | Unset = UNSET
        if not isinstance(self.begin_date, Unset):
            begin_date = self.begin_date.isoformat()

        last_active_date: str | Unset = UNSET
        if not isinstance(self.last_active_date, Unset):
            last_active_date = self.last_active_date.isoformat()

        end_date: str | Unset = UNSET
        if not isinstance(self.end_date, Unset):
            end_date = self.end_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "userId": user_id,
                "offeringId": offering_id,
                "status": status,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if grade is not UNSET:
            field_dict["grade"] = grade
        if grader_id is not UNSET:
            field_dict["graderId"] = grader_id
        if grader_comment is not UNSET:
            field_dict["graderComment"] = grader_comment
        if created_date is not UNSET:
            field_dict["createdDate"] = created_date
        if begin_date is not UNSET:
            field_dict["beginDate"] = begin_date
        if last_active_date is not UNSET:
            field_dict["lastActiveDate"] = last_active_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "Registration"))
        id = read_required(d, "id", "Registration")

        user_id = read_required(d, "userId", "Registration")

        offering_id = read_required(d, "offeringId", "Registration")

        status = RegistrationStatus(read_required(d, "status", "Registration"))

        title = read_optional(d.pop("title", UNSET), "Registration", "title")

        grade = read_optional(d.pop("grade", UNSET), "Registration", "grade")

        grader_id = read_optional(d.pop("graderId", UNSET), "Registration", "graderId")

        grader_comment = read_optional(d.pop("graderComment", UNSET), "Registration", "graderComment")

        _created_date = read_optional(d.pop("createdDate", UNSET), "Registration", "createdDate")
        created_date: datetime.datetime | Unset
        if isinstance(_created_date, Unset):
            created_date = UNSET
        else:
            created_date = datetime.datetime.fromisoformat(_created_date)

        _begin_date = read_optional(d.pop("beginDate", UNSET), "Registration", "beginDate")
        begin_date: datetime.datetime | Unset
        if isinstance(_begin_date, Unset):
            begin_date = UNSET
        else:
            begin_date = datetime.datetime.fromisoformat(_begin_date)

        _last_active_date = read_optional(d.pop("lastActiveDate", UNSET), "Registration", "lastActiveDate")
        last_active_date: datetime.datetime | Unset
        if isinstance(_last_active_date, Unset):
            last_active_date = UNSET
        else:
            last_active_date = datetime.datetime.fromisoformat(_last_active_date)

        _end_date = read_optional(d.pop("endDate", UNSET), "Registration", "endDate")
        end_date: datetime.datetime | Unset
        if isinstance(_end_date, Unset):
            end_date = UNSET
        else:
            end_date = datetime.datetime.fromisoformat(_end_date)

        registration = cls(
            id=id,
            user_id=user_id,
            offering_id=offering_id,
            status=status,
            title=title,
            grade=grade,
            grader_id=grader_id,
            grader_comment=grader_comment,
            created_date=created_date,
            begin_date=begin_date,
            last_active_date=last_active_date,
            end_date=end_date,
        )

        registration.additional_properties = d
        return registration

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
