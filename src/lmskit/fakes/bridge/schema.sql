CREATE TABLE IF NOT EXISTS bridge_tokens (
    token TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS bridge_keys (
    key TEXT PRIMARY KEY,
    secret TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bridge_users (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    uid TEXT NOT NULL,
    email TEXT NOT NULL,
    avatar_url TEXT
);
CREATE TABLE IF NOT EXISTS bridge_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bridge_group_members (
    group_id INTEGER NOT NULL REFERENCES bridge_groups(id),
    user_id INTEGER NOT NULL REFERENCES bridge_users(id),
    PRIMARY KEY (group_id, user_id)
);
CREATE TABLE IF NOT EXISTS bridge_programs (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    total_items INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS bridge_enrollments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id INTEGER NOT NULL REFERENCES bridge_programs(id),
    user_id INTEGER NOT NULL REFERENCES bridge_users(id),
    state TEXT NOT NULL DEFAULT 'active',
    current_item_index INTEGER NOT NULL DEFAULT 0,
    pending_approval INTEGER NOT NULL DEFAULT 0,
    group_ids TEXT NOT NULL DEFAULT '[]',
    end_at TEXT,
    expires_at TEXT,
    completed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
-- Every lookup a handler makes has an index: lists page through a program's enrollments, enrolling checks
-- the (program, user) pair, groups list their members.
CREATE INDEX IF NOT EXISTS bridge_enrollments_program_user ON bridge_enrollments (program_id, user_id, deleted_at);
CREATE INDEX IF NOT EXISTS bridge_group_members_user ON bridge_group_members (user_id);
