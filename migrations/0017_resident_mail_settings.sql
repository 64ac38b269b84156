-- The language of a resident's mails: set from the page of their first sign-in, changed only
-- on /me, so signing in on a phone in another language does not switch it. A BCP 47 tag the
-- site offers; NULL (not yet known) and unknown tags read as Danish.
ALTER TABLE residents ADD COLUMN language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 12);
-- Whether they want a mail when an idea they proposed or support gets a new status.
ALTER TABLE residents ADD COLUMN status_mails INTEGER NOT NULL DEFAULT 1 CHECK (status_mails IN (0, 1));
