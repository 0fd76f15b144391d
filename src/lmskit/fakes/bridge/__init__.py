"""The Bridge author program enrollments fake."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from lmskit.fakes import dates
from lmskit.fakes.bridge.routes import HANDLERS, advance
from lmskit.fakes.errors import ApiError
from lmskit.fakes.store import Store
from lmskit.fakes.vendor import VendorFake


def verify(scheme: str, credential: Any, store: Store, now: datetime) -> Any:
    if scheme == "bearerAuth":
        return credential if store.row("SELECT 1 FROM bridge_tokens WHERE token = ?", [credential]) else None
    if scheme == "basicAuth":
        key, secret = credential
        found = store.row("SELECT secret FROM bridge_keys WHERE key = ?", [key])
        return key if found and found["secret"] == secret else None
    return None


def render_error(error: ApiError) -> dict[str, Any]:
    code = error.code or {401: "unauthorized", 404: "not_found"}.get(error.status, "invalid")
    item = {"code": code, "title": _TITLES.get(error.status, "Request failed"), "detail": error.message}
    return {"errors": [item]}


_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    404: "Not found",
    405: "Method not allowed",
    422: "Validation failed",
    429: "Too many requests",
}


def load_seed(store: Store, seed: dict[str, Any]) -> None:
    credentials = seed.get("credentials", {})
    with store.transaction() as db:
        for token in credentials.get("tokens", []):
            db.execute("INSERT INTO bridge_tokens (token) VALUES (?)", [token])
        for key in credentials.get("keys", []):
            db.execute("INSERT INTO bridge_keys (key, secret) VALUES (?, ?)", [key["key"], key["secret"]])
        for user in seed.get("users", []):
            db.execute(
                "INSERT INTO bridge_users (id, first_name, last_name, uid, email, avatar_url) VALUES (?, ?, ?,"
                " ?, ?, ?)",
                [
                    user["id"],
                    user["first_name"],
                    user["last_name"],
                    user.get("uid", str(user["id"])),
                    user["email"],
                    user.get("avatar_url"),
                ],
            )
        for group in seed.get("groups", []):
            db.execute("INSERT INTO bridge_groups (id, name) VALUES (?, ?)", [group["id"], group["name"]])
            for member in group.get("members", []):
                db.execute("INSERT INTO bridge_group_members (group_id, user_id) VALUES (?, ?)", [group["id"], member])
        for program in seed.get("programs", []):
            db.execute(
                "INSERT INTO bridge_programs (id, title, total_items) VALUES (?, ?, ?)",
                [program["id"], program["title"], program.get("total_items", 1)],
            )
        for item in seed.get("enrollments", []):
            created = dates.normalise(item.get("created_at", "2024-01-01T00:00:00Z"))
            db.execute(
                "INSERT INTO bridge_enrollments (id, program_id, user_id, state, current_item_index,"
                " pending_approval, group_ids,"
                " end_at, expires_at, completed_at, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    item.get("id"),
                    item["program_id"],
                    item["user_id"],
                    item.get("state", "active"),
                    item.get("current_item_index", 0),
                    item.get("pending_approval", 0),
                    json.dumps([str(g) for g in item.get("group_ids", [])]),
                    *(
                        dates.normalise(item[k]) if item.get(k) else None
                        for k in ("end_at", "expires_at", "completed_at")
                    ),
                    created,
                    dates.normalise(item.get("updated_at", created)),
                    dates.normalise(item["deleted_at"]) if item.get("deleted_at") else None,
                ],
            )


def records(seed: dict[str, Any]) -> list[dict[str, Any]]:
    """The seed's programs, learners and groups, named as the spec names them."""
    found: list[dict[str, Any]] = [{"program_id": program["id"]} for program in seed.get("programs", [])]
    found += [{"user_id": user["id"]} for user in seed.get("users", [])]
    found += [{"group_id": group["id"]} for group in seed.get("groups", [])]
    return found


def credentials(seed: dict[str, Any]) -> dict[str, str]:
    found = seed.get("credentials", {})
    values: dict[str, str] = {}
    if found.get("tokens"):
        values["TOKEN"] = str(found["tokens"][0])
    if found.get("keys"):
        values["KEY"], values["SECRET"] = str(found["keys"][0]["key"]), str(found["keys"][0]["secret"])
    return values


FAKE = VendorFake(
    name="bridge",
    folder=Path(__file__).parent,
    handlers=HANDLERS,
    verify=verify,
    render_error=render_error,
    # A timestamp Rails cannot parse is a validation failure (422); other malformed bodies are 400.
    validation_statuses={
        "path": (400, 404),
        "query": (400,),
        "header": (400,),
        "body.format": (422, 400),
        "body": (400, 422),
    },
    load_seed=load_seed,
    records=records,
    credentials=credentials,
    advance=advance,
    rate_limit_header="x-rate-limit-remaining",
    credential_tables=("bridge_tokens", "bridge_keys"),
)
