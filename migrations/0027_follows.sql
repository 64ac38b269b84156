-- What residents follow by their own choice. Proposing, supporting or arguing on an idea
-- follows it without a row here (read from ideas, supports and arguments, so a support writes
-- nothing more); a row says the resident chose to follow something (following = 1) or chose to
-- stop following an idea they would follow anyway (following = 0), which later supports do not
-- undo. A rowid table, like every table public pages read (SQLite's update hook).
CREATE TABLE follows (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('idea', 'area', 'sector', 'theme', 'action')),
    target      TEXT NOT NULL CHECK (length(target) BETWEEN 1 AND 60),
    following   INTEGER NOT NULL CHECK (following IN (0, 1)),
    changed_at  INTEGER NOT NULL,
    UNIQUE (resident_id, kind, target)
) STRICT;
CREATE INDEX follows_target ON follows (kind, target) WHERE following = 1;

-- How often a resident hears of what they follow: a mail at once, a daily or weekly digest,
-- or never. Daily unless they choose.
ALTER TABLE residents ADD COLUMN frequency TEXT NOT NULL DEFAULT 'daily'
    CHECK (frequency IN ('at_once', 'daily', 'weekly', 'never'));
