-- Moving a library to a Supabase project (issue 13, part 5).
--
-- A move copies every file and row of one family to another backend. It can be cut halfway (the
-- app quits, the network drops, the family presses Cancel), so what is already copied and
-- verified is written down here as it happens, and the next run skips it. One run per family and
-- destination; a finished run is started over from the top by the next move (every write is an
-- upsert, so copying again adds nothing twice).
CREATE TABLE moving_runs (
    source_user  TEXT NOT NULL,
    target       TEXT NOT NULL,     -- the destination's base URL
    target_user  TEXT NOT NULL,     -- the account the rows were rewritten for
    started_at   INTEGER NOT NULL,  -- unix ms
    finished_at  INTEGER,           -- unix ms; NULL while the run is unfinished
    PRIMARY KEY (source_user, target)
);

CREATE TABLE moving_items (
    source_user  TEXT NOT NULL,
    target       TEXT NOT NULL,
    item         TEXT NOT NULL,     -- 'file:<bucket>/<path>' or 'row:<table>:<id>'
    sha256       TEXT,              -- a file's checksum, read back from the destination
    bytes        INTEGER NOT NULL DEFAULT 0,
    done_at      INTEGER NOT NULL,
    PRIMARY KEY (source_user, target, item),
    FOREIGN KEY (source_user, target) REFERENCES moving_runs (source_user, target) ON DELETE CASCADE
);
