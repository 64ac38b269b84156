-- A note staff keep on an idea for each other: never shown to the public, in staff exports.
ALTER TABLE ideas ADD COLUMN staff_note TEXT CHECK (staff_note IS NULL OR length(staff_note) BETWEEN 1 AND 4000);
