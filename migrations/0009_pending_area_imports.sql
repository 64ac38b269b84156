-- An uploaded area file between its preview and the admin's decision. Deleted when applied;
-- the upload page clears ones older than a day.

CREATE TABLE pending_area_imports (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    name_property TEXT NOT NULL CHECK (length(name_property) BETWEEN 1 AND 100),
    file_name     TEXT NOT NULL CHECK (length(file_name) <= 200),
    geojson       TEXT NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;
