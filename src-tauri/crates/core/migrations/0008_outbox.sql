-- Two-way sync: the outbox (issue 13, part 3).
--
-- An edit made here (a hero, a custom event, a favourite, a listening session, a deletion) is
-- applied to the library and queued in this table in the same transaction, then pushed to the
-- backend in `seq` order when it answers. A row stays here until the backend took it, or said
-- why not (`refused`: kept and shown, never dropped silently). While a row has a queued change,
-- a pull (REST read or realtime change) does not overwrite it locally.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      TEXT NOT NULL,
    tbl          TEXT NOT NULL,     -- backend table: heroes, custom_events, stories, listening_sessions
    row_id       TEXT NOT NULL,
    op           TEXT NOT NULL,     -- 'patch' | 'upsert' | 'delete'
    body         TEXT NOT NULL,     -- JSON: the columns to set ('{}' for a delete)
    edited_at    TEXT NOT NULL,     -- when the edit was made, RFC 3339 (the conflict rule's time)
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_try_at  INTEGER NOT NULL DEFAULT 0,  -- unix ms; backoff after a failed push
    last_error   TEXT,
    refused      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_row ON outbox (tbl, row_id);
CREATE INDEX outbox_user ON outbox (user_id, seq);
