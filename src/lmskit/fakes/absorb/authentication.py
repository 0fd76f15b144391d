"""Absorb's /authenticate: a bare-string token for an API key and an admin's password; a new token supersedes
the one before it (production logs: parallel calls answered 401 \"Session expired\")."""

from __future__ import annotations

import secrets
from datetime import timedelta

from lmskit.fakes import dates
from lmskit.fakes.errors import ApiError
from lmskit.fakes.vendor import Call, Reply

TOKEN_LIFETIME = timedelta(hours=4)


# --- authentication ---------------------------------------------------------------------------------


def authenticate(call: Call) -> Reply:
    body = call.body
    api_key = call.store.row("SELECT value FROM absorb_settings WHERE key = 'api_key'")
    admin = call.store.row("SELECT user_id, password FROM absorb_admins WHERE username = ?", [body["username"]])
    disabled = call.store.row("SELECT value FROM absorb_settings WHERE key = 'portal_disabled'")
    if disabled is not None and disabled["value"] == "1":
        raise ApiError(403, "Portal disabled.", code="Forbidden")
    if api_key is None or str(body["privateKey"]).lower() != api_key["value"].lower():
        raise ApiError(401, "The private key does not match this portal.")
    if admin is None or not secrets.compare_digest(admin["password"], str(body["password"])):
        raise ApiError(401, "The username or password is incorrect.")
    token = secrets.token_urlsafe(32)
    with call.store.transaction() as db:
        # One token per user for /authenticate: a new one supersedes the previous.
        db.execute("UPDATE absorb_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0", [admin["user_id"]])
        db.execute(
            "INSERT INTO absorb_tokens (token, user_id, expires_at) VALUES (?, ?, ?)",
            [token, admin["user_id"], dates.to_text(call.now + TOKEN_LIFETIME)],
        )
    return Reply(200, token)
