-- Area sets replaced by staff: an area left out of a new set but still holding ideas without a
-- point of their own is retired (out of lists and maps) rather than deleted, and those ideas
-- are flagged for staff to place by hand.

ALTER TABLE areas ADD COLUMN retired_at INTEGER;
ALTER TABLE ideas ADD COLUMN area_flagged INTEGER NOT NULL DEFAULT 0 CHECK (area_flagged IN (0, 1));

CREATE INDEX ideas_area_flagged ON ideas (area_flagged) WHERE area_flagged = 1;
