CREATE TABLE IF NOT EXISTS dc_tokens (
    token TEXT PRIMARY KEY,
    user_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dc_users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dc_offerings (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    passing_grade REAL NOT NULL,
    allow_retake INTEGER NOT NULL,
    is_open INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dc_registrations (
    seq INTEGER PRIMARY KEY,  -- insertion order; internal, so no AUTOINCREMENT (a write to sqlite_sequence per row)
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES dc_users(id),
    offering_id TEXT NOT NULL REFERENCES dc_offerings(id),
    status TEXT NOT NULL,
    grade REAL,
    grader_id TEXT,
    grader_comment TEXT,
    created_date TEXT NOT NULL,
    begin_date TEXT,
    last_active_date TEXT,
    end_date TEXT,
    -- The offering's allow_retake, copied when the registration is made (offerings do not change after the
    -- seed): it lets the index below hold the one-live-registration rule, so a create need not read this table.
    retakes_allowed INTEGER NOT NULL DEFAULT 0
);
-- Every lookup a handler makes has an index: a create checks the (user, offering) pair, lists filter by
-- status, user and offering. Without them a create slows as registrations accumulate.
CREATE INDEX IF NOT EXISTS dc_registrations_user_offering ON dc_registrations (user_id, offering_id);
CREATE INDEX IF NOT EXISTS dc_registrations_offering ON dc_registrations (offering_id);
CREATE INDEX IF NOT EXISTS dc_registrations_status ON dc_registrations (status);
-- A user holds at most one live (not ejected) registration of an offering without retakes. As an index rather than
-- a NOT EXISTS in the create's INSERT … SELECT: an INSERT whose SELECT reads its own table is materialized into
-- a temporary table first, which made a create a quarter slower.
CREATE UNIQUE INDEX IF NOT EXISTS dc_registrations_one_live ON dc_registrations (user_id, offering_id)
    WHERE status != 'ejected' AND NOT retakes_allowed;
