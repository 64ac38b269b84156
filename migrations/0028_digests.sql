-- What followers hear of, and the digests that tell them.
--
-- Every event is one row, written by a trigger in the transaction that makes the change, so no
-- code path can change something and forget to tell, and a status change on an idea with
-- 20 000 supporters writes one row, not 20 000. Who hears of it is worked out when a digest is
-- made, from what ties residents to the idea then (see storage/digest.rs).
CREATE TABLE follow_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (kind IN ('status', 'argument', 'action_status', 'milestone', 'idea')),
    idea_id    INTEGER REFERENCES ideas(id) ON DELETE CASCADE,
    action_id  INTEGER REFERENCES actions(id) ON DELETE CASCADE,
    -- The row the event is about: a status change, an argument, an action's status change or
    -- milestone; for a new idea, the idea itself.
    ref_id     INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    CHECK ((idea_id IS NULL) <> (action_id IS NULL))
) STRICT;
CREATE INDEX follow_events_created ON follow_events (created_at);

-- A new status of a public idea, with the municipality's answer ('new' is where ideas start).
CREATE TRIGGER follow_event_status AFTER INSERT ON status_changes
WHEN NEW.status <> 'new'
BEGIN
    INSERT INTO follow_events (kind, idea_id, ref_id, created_at)
    VALUES ('status', NEW.idea_id, NEW.id, NEW.created_at);
END;

-- A published argument or reply (the municipality's too); one held for approval counts once a
-- moderator lets it through.
CREATE TRIGGER follow_event_argument AFTER INSERT ON arguments
WHEN NEW.moderation_state = 'published'
BEGIN
    INSERT INTO follow_events (kind, idea_id, ref_id, created_at)
    VALUES ('argument', NEW.idea_id, NEW.id, NEW.created_at);
END;
CREATE TRIGGER follow_event_argument_approved AFTER UPDATE OF moderation_state ON arguments
WHEN OLD.moderation_state = 'pending' AND NEW.moderation_state = 'published'
BEGIN
    INSERT INTO follow_events (kind, idea_id, ref_id, created_at)
    VALUES ('argument', NEW.idea_id, NEW.id, coalesce(NEW.moderated_at, NEW.created_at));
END;

-- An action's new status (not the first, which is its creation) and a milestone reached.
CREATE TRIGGER follow_event_action_status AFTER INSERT ON action_status_changes
WHEN EXISTS (SELECT 1 FROM action_status_changes WHERE action_id = NEW.action_id AND id <> NEW.id)
BEGIN
    INSERT INTO follow_events (kind, action_id, ref_id, created_at)
    VALUES ('action_status', NEW.action_id, NEW.id, NEW.created_at);
END;
CREATE TRIGGER follow_event_milestone AFTER UPDATE OF done_at ON action_milestones
WHEN OLD.done_at IS NULL AND NEW.done_at IS NOT NULL
BEGIN
    INSERT INTO follow_events (kind, action_id, ref_id, created_at)
    VALUES ('milestone', NEW.action_id, NEW.id, NEW.done_at);
END;

-- A new public idea, for those who follow its area, sector or theme: published at once, or
-- approved by a moderator (not one restored after hiding: that is no news).
CREATE TRIGGER follow_event_idea AFTER INSERT ON ideas
WHEN NEW.moderation_state = 'published'
BEGIN
    INSERT INTO follow_events (kind, idea_id, ref_id, created_at)
    VALUES ('idea', NEW.id, NEW.id, NEW.created_at);
END;
CREATE TRIGGER follow_event_idea_approved AFTER UPDATE OF moderation_state ON ideas
WHEN OLD.moderation_state = 'pending' AND NEW.moderation_state = 'published'
BEGIN
    INSERT INTO follow_events (kind, idea_id, ref_id, created_at)
    VALUES ('idea', NEW.id, NEW.id, NEW.updated_at);
END;

-- One run per schedule and period ("daily" 2026-12-05, "weekly" 2026-W49, "at_once" and the
-- last event's id): the events it covers are fixed when it is made, and the UNIQUE key makes a
-- second run of the same period, after a restart or a kill, a no-op.
CREATE TABLE digest_runs (
    id          INTEGER PRIMARY KEY,
    frequency   TEXT NOT NULL CHECK (frequency IN ('at_once', 'daily', 'weekly')),
    period      TEXT NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
    first_event INTEGER NOT NULL,
    last_event  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (frequency, period)
) STRICT;

-- What each recipient of a run hears of, fixed when the run is made; `reply` marks a reply to
-- their own argument.
CREATE TABLE digest_items (
    run_id      INTEGER NOT NULL REFERENCES digest_runs(id) ON DELETE CASCADE,
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    event_id    INTEGER NOT NULL REFERENCES follow_events(id) ON DELETE CASCADE,
    reply       INTEGER NOT NULL DEFAULT 0 CHECK (reply IN (0, 1)),
    PRIMARY KEY (run_id, resident_id, event_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX digest_items_resident ON digest_items (resident_id);
CREATE INDEX digest_items_event ON digest_items (event_id);

-- One mail per recipient per run, sent by the mail worker with the other queues' back-off.
CREATE TABLE digests (
    id              INTEGER PRIMARY KEY,
    run_id          INTEGER NOT NULL REFERENCES digest_runs(id) ON DELETE CASCADE,
    resident_id     INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER NOT NULL,
    sent_at         INTEGER,
    failed_at       INTEGER,
    UNIQUE (run_id, resident_id)
) STRICT;
CREATE INDEX digests_due ON digests (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX digests_resident ON digests (resident_id);

-- A reply to a resident's own argument may come at once whatever the digest schedule (on by
-- default: a conversation that waits a week is over). The key in every mail's stop link: a
-- random value per resident, made when their first such mail is written; deleting the account
-- voids it.
ALTER TABLE residents ADD COLUMN replies_at_once INTEGER NOT NULL DEFAULT 1
    CHECK (replies_at_once IN (0, 1));
ALTER TABLE residents ADD COLUMN mail_key TEXT
    CHECK (mail_key IS NULL OR (length(mail_key) = 64 AND mail_key NOT GLOB '*[^0-9a-f]*'));
CREATE UNIQUE INDEX residents_mail_key ON residents (mail_key) WHERE mail_key IS NOT NULL;
