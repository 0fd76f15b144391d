"""DigitalChalk v5 registrations, as documented: create → 201 + Location, grade → passed/failed by the
offering's passing grade, eject only while active, offset paging with next/prev links."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.errors import ApiError
from lmskit.fakes.ids import ordered_hex
from lmskit.fakes.paging import page_url
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import Call, Reply, not_found

_DATE_FILTER = re.compile(r"^(?P<op>>=|<=|>|<)?(?P<value>[0-9][0-9T:.+\-Z]*)$")
_DATE_COLUMNS = {
    "createdDate": "created_date",
    "beginDate": "begin_date",
    "lastActiveDate": "last_active_date",
    "endDate": "end_date",
}


def registration_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row → the documented object; fields with no value are omitted, never null."""
    fields = {
        "id": row["id"],
        "userId": row["user_id"],
        "offeringId": row["offering_id"],
        "title": row.get("title"),
        "status": row["status"],
        "grade": row["grade"],
        "graderId": row["grader_id"],
        "graderComment": row["grader_comment"],
        "createdDate": row["created_date"],
        "beginDate": row["begin_date"],
        "lastActiveDate": row["last_active_date"],
        "endDate": row["end_date"],
    }
    return {key: value for key, value in fields.items() if value is not None}


_SELECT = "SELECT r.*, o.title FROM dc_registrations r JOIN dc_offerings o ON o.id = r.offering_id"


def list_registrations(call: Call) -> Reply:
    clauses: list[str] = []
    parameters: list[Any] = []
    for name, column in (("status", "status"), ("userId", "user_id"), ("offeringId", "offering_id")):
        if name in call.query:
            clauses.append(f"r.{column} = ?")
            parameters.append(call.query[name])
    for name, column in _DATE_COLUMNS.items():
        if name in call.query:
            clause, values = _date_clause(name, f"r.{column}", str(call.query[name]))
            clauses.append(clause)
            parameters.extend(values)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    limit = int(call.query.get("limit", 15))
    offset = int(call.query.get("offset", 0))
    # One row past the page says whether there is a next one; a COUNT(*) would scan every match on every page.
    rows = call.store.rows(f"{_SELECT}{where} ORDER BY r.seq LIMIT ? OFFSET ?", [*parameters, limit + 1, offset])
    body: dict[str, Any] = {"results": [registration_json(row) for row in rows[:limit]]}
    if len(rows) > limit:
        body["next"] = page_url(call.base_url, "/registrations", call.query, offset=offset + limit)
    if offset > 0:
        # `previous`, not the docs' `prev`: what DigitalChalk's own code reads (specs/digitalchalk.yaml erratum).
        body["previous"] = page_url(call.base_url, "/registrations", call.query, offset=max(offset - limit, 0))
    return Reply(200, body)


def _date_clause(name: str, column: str, text: str) -> tuple[str, list[str]]:
    """``>=2012-03-01`` → ``column >= '2012-03-01T00:00:00Z'``; a bare date matches that whole day.

    DigitalChalk documents these filters without their syntax; this is the fake's reading (README).
    """
    found = _DATE_FILTER.match(text.strip())
    try:
        if found is None:
            raise ValueError(text)
        moment = dates.parse(found["value"])
    except ValueError:
        raise ApiError(
            400, f"{name} must be a date or date-time, optionally prefixed by >, >=, < or <=", name
        ) from None
    operator = found["op"]
    if operator:
        return f"{column} {operator} ?", [dates.to_text(moment)]
    if "T" not in found["value"]:
        day = dates.to_text(moment)[:10]
        return f"substr({column}, 1, 10) = ?", [day]
    return f"{column} = ?", [dates.to_text(moment)]


def get_registration(call: Call) -> Reply:
    row = call.store.row(f"{_SELECT} WHERE r.id = ?", [call.path["id"]])
    if row is None:
        raise not_found("Registration")
    return Reply(200, registration_json(row))


# The registration goes in only when the user exists and the offering is open, in one statement that is atomic
# on its own (no SELECT, BEGIN or COMMIT around it: a create is the fake's most frequent write). The retake rule
# is the index dc_registrations_one_live (schema.sql), which refuses a second live registration of an offering
# without retakes.
_CREATE = (
    "INSERT INTO dc_registrations (id, user_id, offering_id, status, created_date, retakes_allowed)"
    " SELECT ?3, ?1, ?2, 'active', ?4, o.allow_retake FROM dc_offerings o"
    " WHERE o.id = ?2 AND o.is_open AND EXISTS (SELECT 1 FROM dc_users WHERE id = ?1)"
)


