-- Merging duplicate ideas. A merge moves the supports of the idea merged away to the idea kept
-- (a resident who supported both counts once) and records which supports it moved and which
-- of them were new to the kept idea, so an admin can undo it exactly.

CREATE TABLE idea_merges (
    id            INTEGER PRIMARY KEY,
    from_idea     INTEGER NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    into_idea     INTEGER NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    -- The status the merged idea had, restored by an undo.
    from_status   TEXT NOT NULL CHECK (from_status IN ('new', 'under_review', 'in_plan', 'partly_in_plan', 'already_planned', 'not_adopted')),
    staff_id      INTEGER REFERENCES staff_users(id),
    created_at    INTEGER NOT NULL,
    undone_at     INTEGER,
    undone_by     INTEGER REFERENCES staff_users(id),
    CHECK (from_idea <> into_idea),
    CHECK ((undone_at IS NULL) = (undone_by IS NULL))
) STRICT;

CREATE INDEX idea_merges_from ON idea_merges (from_idea);

CREATE TABLE merged_supports (
    merge_id    INTEGER NOT NULL REFERENCES idea_merges(id) ON DELETE CASCADE,
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    -- Whether the support was new to the kept idea (the resident had not supported it).
    added       INTEGER NOT NULL CHECK (added IN (0, 1)),
    PRIMARY KEY (merge_id, resident_id)
) STRICT, WITHOUT ROWID;
