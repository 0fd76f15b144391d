CREATE TABLE IF NOT EXISTS absorb_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS absorb_users (
    id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    job_title TEXT,
    avatar TEXT
);
CREATE TABLE IF NOT EXISTS absorb_admins (
    username TEXT PRIMARY KEY,
    password TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES absorb_users(id)
);
CREATE TABLE IF NOT EXISTS absorb_tokens (
    token TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS absorb_courses (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    version_id TEXT
);
CREATE TABLE IF NOT EXISTS absorb_chapters (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES absorb_courses(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS absorb_lessons (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES absorb_courses(id),
    chapter_id TEXT NOT NULL REFERENCES absorb_chapters(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS absorb_sessions (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES absorb_courses(id),
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS absorb_enrollments (
    seq INTEGER PRIMARY KEY,  -- insertion order; internal, so no AUTOINCREMENT (a write to sqlite_sequence per row)
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES absorb_users(id),
    course_id TEXT NOT NULL REFERENCES absorb_courses(id),
    status INTEGER NOT NULL DEFAULT 0,
    progress REAL NOT NULL DEFAULT 0,
    score REAL,
    credits REAL,
    is_active INTEGER NOT NULL DEFAULT 1,
    accepted_terms INTEGER NOT NULL DEFAULT 0,
    course_version_id TEXT,
    enrollment_key_id TEXT,
    certificate_id TEXT,
    time_spent_ticks INTEGER NOT NULL DEFAULT 0,
    date_added TEXT NOT NULL,
    date_edited TEXT NOT NULL,
    date_started TEXT,
    date_completed TEXT,
    date_expires TEXT,
    date_due TEXT,
    access_date TEXT,
    -- 1 once its chapter and lesson enrollments exist: they are made on first use (routes.materialize_activities)
    activities INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS absorb_activity_enrollments (
    -- chapter, lesson and session enrollments of one course enrollment
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    enrollment_id TEXT NOT NULL REFERENCES absorb_enrollments(id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL,
    chapter_id TEXT,
    status INTEGER NOT NULL DEFAULT 0,
    progress REAL NOT NULL DEFAULT 0,
    score REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    last_attempt TEXT,
    time_spent_ticks INTEGER NOT NULL DEFAULT 0,
    date_enrolled TEXT NOT NULL,
    date_edited TEXT NOT NULL,
    date_started TEXT,
    date_completed TEXT
);
CREATE TABLE IF NOT EXISTS absorb_attempts (
    seq INTEGER PRIMARY KEY,  -- insertion order; internal, so no AUTOINCREMENT (a write to sqlite_sequence per row)
    id TEXT NOT NULL UNIQUE,
    activity_enrollment_id TEXT NOT NULL REFERENCES absorb_activity_enrollments(id) ON DELETE CASCADE,
    status INTEGER,
    score REAL,
    start_date TEXT NOT NULL,
    completion_date TEXT,
    time_spent_ticks INTEGER NOT NULL DEFAULT 0
);
-- Every lookup a handler makes has an index: enrollments by learner and course (active or not), by course;
-- activity enrollments by their enrollment and kind and by activity; attempts by lesson enrollment; tokens by
-- user (a new token revokes the user's others); a course's chapters, lessons and sessions.
CREATE INDEX IF NOT EXISTS absorb_enrollments_user_course ON absorb_enrollments (user_id, course_id, is_active);
CREATE INDEX IF NOT EXISTS absorb_enrollments_course ON absorb_enrollments (course_id, is_active);
CREATE INDEX IF NOT EXISTS absorb_activity_enrollment_kind ON absorb_activity_enrollments (enrollment_id, kind, activity_id);
CREATE INDEX IF NOT EXISTS absorb_activity_activity ON absorb_activity_enrollments (activity_id, kind);
CREATE INDEX IF NOT EXISTS absorb_attempts_activity ON absorb_attempts (activity_enrollment_id);
CREATE INDEX IF NOT EXISTS absorb_tokens_user ON absorb_tokens (user_id);
CREATE INDEX IF NOT EXISTS absorb_chapters_course ON absorb_chapters (course_id);
CREATE INDEX IF NOT EXISTS absorb_lessons_course ON absorb_lessons (course_id, chapter_id);
CREATE INDEX IF NOT EXISTS absorb_sessions_course ON absorb_sessions (course_id);
