"""What the Absorb fake's resources share: statuses, the settable fields, the joined selects, lookups that
answer 404 in Absorb's words, and the OData filtering, sorting and paging every list uses."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.absorb.odata import FilterError, parse_filter, parse_sort
from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

COMPLETE, IN_PROGRESS, NOT_STARTED, FAILED = 3, 1, 0, 5
ATTEMPT_TO_LESSON_STATUS = {1: IN_PROGRESS, 3: COMPLETE, 5: FAILED}
SETTABLE = {
    "status": "status",
    "dateCompleted": "date_completed",
    "dateExpires": "date_expires",
    "courseVersionId": "course_version_id",
    "acceptedTermsAndConditions": "accepted_terms",
    "enrollmentKeyId": "enrollment_key_id",
    "credits": "credits",
    "score": "score",
}

ENROLLMENT_SELECT = (
    "SELECT e.*, c.name AS course_name, u.full_name, u.job_title, u.avatar FROM absorb_enrollments e "
    "JOIN absorb_courses c ON c.id = e.course_id JOIN absorb_users u ON u.id = e.user_id"
)
ACTIVITY_SELECT = (
    "SELECT a.*, e.user_id, u.full_name, COALESCE(l.name, ch.name, s.name) AS activity_name, l.kind AS activity_kind,"
    " (SELECT ce.id FROM absorb_activity_enrollments ce WHERE ce.enrollment_id = a.enrollment_id AND ce.kind ="
    " 'chapter'"
    "  AND ce.activity_id = a.chapter_id) AS chapter_enrollment_id"
    " FROM absorb_activity_enrollments a JOIN absorb_enrollments e ON e.id = a.enrollment_id"
    " JOIN absorb_users u ON u.id = e.user_id"
    " LEFT JOIN absorb_lessons l ON l.id = a.activity_id AND a.kind = 'lesson'"
    " LEFT JOIN absorb_chapters ch ON ch.id = a.activity_id AND a.kind = 'chapter'"
    " LEFT JOIN absorb_sessions s ON s.id = a.activity_id AND a.kind = 'session'"
)


# --- lookups ----------------------------------------------------------------------------------------


def require(db: sqlite3.Connection | Store, sql: str, parameters: list[Any], what: str) -> dict[str, Any]:
    row = db.row(sql, parameters) if isinstance(db, Store) else db.execute(sql, parameters).fetchone()
    if row is None:
        raise not_found(what)
    return dict(row)


def user_row(store: Store | sqlite3.Connection, user_id: str) -> dict[str, Any]:
    return require(store, "SELECT * FROM absorb_users WHERE id = ?", [user_id], "User")


def course_row(store: Store | sqlite3.Connection, course_id: str) -> dict[str, Any]:
    return require(store, "SELECT * FROM absorb_courses WHERE id = ?", [course_id], "Course")


def active_enrollment(store: Store, user_id: str, course_id: str) -> dict[str, Any]:
    user_row(store, user_id)
    course_row(store, course_id)
    return require(
        store,
        f"{ENROLLMENT_SELECT} WHERE e.user_id = ? AND e.course_id = ? AND e.is_active = 1",
        [user_id, course_id],
        "Enrollment",
    )


def me(call: Call) -> str:
    return str(call.principals["bearerToken"])


# --- filtering, sorting and paging ----------------------------------------------------------------------------


def single_filters(call: Call, item: dict[str, Any], date_field: str) -> dict[str, Any]:
    """The `status` and `modifiedSince` query filters, applied to one resource: no match is a 404."""
    if "status" in call.query and item.get("status") != call.query["status"]:
        raise not_found("Enrollment with that status")
    since = call.query.get("modifiedSince")
    if since is not None and item.get(date_field) and dates.parse(item[date_field]) < dates.parse(str(since)):
        raise not_found("Enrollment modified since that date")
    return item


def list_filters(call: Call, items: list[dict[str, Any]], date_field: str) -> list[dict[str, Any]]:
    if "status" in call.query:
        items = [item for item in items if item.get("status") == call.query["status"]]
    since = call.query.get("modifiedSince")
    if since is not None:
        moment = dates.parse(str(since))
        items = [item for item in items if item.get(date_field) and dates.parse(item[date_field]) >= moment]
    return items


def reply_page(
    call: Call, items: list[dict[str, Any]], fields: tuple[str, ...], collection: str, date_field: str
) -> Reply:
    """`_filter`, `_sort`, then `_limit` items on page `_offset` (a page index), in the documented envelope."""
    items = list_filters(call, items, date_field)
    try:
        if "_filter" in call.query:
            predicate = parse_filter(str(call.query["_filter"]), set(fields))
            items = [item for item in items if predicate(item)]
        if "_sort" in call.query:
            # Stable sorts from the last key to the first give a multi-key order.
            for name, descending in reversed(parse_sort(str(call.query["_sort"]), set(fields))):
                items.sort(key=field_sort_key(name), reverse=descending)
    except FilterError as exc:
        raise ApiError(
            400, f"Invalid _filter or _sort: {exc}", "_filter" if "_filter" in str(exc) else None, "BadRequest"
        ) from None
    limit = int(call.query.get("_limit", call.query.get("limit", 20)))
    offset = int(call.query.get("_offset", call.query.get("offset", 0)))
    page = items[offset * limit : offset * limit + limit]
    return Reply(
        200, {"totalItems": len(items), "returnedItems": len(page), "limit": limit, "offset": offset, collection: page}
    )


def field_sort_key(name: str) -> Callable[[dict[str, Any]], tuple[int, Any]]:
    return lambda item: sort_key(item.get(name))


def sort_key(value: Any) -> tuple[int, Any]:
    # None sorts first; mixed types never meet because a field has one type.
    if value is None:
        return (0, "")
    return (1, value.lower() if isinstance(value, str) else value)


# Query parameters that filter or sort a list in Python (``page``); without them the page comes from SQL.
LIST_SHAPING = frozenset({"_filter", "_sort", "status", "modifiedSince", "limit", "offset"})
