-- Every row's `updated_at` as a column of its own, indexed with the owner and the id: "what
-- changed since" (the app's sync at every start and rejoin) and pages by id are read from the
-- index alone, not by parsing every body (10,000 stories: 0.14 s of JSON a read). The REST
-- reads filter, order and page on these in SQL. Kept by triggers from the body, whatever writes
-- it. (A generated column would be simpler, but SQLite never reads one from a covering index.)
ALTER TABLE records ADD COLUMN updated_at TEXT;
UPDATE records SET updated_at = json_extract(body, '$.updated_at');
CREATE TRIGGER records_updated_at_on_insert AFTER INSERT ON records BEGIN
    UPDATE records SET updated_at = json_extract(new.body, '$.updated_at') WHERE rowid = new.rowid;
END;
CREATE TRIGGER records_updated_at_on_update AFTER UPDATE OF body ON records BEGIN
    UPDATE records SET updated_at = json_extract(new.body, '$.updated_at') WHERE rowid = new.rowid;
END;
CREATE INDEX records_owner_updated ON records(tbl, owner_id, updated_at, id);
