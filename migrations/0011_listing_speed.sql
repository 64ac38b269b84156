-- Counting and faceting the public list reads only this index, never the ideas' rows (whose
-- titles and descriptions made a count of 10 000 ideas read megabytes).
CREATE INDEX ideas_public_facets ON ideas (moderation_state, area_id, status, kind, sector_key, theme_key);

-- Each idea's trending score, worked out from the supports of the last 14 days at most once a
-- minute (storage/listing.rs), instead of on every request: summing 166 000 recent supports took
-- 100 ms a page.
CREATE TABLE trending_scores (
    idea_id INTEGER PRIMARY KEY,
    score INTEGER NOT NULL
);
