-- Proposing ideas: drafts kept across sign-in, photos, and the full-text index for similar ideas
-- and search.

-- One draft per browser, found by the hash of a random token in a cookie. A draft belongs to no
-- resident: it is started before sign-in and becomes an idea when a signed-in resident submits it.
CREATE TABLE idea_drafts (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    -- What was typed, as typed, so the form can show it again.
    fields     TEXT NOT NULL CHECK (json_valid(fields) AND length(fields) <= 40000),
    -- The re-encoded photo's file name in the photo folder.
    photo      TEXT CHECK (photo IS NULL OR (length(photo) BETWEEN 5 AND 80 AND photo NOT GLOB '*[^a-z0-9.]*')),
    updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX idea_drafts_age ON idea_drafts (updated_at);

-- Ideas' photos are named by content, like drafts' photos.
CREATE TRIGGER ideas_photo_name BEFORE INSERT ON ideas
WHEN NEW.photo IS NOT NULL AND (length(NEW.photo) NOT BETWEEN 5 AND 80 OR NEW.photo GLOB '*[^a-z0-9.]*')
BEGIN
    SELECT RAISE(ABORT, 'bad photo name');
END;

-- Search terms of each idea (rowid = idea id), already folded and stemmed by the core's Danish
-- rules, so the tokenizer only splits on spaces. Kept in step with ideas by the core.
CREATE VIRTUAL TABLE idea_search USING fts5(title, description, tokenize = 'unicode61 remove_diacritics 2');
