-- The language an idea is written in, guessed from its words when it is proposed
-- (klimadialog::locale::written_in): pages mark it with `lang` where it differs from the page's,
-- so screen readers pronounce it right (WCAG 3.1.2). Ideas from before are Danish.
ALTER TABLE ideas ADD COLUMN language TEXT NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en'));
