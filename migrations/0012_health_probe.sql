-- /healthz proves the database can still write (a full disk fails commits while reads go on):
-- it inserts a row here with a 64 KB blob and deletes it in the same transaction, so the
-- commit needs new pages and a write to disk, and the table stays empty.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY,
    filler BLOB NOT NULL
);
