-- A resident's own point is published rounded to about 100 m, unless they ticked that the
-- exact spot matters to the idea. The exact point stays for staff (exports) and the author.
ALTER TABLE ideas ADD COLUMN point_exact INTEGER NOT NULL DEFAULT 0 CHECK (point_exact IN (0, 1));
