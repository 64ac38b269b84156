-- Sign-in by e-mail code, and sessions. Codes and session tokens are stored only as hashes.

CREATE TABLE sign_in_codes (
    id              INTEGER PRIMARY KEY,
    -- Normalised (trimmed, lowercase) address the code was sent to.
    email           TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    code_hash       TEXT NOT NULL CHECK (length(code_hash) = 64),
    -- A hash of the client's address, only for rate limiting; never the address itself.
    client_hash     TEXT NOT NULL CHECK (length(client_hash) = 64),
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL CHECK (expires_at > created_at),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts BETWEEN 0 AND 5),
    used_at         INTEGER
) STRICT;

CREATE INDEX sign_in_codes_email ON sign_in_codes (email, created_at);
CREATE INDEX sign_in_codes_client ON sign_in_codes (client_hash, created_at);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    resident_id INTEGER NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL CHECK (expires_at > created_at)
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_resident ON sessions (resident_id);
