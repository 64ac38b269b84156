-- Mail to residents about a change of an idea's status: one row per recipient per change,
-- queued in the change's transaction and sent in the background, so a mail server that is down
-- never blocks or loses the staff action. The address is looked up when sending, so a resident
-- who deletes their account takes their queued mail with them.

CREATE TABLE status_mails (
    id               INTEGER PRIMARY KEY,
    status_change_id INTEGER NOT NULL REFERENCES status_changes(id) ON DELETE CASCADE,
    resident_id      INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  INTEGER NOT NULL,
    sent_at          INTEGER,
    -- Set when retrying stopped; the mail stays for staff to see.
    failed_at        INTEGER,
    UNIQUE (status_change_id, resident_id)
) STRICT;

CREATE INDEX status_mails_due ON status_mails (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX status_mails_resident ON status_mails (resident_id);
