-- A code works only in the browser that asked for it: that browser holds a random token in its
-- sign-in cookie, and only the token's hash is stored here. Codes of other browsers for the
-- same address (someone else asking on the resident's behalf) can neither be guessed at from
-- elsewhere nor used up by someone else's wrong tries.
ALTER TABLE sign_in_codes ADD COLUMN browser_hash TEXT CHECK (length(browser_hash) = 64);

-- The wrong tries of the last hour, site-wide, are summed at every check of a code.
CREATE INDEX sign_in_codes_created ON sign_in_codes (created_at);
