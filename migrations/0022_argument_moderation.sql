-- Moderating the debate as ideas are moderated: residents report arguments (one report each,
-- the same reasons, the same hiding threshold), a municipality may have arguments approved
-- before they are public, and the author of hidden words is told by mail which rule they broke.

CREATE TABLE argument_reports (
    id          INTEGER PRIMARY KEY,
    argument_id INTEGER NOT NULL REFERENCES arguments(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'duplicate', 'other')),
    comment     TEXT CHECK (comment IS NULL OR length(comment) <= 1000),
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES staff_users(id),
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
    UNIQUE (argument_id, resident_id)
) STRICT;
CREATE INDEX argument_reports_open ON argument_reports (argument_id) WHERE resolved_at IS NULL;
CREATE INDEX argument_reports_resident ON argument_reports (resident_id);

-- Arguments waiting for approval, for the moderation queue.
CREATE INDEX arguments_pending ON arguments (created_at) WHERE moderation_state = 'pending';

-- The department a reply by the municipality speaks for, if staff named one.
ALTER TABLE arguments ADD COLUMN department TEXT CHECK (department IS NULL OR length(department) <= 80);

-- One mail to the author of an argument a moderator hid, naming the rule; queued in the
-- hiding's transaction and sent by the mail worker with the status mails' retries. The
-- address is looked up when sending, so a deleted account takes its mail with it.
CREATE TABLE debate_mails (
    id              INTEGER PRIMARY KEY,
    argument_id     INTEGER NOT NULL REFERENCES arguments(id),
    resident_id     INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    rule            TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    failed_at       INTEGER
) STRICT;
CREATE INDEX debate_mails_due ON debate_mails (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX debate_mails_resident ON debate_mails (resident_id);

-- A staff member's replies, newest first: their last department starts the next reply.
CREATE INDEX arguments_staff ON arguments (staff_id, id) WHERE staff_id IS NOT NULL;
