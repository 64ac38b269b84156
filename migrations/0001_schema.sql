-- Klimadialog schema. Times are Unix seconds (UTC). Enum columns carry CHECKs so a bad state
-- cannot be stored whatever the code does; counts kept for speed are maintained by triggers.

CREATE TABLE sectors (
    key      TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z_]*'),
    name_da  TEXT NOT NULL CHECK (length(name_da) > 0),
    name_en  TEXT NOT NULL CHECK (length(name_en) > 0),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE adaptation_themes (
    key      TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z_]*'),
    name_da  TEXT NOT NULL CHECK (length(name_da) > 0),
    name_en  TEXT NOT NULL CHECK (length(name_en) > 0),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE areas (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 60 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- GeoJSON MultiPolygon geometry object, WGS84.
    geometry   TEXT NOT NULL CHECK (json_valid(geometry)),
    -- A point inside the area for labels and for ideas without a point of their own.
    label_lat  REAL NOT NULL CHECK (label_lat BETWEEN -90 AND 90),
    label_lon  REAL NOT NULL CHECK (label_lon BETWEEN -180 AND 180),
    position   INTEGER NOT NULL
) STRICT;

CREATE TABLE residents (
    id           INTEGER PRIMARY KEY,
    -- NULL once the resident deleted their account; the row stays so their ideas stay anonymous.
    email        TEXT UNIQUE CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%')),
    display_name TEXT CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 60),
    area_id      INTEGER REFERENCES areas(id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    deleted_at   INTEGER,
    CHECK ((deleted_at IS NULL) = (email IS NOT NULL))
) STRICT;

CREATE TABLE staff_users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 2 AND 60),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    role          TEXT NOT NULL CHECK (role IN ('moderator', 'admin')),
    created_at    INTEGER NOT NULL,
    disabled_at   INTEGER
) STRICT;

CREATE TABLE ideas (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
    description       TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 4000),
    kind              TEXT NOT NULL CHECK (kind IN ('mitigation', 'adaptation')),
    sector_key        TEXT REFERENCES sectors(key) ON UPDATE CASCADE,
    theme_key         TEXT REFERENCES adaptation_themes(key) ON UPDATE CASCADE,
    area_id           INTEGER NOT NULL REFERENCES areas(id),
    lat               REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon               REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    photo             TEXT,
    author_id         INTEGER REFERENCES residents(id),
    moderation_state  TEXT NOT NULL CHECK (moderation_state IN ('pending', 'published', 'rejected', 'hidden')),
    moderation_reason TEXT,
    status            TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'under_review', 'in_plan', 'partly_in_plan', 'already_planned', 'not_adopted', 'merged')),
    merged_into       INTEGER REFERENCES ideas(id),
    support_count     INTEGER NOT NULL DEFAULT 0 CHECK (support_count >= 0),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CHECK ((kind = 'mitigation' AND sector_key IS NOT NULL AND theme_key IS NULL)
        OR (kind = 'adaptation' AND theme_key IS NOT NULL AND sector_key IS NULL)),
    CHECK ((lat IS NULL) = (lon IS NULL)),
    CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
    CHECK (merged_into IS NULL OR merged_into <> id),
    CHECK (moderation_state IN ('pending', 'published') OR moderation_reason IS NOT NULL)
) STRICT;

-- The front page and /ideas?sort=top read published ideas by support count.
CREATE INDEX ideas_public_top ON ideas (moderation_state, support_count DESC, created_at DESC, id DESC);
CREATE INDEX ideas_public_new ON ideas (moderation_state, created_at DESC, id DESC);
CREATE INDEX ideas_area ON ideas (area_id, moderation_state);
CREATE INDEX ideas_sector ON ideas (sector_key, moderation_state) WHERE sector_key IS NOT NULL;
CREATE INDEX ideas_theme ON ideas (theme_key, moderation_state) WHERE theme_key IS NOT NULL;
CREATE INDEX ideas_author ON ideas (author_id);

CREATE TABLE supports (
    idea_id     INTEGER NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    -- One support per resident per idea.
    PRIMARY KEY (idea_id, resident_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX supports_resident ON supports (resident_id);
CREATE INDEX supports_recent ON supports (idea_id, created_at);

-- The count on an idea is exact because it changes in the same transaction as the support.
CREATE TRIGGER supports_count_insert AFTER INSERT ON supports BEGIN
    UPDATE ideas SET support_count = support_count + 1 WHERE id = NEW.idea_id;
END;
CREATE TRIGGER supports_count_delete AFTER DELETE ON supports BEGIN
    UPDATE ideas SET support_count = support_count - 1 WHERE id = OLD.idea_id;
END;

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    idea_id     INTEGER NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'duplicate', 'other')),
    comment     TEXT CHECK (comment IS NULL OR length(comment) <= 1000),
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES staff_users(id),
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
    UNIQUE (idea_id, resident_id)
) STRICT;

CREATE INDEX reports_open ON reports (idea_id) WHERE resolved_at IS NULL;

-- Every change of public status, with the official answer residents read.
CREATE TABLE status_changes (
    id         INTEGER PRIMARY KEY,
    idea_id    INTEGER NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('new', 'under_review', 'in_plan', 'partly_in_plan', 'already_planned', 'not_adopted', 'merged')),
    answer_da  TEXT CHECK (answer_da IS NULL OR length(trim(answer_da)) BETWEEN 1 AND 4000),
    answer_en  TEXT CHECK (answer_en IS NULL OR length(trim(answer_en)) BETWEEN 1 AND 4000),
    staff_id   INTEGER REFERENCES staff_users(id),
    created_at INTEGER NOT NULL,
    CHECK (status NOT IN ('in_plan', 'partly_in_plan', 'already_planned', 'not_adopted') OR answer_da IS NOT NULL)
) STRICT;

CREATE INDEX status_changes_idea ON status_changes (idea_id, created_at);

-- Every staff action. Append-only: the triggers below refuse changes and deletions.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER REFERENCES staff_users(id),
    action      TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    object_type TEXT NOT NULL CHECK (object_type IN ('idea', 'area', 'staff_user', 'resident', 'report', 'export', 'settings')),
    object_id   INTEGER,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX audit_events_time ON audit_events (created_at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
