-- Incremental library sync (issue: the full refetch at every realtime join).
--
-- `sync_library` refetched every hero, event, story (with its text), scene and picture state at
-- every join, start-up included. It now asks only for rows whose `updated_at` (the backend's
-- clock) is at or after the latest one it saw, per signed-in family and per backend table. No
-- row here = no sync yet for that family and table = a full read, as before. A fresh (recovered)
-- library has none, so it is filled in full.
CREATE TABLE sync_state (
    user_id       TEXT NOT NULL,
    tbl           TEXT NOT NULL,
    synced_until  TEXT NOT NULL,   -- the backend's updated_at as it sent it (RFC 3339)
    PRIMARY KEY (user_id, tbl)
);
