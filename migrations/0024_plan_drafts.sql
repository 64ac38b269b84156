-- What an admin sent about the plan before it is saved: an uploaded spreadsheet's rows between
-- the preview and the confirmation ('file'), or an action form that came back with problems
-- ('form'; descriptions of up to 4 000 characters do not fit the typed-text cookie). Deleted
-- when used; saving a new one clears those older than a day.

CREATE TABLE plan_drafts (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('file', 'form')),
    file_name  TEXT NOT NULL CHECK (length(file_name) <= 200),
    body       TEXT NOT NULL CHECK (json_valid(body)),
    created_at INTEGER NOT NULL
) STRICT;
