-- A status mail may tell of several changes: when staff give many ideas one status in a batch,
-- each resident gets one mail about all of their ideas in it (those they proposed or support),
-- not one per idea. A mail with rows here tells of these changes; a mail without, of its own
-- `status_change_id` alone (every mail before batches).
CREATE TABLE status_mail_changes (
    mail_id          INTEGER NOT NULL REFERENCES status_mails(id) ON DELETE CASCADE,
    status_change_id INTEGER NOT NULL REFERENCES status_changes(id) ON DELETE CASCADE,
    PRIMARY KEY (mail_id, status_change_id)
) STRICT, WITHOUT ROWID;
