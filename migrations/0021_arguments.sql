-- The debate under an idea: arguments for and against it and questions about it, one level of
-- replies, and "helpful" marks, one per resident per argument.
CREATE TABLE arguments (
    id               INTEGER PRIMARY KEY,
    idea_id          INTEGER NOT NULL REFERENCES ideas(id),
    -- A reply's argument; replies have no replies of their own (the core refuses them).
    parent_id        INTEGER REFERENCES arguments(id),
    -- NULL once the author deleted their account: the text stays as a former resident's.
    author_id        INTEGER REFERENCES residents(id),
    -- Set when staff wrote it as the municipality; then author_id is NULL.
    staff_id         INTEGER REFERENCES staff_users(id),
    -- An argument's stance; a reply has none.
    stance           TEXT CHECK (stance IN ('for', 'against', 'question')),
    -- Empty once its author deleted it: the place and its replies stay.
    body             TEXT NOT NULL CHECK (length(body) <= 1500),
    -- A fold of the text (lower case, single spaces) that finds the same text sent twice.
    fold             TEXT NOT NULL,
    language         TEXT NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
    moderation_state TEXT NOT NULL DEFAULT 'published' CHECK (moderation_state IN ('pending', 'published', 'rejected', 'hidden')),
    -- The debate rule a moderator hid or rejected it under.
    moderation_rule  TEXT,
    moderated_at     INTEGER,
    helpful_count    INTEGER NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    created_at       INTEGER NOT NULL,
    edited_at        INTEGER,
    deleted_at       INTEGER,
    CHECK ((parent_id IS NULL) = (stance IS NOT NULL)),
    CHECK (deleted_at IS NOT NULL OR length(trim(body)) >= 1),
    CHECK (moderation_state IN ('pending', 'published') OR moderation_rule IS NOT NULL)
) STRICT;

-- An idea's arguments, most helpful or newest first, and each argument's replies.
CREATE INDEX arguments_idea ON arguments (idea_id, parent_id, helpful_count DESC, id DESC);
CREATE INDEX arguments_parent ON arguments (parent_id) WHERE parent_id IS NOT NULL;
-- The counts on every card: published arguments by stance, from the index alone.
CREATE INDEX arguments_counted ON arguments (idea_id, stance)
    WHERE parent_id IS NULL AND moderation_state = 'published' AND deleted_at IS NULL;
-- A resident's arguments: their data download, the same-text check, deleting the account.
CREATE INDEX arguments_author ON arguments (author_id, created_at);

-- The words an argument had before its author edited them, for moderators.
CREATE TABLE argument_edits (
    id          INTEGER PRIMARY KEY,
    argument_id INTEGER NOT NULL REFERENCES arguments(id),
    body        TEXT NOT NULL,
    replaced_at INTEGER NOT NULL
) STRICT;
CREATE INDEX argument_edits_argument ON argument_edits (argument_id);

CREATE TABLE argument_helpful (
    argument_id INTEGER NOT NULL REFERENCES arguments(id),
    resident_id INTEGER NOT NULL REFERENCES residents(id),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (argument_id, resident_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX argument_helpful_resident ON argument_helpful (resident_id);

CREATE TRIGGER argument_helpful_insert AFTER INSERT ON argument_helpful BEGIN
    UPDATE arguments SET helpful_count = helpful_count + 1 WHERE id = NEW.argument_id;
END;
CREATE TRIGGER argument_helpful_delete AFTER DELETE ON argument_helpful BEGIN
    UPDATE arguments SET helpful_count = helpful_count - 1 WHERE id = OLD.argument_id;
END;

-- Staff may close an idea's debate with a conclusion; a closed debate stays readable.
ALTER TABLE ideas ADD COLUMN debate_closed_at INTEGER;
ALTER TABLE ideas ADD COLUMN debate_conclusion TEXT;

-- What a visitor typed before signing in, kept under their draft cookie's token until they
-- are back (as proposals are), and swept with the other drafts.
CREATE TABLE argument_drafts (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    idea_id    INTEGER NOT NULL,
    stance     TEXT,
    reply_to   INTEGER,
    body       TEXT NOT NULL CHECK (length(body) <= 1501),
    updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX argument_drafts_age ON argument_drafts (updated_at);
