-- Full-text search at 10,000 stories (issue 12, speed, second pass).
--
-- 1. Prefix indexes for one- and two-letter prefixes (`prefix='1 2'`): a search for "s" reads one
--    doclist instead of merging every term that starts with "s".
-- 2. Each story keeps the rowid of its full-text row (`fts_rowid`), so a search joins its matches
--    to the stories through a narrow index; reading the unindexed `story_id` back from the
--    full-text table meant one wide content row per match (most of a search's time).
-- The table is rebuilt (FTS5 options cannot be altered); the triggers keep both in step.

DROP TRIGGER IF EXISTS stories_fts_insert;
DROP TRIGGER IF EXISTS stories_fts_update;
DROP TRIGGER IF EXISTS stories_fts_delete;
DROP TABLE IF EXISTS stories_fts;

CREATE VIRTUAL TABLE stories_fts USING fts5(
    story_id UNINDEXED,
    title,
    content,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);

ALTER TABLE stories ADD COLUMN fts_rowid INTEGER;
INSERT INTO stories_fts (rowid, story_id, title, content) SELECT rowid, id, title, content FROM stories;
UPDATE stories SET fts_rowid = rowid;
INSERT INTO stories_fts (stories_fts) VALUES ('optimize');

-- A search's matches joined to their stories (and filtered) from the index alone.
CREATE INDEX stories_fts_filters ON stories (fts_rowid, id, user_id, created_at, last_heard_at, language,
    hero_id, is_favorite);

CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts (story_id, title, content) VALUES (new.id, new.title, new.content);
    UPDATE stories SET fts_rowid = last_insert_rowid() WHERE id = new.id;
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, content ON stories
WHEN old.title IS NOT new.title OR old.content IS NOT new.content BEGIN
    DELETE FROM stories_fts WHERE rowid = old.fts_rowid;
    DELETE FROM stories_fts WHERE old.fts_rowid IS NULL AND story_id = old.id;
    INSERT INTO stories_fts (story_id, title, content) VALUES (new.id, new.title, new.content);
    UPDATE stories SET fts_rowid = last_insert_rowid() WHERE id = new.id;
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    DELETE FROM stories_fts WHERE rowid = old.fts_rowid;
    DELETE FROM stories_fts WHERE old.fts_rowid IS NULL AND story_id = old.id;
END;