def create_registration(call: Call) -> Reply:
    user_id, offering_id = call.body["userId"], call.body["offeringId"]
    new_id = ordered_hex()
    # A refused create says why; should the state change between the INSERT and that question (the control API
    # runs in other threads), the INSERT is simply tried again.
    for _ in range(3):
        try:
            if call.store.execute(_CREATE, [user_id, offering_id, new_id, dates.to_text(call.now)]):
                return Reply.empty(201, {"Location": f"{call.base_path}/registrations/{new_id}"})
        except sqlite3.IntegrityError:
            pass  # the one-live-registration index: _refuse_registration names it
        _refuse_registration(call.store, user_id, offering_id)
    raise ApiError(400, "The registration could not be made while the user or offering kept changing; try again.")


def _refuse_registration(store: Store, user_id: str, offering_id: str) -> None:
    """Raise the vendor's error for a create that _CREATE did not make; return if nothing refuses it now."""
    found = store.row(
        "SELECT (SELECT 1 FROM dc_users WHERE id = ?1) AS user, o.is_open FROM (SELECT 1)"
        " LEFT JOIN dc_offerings o ON o.id = ?2",
        [user_id, offering_id],
    )
    assert found is not None  # (SELECT 1) always yields the one row
    if found["user"] is None:
        raise ApiError(400, "No user has this id.", "userId")
    if found["is_open"] is None:
        raise ApiError(400, "No offering has this id.", "offeringId")
    if not found["is_open"]:
        raise ApiError(400, "The offering is not open for registration.")
    if blocking_registration(store, user_id, offering_id) is not None:
        raise ApiError(400, "The user is already registered and the offering does not allow retakes.")


def blocking_registration(store: Store, user_id: str, offering_id: str) -> str | None:
    """The id of the user's live (not ejected) registration of an offering without retakes, which keeps them
    from another: what the index dc_registrations_one_live refuses, put in words by the create and the seed."""
    found = store.row(
        "SELECT r.id FROM dc_registrations r JOIN dc_offerings o ON o.id = r.offering_id WHERE r.user_id = ?"
        " AND r.offering_id = ? AND r.status != 'ejected' AND NOT o.allow_retake LIMIT 1",
        [user_id, offering_id],
    )
    return None if found is None else str(found["id"])


def update_registration(call: Call) -> Reply:
    registration_id = call.path["id"]
    now = dates.to_text(call.now)
    with call.store.transaction() as db:
        row = db.execute(
            "SELECT r.status, o.passing_grade FROM dc_registrations r JOIN dc_offerings o ON o.id ="
            " r.offering_id WHERE r.id = ?",
            [registration_id],
        ).fetchone()
        if row is None:
            raise not_found("Registration")
        if "status" in call.body:
            if row["status"] != "active":
                raise ApiError(
                    400, f"eject status not available after registration has {_verb(row['status'])}", "status"
                )
            db.execute(
                "UPDATE dc_registrations SET status = 'ejected', end_date = ? WHERE id = ?", [now, registration_id]
            )
        else:
            if row["status"] == "ejected":
                raise ApiError(400, "an ejected registration cannot be graded", "grade")
            grade = float(call.body["grade"])
            status = "passed" if grade >= row["passing_grade"] else "failed"
            grader = call.principals.get("bearerAuth")
            db.execute(
                "UPDATE dc_registrations SET status = ?, grade = ?, grader_id = ?, end_date = ? WHERE id = ?",
                [status, grade, grader, now, registration_id],
            )
    return Reply.empty(204)


def _verb(status: str) -> str:
    return "been ejected" if status == "ejected" else "completed"


HANDLERS = {
    "listRegistrations": list_registrations,
    "getRegistration": get_registration,
    "createRegistration": create_registration,
    "updateRegistration": update_registration,
}


def advance(store: Store, body: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Control API: the learner works in the course; with ``grade`` the course computes the result.

    ``{"registrationId": "…", "grade": 85}`` → status passed/failed by the passing grade, no graderId.
    """
    registration_id = str(body["registrationId"])
    stamp = dates.to_text(now)
    with store.transaction() as db:
        row = db.execute(
            "SELECT r.status, r.begin_date, o.passing_grade FROM dc_registrations r "
            "JOIN dc_offerings o ON o.id = r.offering_id WHERE r.id = ?",
            [registration_id],
        ).fetchone()
        if row is None:
            raise not_found("Registration")
        if row["status"] != "active":
            raise ApiError(409, f"the registration is {row['status']}, not active")
        db.execute(
            "UPDATE dc_registrations SET begin_date = COALESCE(begin_date, ?), last_active_date = ? WHERE id = ?",
            [stamp, stamp, registration_id],
        )
        if "grade" in body:
            grade = float(body["grade"])
            status = "passed" if grade >= row["passing_grade"] else "failed"
            db.execute(
                "UPDATE dc_registrations SET status = ?, grade = ?, end_date = ? WHERE id = ?",
                [status, grade, stamp, registration_id],
            )
    found = store.row(f"{_SELECT} WHERE r.id = ?", [registration_id])
    return registration_json(found or {})
