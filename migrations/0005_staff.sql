-- Staff sign-in: lockout after failed logins, and staff sessions (apart from residents').

ALTER TABLE staff_users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0);
ALTER TABLE staff_users ADD COLUMN locked_until INTEGER;

CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    staff_id   INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at)
) STRICT, WITHOUT ROWID;

CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
