-- The climate plan: its actions (indsatser) with their milestones, every change of an action's
-- status (its public timeline), the links staff make from ideas to actions, and the emissions
-- baseline the 2030 gap is measured from.

CREATE TABLE actions (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 12 AND code NOT GLOB '*[^A-Z0-9.-]*'),
    title_da       TEXT NOT NULL CHECK (length(title_da) BETWEEN 3 AND 160),
    title_en       TEXT CHECK (title_en IS NULL OR length(title_en) <= 160),
    description_da TEXT NOT NULL CHECK (length(description_da) <= 4000),
    description_en TEXT CHECK (description_en IS NULL OR length(description_en) <= 4000),
    kind           TEXT NOT NULL CHECK (kind IN ('mitigation', 'adaptation')),
    sector_key     TEXT REFERENCES sectors(key),
    theme_key      TEXT REFERENCES adaptation_themes(key),
    owner          TEXT NOT NULL CHECK (length(owner) BETWEEN 2 AND 120),
    status         TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'paused', 'dropped')),
    start_year     INTEGER NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    end_year       INTEGER NOT NULL CHECK (end_year BETWEEN start_year AND 2100),
    -- tCO2e a year by the target year; mitigation only.
    reduction_t    REAL CHECK (reduction_t IS NULL OR reduction_t BETWEEN 0 AND 10000000),
    link           TEXT CHECK (link IS NULL OR (link LIKE 'https://%' AND length(link) <= 500)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CHECK ((kind = 'mitigation') = (sector_key IS NOT NULL AND theme_key IS NULL)),
    CHECK ((kind = 'adaptation') = (theme_key IS NOT NULL AND sector_key IS NULL)),
    CHECK (kind = 'mitigation' OR reduction_t IS NULL)
) STRICT;
CREATE INDEX actions_sector ON actions (sector_key);
CREATE INDEX actions_theme ON actions (theme_key);

CREATE TABLE action_milestones (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    title     TEXT NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
    -- The day it is due, as the plan names it (YYYY-MM-DD).
    due       TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    done_at   INTEGER
) STRICT;
CREATE INDEX action_milestones_action ON action_milestones (action_id, due);

-- Every status an action has had, for its timeline (the first row when it was created).
CREATE TABLE action_status_changes (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'paused', 'dropped')),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX action_status_changes_action ON action_status_changes (action_id, created_at);

-- Staff link ideas to actions, many to many, with a short note the public reads. A rowid
-- table: SQLite's update hook, which tells the page cache that public pages changed, is not
-- called for WITHOUT ROWID tables.
CREATE TABLE idea_actions (
    id         INTEGER PRIMARY KEY,
    idea_id    INTEGER NOT NULL REFERENCES ideas(id),
    action_id  INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    note       TEXT CHECK (note IS NULL OR length(note) <= 300),
    created_at INTEGER NOT NULL,
    UNIQUE (idea_id, action_id)
) STRICT;
CREATE INDEX idea_actions_action ON idea_actions (action_id);

-- The emissions baseline: tCO2e per sector in the base year and the latest year with figures.
CREATE TABLE emissions (
    sector_key TEXT PRIMARY KEY REFERENCES sectors(key),
    base_t     REAL NOT NULL CHECK (base_t BETWEEN 0 AND 10000000),
    latest_t   REAL NOT NULL CHECK (latest_t BETWEEN 0 AND 10000000)
) STRICT;

-- One row: the years the baseline's figures are from, and whether they are demo figures.
CREATE TABLE emissions_years (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    base_year   INTEGER NOT NULL CHECK (base_year BETWEEN 1900 AND 2100),
    latest_year INTEGER NOT NULL CHECK (latest_year BETWEEN base_year AND 2100),
    demo        INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;

-- Audit entries about actions: the object types gain 'action'. SQLite cannot change a CHECK,
-- so the table is rebuilt as it was with the longer list, and stays append-only.
DROP TRIGGER audit_events_no_update;
DROP TRIGGER audit_events_no_delete;
CREATE TABLE audit_events_new (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER REFERENCES staff_users(id),
    action      TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    object_type TEXT NOT NULL CHECK (object_type IN ('idea', 'area', 'staff_user', 'resident', 'report', 'export', 'settings', 'action')),
    object_id   INTEGER,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
    created_at  INTEGER NOT NULL
) STRICT;
INSERT INTO audit_events_new SELECT id, staff_id, action, object_type, object_id, before_json, after_json, created_at FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_new RENAME TO audit_events;
CREATE INDEX audit_events_time ON audit_events (created_at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
