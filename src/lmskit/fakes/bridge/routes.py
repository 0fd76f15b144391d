"""Bridge program enrollments, as documented: every list filter, soft delete, sort with a `-` prefix,
search over name/uid/email and cursor paging through meta.next."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.errors import ApiError
from lmskit.fakes.paging import decode_cursor, encode_cursor, page_url
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

DEFAULT_LIMIT = 50
_SORT_COLUMNS = {
    "name": "u.last_name || ' ' || u.first_name",
    "progress": "CAST(e.current_item_index AS REAL) / MAX(p.total_items, 1)",
    "course_due_date": "COALESCE(e.end_at, '9999')",
    "due_date": "COALESCE(e.end_at, '9999')",
    "renew_date": "COALESCE(e.expires_at, '9999')",
}
_TIME_FILTERS = {
    "updated_after": ("e.updated_at", ">"),
    "updated_before": ("e.updated_at", "<"),
    "created_after": ("e.created_at", ">"),
    "created_before": ("e.created_at", "<"),
    "deleted_after": ("e.deleted_at", ">"),
    "deleted_before": ("e.deleted_at", "<"),
}
_SELECT = (
    "SELECT e.*, u.first_name, u.last_name, u.uid, u.email, u.avatar_url, p.total_items "
    "FROM bridge_enrollments e JOIN bridge_users u ON u.id = e.user_id JOIN bridge_programs p ON p.id = e.program_id"
)


def enrollment_json(row: dict[str, Any], now: datetime, *, show_deleted: bool) -> dict[str, Any]:
    """A stored row → ProgramEnrollmentResponse, serialised as Bridge's Rails serialisers do: ids quoted, every
    attribute present, null when unset (``deleted_at`` only when deleted records were asked for)."""
    program_due = _days_until(row["end_at"], now)
    fields: dict[str, Any] = {
        "id": str(row["user_id"]),
        "name": f"{row['first_name']} {row['last_name']}",
        "email": row["email"],
        "avatar_url": row["avatar_url"],
        "state": row["state"],
        "enrollment_id": str(row["id"]),
        "current_program_item_index": row["current_item_index"],
        "total_program_items": row["total_items"],
        "current_program_item_due": program_due,
        "pending_approval_item_count": row["pending_approval"],
        "program_due": program_due,
        "group_ids": json.loads(row["group_ids"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "end_at": row["end_at"],
        "expires_at": row["expires_at"],
        "completed_at": row["completed_at"],
    }
    if show_deleted:
        fields["deleted_at"] = row["deleted_at"]
    return fields


def _days_until(stamp: str | None, now: datetime) -> int | None:
    return None if stamp is None else (dates.parse(stamp) - now).days


def _program(store: Store, program_id: int) -> None:
    if store.row("SELECT 1 FROM bridge_programs WHERE id = ?", [program_id]) is None:
        raise not_found("Program")


def list_enrollments(call: Call) -> Reply:
    program_id = call.path["program_id"]
    _program(call.store, program_id)
    query = call.query
    clauses = ["e.program_id = ?"]
    parameters: list[Any] = [program_id]
    if query.get("only_deleted"):
        clauses.append("e.deleted_at IS NOT NULL")
    elif not query.get("with_deleted"):
        clauses.append("e.deleted_at IS NULL")
    for name, (column, operator) in _TIME_FILTERS.items():
        if name in query:
            clauses.append(f"{column} {operator} ?")
            parameters.append(dates.to_text(dates.parse(str(query[name]))))
    if "user_id" in query:
        clauses.append("e.user_id = ?")
        parameters.append(query["user_id"])
    if query.get("search"):
        clauses.append("(u.first_name LIKE ? OR u.last_name LIKE ? OR u.uid LIKE ? OR u.email LIKE ?)")
        parameters.extend([f"%{query['search']}%"] * 4)
    sort = str(query.get("sort", "name"))
    descending = sort.startswith("-")
    order = f"{_SORT_COLUMNS[sort.lstrip('-')]} {'DESC' if descending else 'ASC'}, e.id ASC"
    limit = int(query.get("limit", DEFAULT_LIMIT))
    filters = {key: value for key, value in query.items() if key not in ("after", "limit")}
    fingerprint = hashlib.sha256(json.dumps([program_id, filters], sort_keys=True, default=str).encode()).hexdigest()[
        :16
    ]
    offset = decode_cursor(str(query["after"]), fingerprint, call.secret) if "after" in query else 0
    rows = call.store.rows(
        f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ? OFFSET ?",
        [*parameters, limit + 1, offset],
    )
    show_deleted = bool(query.get("only_deleted") or query.get("with_deleted"))
    meta: dict[str, Any] = {}
    if len(rows) > limit:
        next_query = {
            **{k: v for k, v in query.items() if k != "after"},
            "after": encode_cursor(offset + limit, fingerprint, call.secret),
        }
        meta["next"] = page_url(call.base_url, f"/api/author/programs/{program_id}/learners", next_query)
    return Reply(
        200,
        {"meta": meta, "enrollments": [enrollment_json(r, call.now, show_deleted=show_deleted) for r in rows[:limit]]},
    )


def enroll(call: Call) -> Reply:
    program_id = call.path["program_id"]
    now = dates.to_text(call.now)
    with call.store.transaction() as db:
        if db.execute("SELECT 1 FROM bridge_programs WHERE id = ?", [program_id]).fetchone() is None:
            raise not_found("Program")
        for item in call.body["enrollments"]:
            if "user_id" in item:
                members: list[tuple[int, list[str]]] = [(item["user_id"], [])]
                if db.execute("SELECT 1 FROM bridge_users WHERE id = ?", [item["user_id"]]).fetchone() is None:
                    raise ApiError(422, f"user {item['user_id']} does not exist", "user_id", "not_found")
            else:
                group = item["group_id"]
                found = db.execute("SELECT user_id FROM bridge_group_members WHERE group_id = ?", [group]).fetchall()
                if db.execute("SELECT 1 FROM bridge_groups WHERE id = ?", [group]).fetchone() is None:
                    raise ApiError(422, f"group {group} does not exist", "group_id", "not_found")
                members = [(row["user_id"], [str(group)]) for row in found]
            for user_id, group_ids in members:
                taken = db.execute(
                    "SELECT 1 FROM bridge_enrollments WHERE program_id = ? AND user_id = ? AND deleted_at IS NULL",
                    [program_id, user_id],
                ).fetchone()
                if taken is not None:
                    raise ApiError(422, f"user {user_id} is already enrolled in this program", "user_id", "taken")
                db.execute(
                    "INSERT INTO bridge_enrollments (program_id, user_id, group_ids, end_at, expires_at,"
                    " created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        program_id,
                        user_id,
                        json.dumps(group_ids),
                        _optional_time(item.get("end_at")),
                        _optional_time(item.get("expires_at")),
                        now,
                        now,
                    ],
                )
    return Reply.empty(204)


def _optional_time(value: Any) -> str | None:
    return None if value is None else dates.normalise(str(value))


def update(call: Call) -> Reply:
    program_id, enrollment_id = call.path["program_id"], call.path["id"]
    changes = call.body["enrollments"][0]
    # One UPDATE, atomic on its own (no SELECT, BEGIN or COMMIT around it): a field the request leaves out keeps
    # its value, and no row changed means no live enrollment of this program has the id.
    changed = call.store.execute(
        "UPDATE bridge_enrollments SET end_at = CASE WHEN ?1 THEN ?2 ELSE end_at END,"
        " expires_at = CASE WHEN ?3 THEN ?4 ELSE expires_at END, updated_at = ?5"
        " WHERE id = ?6 AND program_id = ?7 AND deleted_at IS NULL",
        [
            "end_at" in changes,
            _optional_time(changes.get("end_at")),
            "expires_at" in changes,
            _optional_time(changes.get("expires_at")),
            dates.to_text(call.now),
            enrollment_id,
            program_id,
        ],
    )
    if not changed:
        raise not_found("Program enrollment")
    row = call.store.row(f"{_SELECT} WHERE e.id = ?", [enrollment_id])
    return Reply(200, {"meta": {}, "enrollments": [enrollment_json(row or {}, call.now, show_deleted=False)]})


def delete(call: Call) -> Reply:
    program_id, enrollment_id = call.path["program_id"], call.path["id"]
    with call.store.transaction() as db:
        changed = db.execute(
            "UPDATE bridge_enrollments SET deleted_at = ?, updated_at = ? WHERE id = ? AND program_id = ? AND"
            " deleted_at IS NULL",
            [dates.to_text(call.now), dates.to_text(call.now), enrollment_id, program_id],
        ).rowcount
    if not changed:
        raise not_found("Program enrollment")
    return Reply.empty(204)


HANDLERS = {
    "listProgramEnrollments": list_enrollments,
    "enrollProgramLearners": enroll,
    "updateProgramEnrollment": update,
    "replaceProgramEnrollment": update,
    "deleteProgramEnrollment": delete,
}


def advance(store: Store, body: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Control API: ``{"enrollmentId": 7, "steps": 1}`` moves the learner on; reaching the last step completes."""
    enrollment_id = int(body["enrollmentId"])
    stamp = dates.to_text(now)
    with store.transaction() as db:
        row = db.execute(
            "SELECT e.current_item_index, p.total_items FROM bridge_enrollments e "
            "JOIN bridge_programs p ON p.id = e.program_id WHERE e.id = ? AND e.deleted_at IS NULL",
            [enrollment_id],
        ).fetchone()
        if row is None:
            raise not_found("Program enrollment")
        index = min(row["current_item_index"] + int(body.get("steps", 1)), row["total_items"])
        complete = bool(body.get("complete")) or index >= row["total_items"]
        db.execute(
            "UPDATE bridge_enrollments SET current_item_index = ?, state = ?, completed_at = ?, updated_at = ?"
            " WHERE id = ?",
            [
                row["total_items"] if complete else index,
                "complete" if complete else "active",
                stamp if complete else None,
                stamp,
                enrollment_id,
            ],
        )
    found = store.row(f"{_SELECT} WHERE e.id = ?", [enrollment_id])
    return enrollment_json(found or {}, now, show_deleted=True)
