-- Mails to the residents behind an action: the authors and supporters of its public ideas hear
-- when the action gets a new status or reaches a milestone. One mail per person per change
-- (a change is one status row or one milestone), queued in the transaction that makes the
-- change and sent by the mail worker with the same back-off as the status mails.

CREATE TABLE plan_mails (
    id               INTEGER PRIMARY KEY,
    action_id        INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    status_change_id INTEGER REFERENCES action_status_changes(id) ON DELETE CASCADE,
    milestone_id     INTEGER REFERENCES action_milestones(id) ON DELETE CASCADE,
    resident_id      INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  INTEGER NOT NULL,
    sent_at          INTEGER,
    failed_at        INTEGER,
    CHECK ((status_change_id IS NULL) <> (milestone_id IS NULL)),
    UNIQUE (status_change_id, resident_id),
    UNIQUE (milestone_id, resident_id)
) STRICT;
CREATE INDEX plan_mails_due ON plan_mails (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX plan_mails_resident ON plan_mails (resident_id);
