from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_enrollment_state import ProgramEnrollmentState
from ..types import UNSET, Unset, read_optional, read_required, require_object

T = TypeVar("T", bound="ProgramEnrollmentResponse")


@_attrs_define
class ProgramEnrollmentResponse:
    """One learner's enrollment in a program. Unset values are null.

    Attributes:
        id (int | str): A Bridge record id. Bridge's serialisers quote it (`"42"`); the docs say Integer. Both are
            accepted.
        name (str | Unset): Name of the learner.
        email (None | str | Unset): Email of the learner.
        avatar_url (None | str | Unset): URL of the avatar image.
        state (ProgramEnrollmentState | Unset): Current state of the enrollment.
        enrollment_id (int | str | Unset): A Bridge record id. Bridge's serialisers quote it (`"42"`); the docs say
            Integer. Both are accepted.
        current_program_item_index (int | Unset): The program step the learner is on.
        total_program_items (int | Unset): Total number of steps in the program.
        current_program_item_due (int | None | Unset): Days until the current course is due.
        pending_approval_item_count (int | Unset): Program items pending approval.
        program_due (int | None | Unset): Days until the program is due.
        group_ids (list[str] | Unset): Group ids associated with this learner's enrollment (documented as String[]).
        created_at (datetime.datetime | Unset): When the enrollment was created (documented as String; the content is a
            timestamp).
        updated_at (datetime.datetime | Unset): When the enrollment was last updated (documented as String).
        deleted_at (datetime.datetime | None | Unset): When the enrollment was deleted. Only present if deleted records
            were requested.
        end_at (datetime.datetime | None | Unset): Due date of the enrollment.
        expires_at (datetime.datetime | None | Unset): Expiry date of the enrollment.
        completed_at (datetime.datetime | None | Unset): Completion date of the enrollment.
        program_items_complete (int | Unset): Program steps completed (2017 serialiser; not in today's docs).
        current_course_index (int | Unset): The course step the learner is on (2017 serialiser; today
            current_program_item_index).
        courses_complete (int | Unset): Courses completed (2017 serialiser; not in today's docs).
        total_courses (int | Unset): Courses in the program (2017 serialiser; today total_program_items).
        current_course_due (int | None | Unset): Days until the current course is due (2017 serialiser; today
            current_program_item_due).
    """

    id: int | str
    name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    avatar_url: None | str | Unset = UNSET
    state: ProgramEnrollmentState | Unset = UNSET
    enrollment_id: int | str | Unset = UNSET
    current_program_item_index: int | Unset = UNSET
    total_program_items: int | Unset = UNSET
    current_program_item_due: int | None | Unset = UNSET
    pending_approval_item_count: int | Unset = UNSET
    program_due: int | None | Unset = UNSET
    group_ids: list[str] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    end_at: datetime.datetime | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    program_items_complete: int | Unset = UNSET
    current_course_index: int | Unset = UNSET
    courses_complete: int | Unset = UNSET
    total_courses: int | Unset = UNSET
    current_course_due: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str
        id = self.id

        name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        avatar_url: None | str | Unset
        if isinstance(self.avatar_url, Unset):
            avatar_url = UNSET
        else:
            avatar_url = self.avatar_url

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        enrollment_id: int | str | Unset
        if isinstance(self.enrollment_id, Unset):
            enrollment_id = UNSET
        else:
            enrollment_id = self.enrollment_id

        current_program_item_index = self.current_program_item_index

        total_program_items = self.total_program_items

        current_program_item_due: int | None | Unset
        if isinstance(self.current_program_item_due, Unset):
            current_program_item_due = UNSET
        else:
            current_program_item_due = self.current_program_item_due

        pending_approval_item_count = self.pending_approval_item_count

        program_due: int | None | Unset
        if isinstance(self.program_due, Unset):
            program_due = UNSET
        else:
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

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        end_at: None | str | Unset
        if isinstance(self.end_at, Unset):
            end_at = UNSET
        elif isinstance(self.end_at, datetime.datetime):
            end_at = self.end_at.isoformat()
        else:
            end_at = self.end_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        program_items_complete = self.program_items_complete

        current_course_index = self.current_course_index

        courses_complete = self.courses_complete

        total_courses = self.total_courses

        current_course_due: int | None | Unset
        if isinstance(self.current_course_due, Unset):
            current_course_due = UNSET
        else:
            current_course_due = self.current_course_due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
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
        if enrollment_id is not UNSET:
            field_dict["enrollment_id"] = enrollment_id
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
        if program_items_complete is not UNSET:
            field_dict["program_items_complete"] = program_items_complete
        if current_course_index is not UNSET:
            field_dict["current_course_index"] = current_course_index
        if courses_complete is not UNSET:
            field_dict["courses_complete"] = courses_complete
        if total_courses is not UNSET:
            field_dict["total_courses"] = total_courses
        if current_course_due is not UNSET:
            field_dict["current_course_due"] = current_course_due

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(require_object(src_dict, "ProgramEnrollmentResponse"))

        def _parse_id(data: object) -> int | str:
            return cast(int | str, data)

        id = _parse_id(read_required(d, "id", "ProgramEnrollmentResponse"))

        name = read_optional(d.pop("name", UNSET), "ProgramEnrollmentResponse", "name")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_avatar_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        avatar_url = _parse_avatar_url(d.pop("avatar_url", UNSET))

        _state = read_optional(d.pop("state", UNSET), "ProgramEnrollmentResponse", "state")
        state: ProgramEnrollmentState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = ProgramEnrollmentState(_state)

        def _parse_enrollment_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        enrollment_id = _parse_enrollment_id(
            read_optional(d.pop("enrollment_id", UNSET), "ProgramEnrollmentResponse", "enrollment_id")
        )

        current_program_item_index = read_optional(
            d.pop("current_program_item_index", UNSET), "ProgramEnrollmentResponse", "current_program_item_index"
        )

        total_program_items = read_optional(
            d.pop("total_program_items", UNSET), "ProgramEnrollmentResponse", "total_program_items"
        )

        def _parse_current_program_item_due(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current_program_item_due = _parse_current_program_item_due(d.pop("current_program_item_due", UNSET))

        pending_approval_item_count = read_optional(
            d.pop("pending_approval_item_count", UNSET), "ProgramEnrollmentResponse", "pending_approval_item_count"
        )

        def _parse_program_due(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        program_due = _parse_program_due(d.pop("program_due", UNSET))

        group_ids = cast(list[str], read_optional(d.pop("group_ids", UNSET), "ProgramEnrollmentResponse", "group_ids"))

        _created_at = read_optional(d.pop("created_at", UNSET), "ProgramEnrollmentResponse", "created_at")
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = read_optional(d.pop("updated_at", UNSET), "ProgramEnrollmentResponse", "updated_at")
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)

                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))

        def _parse_end_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_at_type_0 = datetime.datetime.fromisoformat(data)

                return end_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_at = _parse_end_at(d.pop("end_at", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        program_items_complete = read_optional(
            d.pop("program_items_complete", UNSET), "ProgramEnrollmentResponse", "program_items_complete"
        )

        current_course_index = read_optional(
            d.pop("current_course_index", UNSET), "ProgramEnrollmentResponse", "current_course_index"
        )

        courses_complete = read_optional(
            d.pop("courses_complete", UNSET), "ProgramEnrollmentResponse", "courses_complete"
        )

        total_courses = read_optional(d.pop("total_courses", UNSET), "ProgramEnrollmentResponse", "total_courses")

        def _parse_current_course_due(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current_course_due = _parse_current_course_due(d.pop("current_course_due", UNSET))

        program_enrollment_response = cls(
            id=id,
            name=name,
            email=email,
            avatar_url=avatar_url,
            state=state,
            enrollment_id=enrollment_id,
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
            program_items_complete=program_items_complete,
            current_course_index=current_course_index,
            courses_complete=courses_complete,
            total_courses=total_courses,
            current_course_due=current_course_due,
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
