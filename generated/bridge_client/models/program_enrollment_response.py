from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_enrollment_state import ProgramEnrollmentState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProgramEnrollmentResponse")


@_attrs_define
class ProgramEnrollmentResponse:
    """One learner's enrollment in a program. Fields with no value are omitted.

    Attributes:
        id (int): User id of the learner.
        enrollment_id (int): The enrollment's id.
        name (str | Unset): Name of the learner.
        email (str | Unset): Email of the learner.
        avatar_url (str | Unset): URL of the avatar image.
        state (ProgramEnrollmentState | Unset): Current state of the enrollment.
        current_program_item_index (int | Unset): The program step the learner is on.
        total_program_items (int | Unset): Total number of steps in the program.
        current_program_item_due (int | Unset): Days until the current course is due.
        pending_approval_item_count (int | Unset): Program items pending approval.
        program_due (int | Unset): Days until the program is due.
        group_ids (list[str] | Unset): Group ids associated with this learner's enrollment (documented as String[]).
        created_at (datetime.datetime | Unset): When the enrollment was created (documented as String; the content is a
            timestamp).
        updated_at (datetime.datetime | Unset): When the enrollment was last updated (documented as String).
        deleted_at (datetime.datetime | Unset): When the enrollment was deleted. Only present if deleted records were
            requested.
        end_at (datetime.datetime | Unset): Due date of the enrollment.
        expires_at (datetime.datetime | Unset): Expiry date of the enrollment.
        completed_at (datetime.datetime | Unset): Completion date of the enrollment.
    """

    id: int
    enrollment_id: int
    name: str | Unset = UNSET
    email: str | Unset = UNSET
    avatar_url: str | Unset = UNSET
    state: ProgramEnrollmentState | Unset = UNSET
    current_program_item_index: int | Unset = UNSET
    total_program_items: int | Unset = UNSET
    current_program_item_due: int | Unset = UNSET
    pending_approval_item_count: int | Unset = UNSET
    program_due: int | Unset = UNSET
    group_ids: list[str] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | Unset = UNSET
    end_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        enrollment_id = self.enrollment_id

        name = self.name

        email = self.email

        avatar_url = self.avatar_url

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        current_program_item_index = self.current_program_item_index

        total_program_items = self.total_program_items

        current_program_item_due = self.current_program_item_due

        pending_approval_item_count = self.pending_approval_item_count

        program_due = self.program_due

        group_ids: list[str] | Unset = UNSET
        if not isinstance(self.group_ids, Unset):
            group_ids = self.group_ids

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        deleted_at: str | Unset = UNSET
        if not isinstance(self.deleted_at, Unset):
            deleted_at = self.deleted_at.isoformat()

        end_at: str | Unset = UNSET
        if not isinstance(self.end_at, Unset):
            end_at = self.end_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "enrollment_id": enrollment_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if avatar_url is not UNSET:
            field_dict["avatar_url"] = avatar_url
        if state is not UNSET:
            field_dict["state"] = state
        if current_program_item_index is not UNSET:
            field_dict["current_program_item_index"] = current_program_item_index
        if total_program_items is not UNSET:
            field_dict["total_program_items"] = total_program_items
        if current_program_item_due is not UNSET:
            field_dict["current_program_item_due"] = current_program_item_due
        if pending_approval_item_count is not UNSET:
            field_dict["pending_approval_item_count"] = pending_approval_item_count
        if program_due is not UNSET:
            field_dict["program_due"] = program_due
        if group_ids is not UNSET:
            field_dict["group_ids"] = group_ids
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if end_at is not UNSET:
            field_dict["end_at"] = end_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        enrollment_id = d.pop("enrollment_id")

        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        avatar_url = d.pop("avatar_url", UNSET)

        _state = d.pop("state", UNSET)
        state: ProgramEnrollmentState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = ProgramEnrollmentState(_state)

        current_program_item_index = d.pop("current_program_item_index", UNSET)

        total_program_items = d.pop("total_program_items", UNSET)

        current_program_item_due = d.pop("current_program_item_due", UNSET)

        pending_approval_item_count = d.pop("pending_approval_item_count", UNSET)

        program_due = d.pop("program_due", UNSET)

        group_ids = cast(list[str], d.pop("group_ids", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _deleted_at = d.pop("deleted_at", UNSET)
        deleted_at: datetime.datetime | Unset
        if isinstance(_deleted_at, Unset):
            deleted_at = UNSET
        else:
            deleted_at = datetime.datetime.fromisoformat(_deleted_at)

        _end_at = d.pop("end_at", UNSET)
        end_at: datetime.datetime | Unset
        if isinstance(_end_at, Unset):
            end_at = UNSET
        else:
            end_at = datetime.datetime.fromisoformat(_end_at)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: datetime.datetime | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = datetime.datetime.fromisoformat(_completed_at)

        program_enrollment_response = cls(
            id=id,
            enrollment_id=enrollment_id,
            name=name,
            email=email,
            avatar_url=avatar_url,
            state=state,
            current_program_item_index=current_program_item_index,
            total_program_items=total_program_items,
            current_program_item_due=current_program_item_due,
            pending_approval_item_count=pending_approval_item_count,
            program_due=program_due,
            group_ids=group_ids,
            created_at=created_at,
            updated_at=updated_at,
            deleted_at=deleted_at,
            end_at=end_at,
            expires_at=expires_at,
            completed_at=completed_at,
        )

        program_enrollment_response.additional_properties = d
        return program_enrollment_response

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
