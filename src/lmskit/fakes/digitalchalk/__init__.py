"""The DigitalChalk v5 registrations fake."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.digitalchalk.routes import HANDLERS, advance, blocking_registration
from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import VendorFake


def verify(scheme: str, credential: Any, store: Store, now: datetime) -> Any:
    row = store.row("SELECT user_id FROM dc_tokens WHERE token = ?", [credential])
    return row["user_id"] if row else None


def render_error(error: ApiError) -> dict[str, Any]:
    if error.status == 401:
        return {"error": "invalid_token", "error_description": error.message}
    if error.field_name:
        return {"fieldErrors": {error.field_name: error.message}}
    return {"errors": [error.message]}


def load_seed(store: Store, seed: dict[str, Any]) -> None:
    with store.transaction() as db:
        for user in seed.get("users", []):
            db.execute("INSERT INTO dc_users (id, name) VALUES (?, ?)", [user["id"], user.get("name", user["id"])])
        for token in seed.get("credentials", {}).get("tokens", []):
            db.execute("INSERT INTO dc_tokens (token, user_id) VALUES (?, ?)", [token["token"], token["user"]])
        for offering in seed.get("offerings", []):
            db.execute(
                "INSERT INTO dc_offerings (id, title, passing_grade, allow_retake, is_open) VALUES (?, ?, ?, ?, ?)",
                [
                    offering["id"],
                    offering["title"],
                    float(offering.get("passingGrade", 70)),
                    int(bool(offering.get("allowRetake", False))),
                    int(bool(offering.get("open", True))),
                ],
            )
        for reg in seed.get("registrations", []):
            try:
                _insert_registration(db, reg)
            except sqlite3.IntegrityError:
                user_id, offering_id = reg["userId"], reg["offeringId"]
                held = None if reg.get("status") == "ejected" else blocking_registration(store, user_id, offering_id)
                if held is not None:
                    raise ValueError(
                        f"registration {reg['id']} is a second live registration of user {user_id} in offering"
                        f" {offering_id} (after {held}), which does not allow retakes; eject one of them"
                    ) from None
                raise


def _insert_registration(db: sqlite3.Connection, reg: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO dc_registrations (id, user_id, offering_id, status, grade, grader_id, grader_comment,"
        " created_date, begin_date, last_active_date, end_date, retakes_allowed) VALUES (?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, coalesce((SELECT allow_retake FROM dc_offerings WHERE id = ?3), 0))",
        [
            reg["id"],
            reg["userId"],
            reg["offeringId"],
            reg.get("status", "active"),
            reg.get("grade"),
            reg.get("graderId"),
            reg.get("graderComment"),
            dates.normalise(reg.get("createdDate", "2024-01-01T00:00:00Z")),
            *(dates.normalise(reg[k]) if reg.get(k) else None for k in ("beginDate", "lastActiveDate", "endDate")),
        ],
    )


def records(seed: dict[str, Any]) -> list[dict[str, Any]]:
    """The seed's learners and open offerings, named as the spec names them."""
    found: list[dict[str, Any]] = [{"userId": user["id"]} for user in seed.get("users", [])]
    found += [{"offeringId": offering["id"]} for offering in seed.get("offerings", []) if offering.get("open", True)]
    return found


def credentials(seed: dict[str, Any]) -> dict[str, str]:
    tokens = seed.get("credentials", {}).get("tokens", [])
    return {"TOKEN": tokens[0]["token"]} if tokens else {}


FAKE = VendorFake(
    name="digitalchalk",
    folder=Path(__file__).parent,
    handlers=HANDLERS,
    verify=verify,
    render_error=render_error,
    validation_statuses={"path": (400, 404), "query": (400,), "header": (400,), "body": (400,)},
    load_seed=load_seed,
    credentials=credentials,
    advance=advance,
    credential_tables=("dc_tokens",),
    records=records,
)
