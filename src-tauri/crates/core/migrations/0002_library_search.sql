-- The library view (issue 12): what the cards show and filter on, kept as columns so a library of
-- 10,000 stories pages in a few milliseconds, and full-text search over titles and story text.

ALTER TABLE stories ADD COLUMN is_favorite INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN event_type TEXT;          -- 'built_in' | 'custom'
ALTER TABLE stories ADD COLUMN event_id TEXT;            -- built-in event id, or the custom event's row id
ALTER TABLE stories ADD COLUMN length_seconds REAL;      -- estimated, until a narration is measured

CREATE INDEX stories_user_title ON stories (user_id, title COLLATE NOCASE);
CREATE INDEX stories_user_hero ON stories (user_id, hero_id);
CREATE INDEX listening_sessions_story ON listening_sessions (story_id, started_at);
CREATE INDEX listening_sessions_started ON listening_sessions (started_at);

-- Where each listening left the story (the player's position), for "continue the story".
ALTER TABLE listening_sessions ADD COLUMN position REAL;
-- The listener's UTC offset when it was heard: a listening counts on the local day it happened.
ALTER TABLE listening_sessions ADD COLUMN utc_offset_minutes INTEGER;

-- Titles and text in every language: case- and accent-insensitive ("Éléphant" = "elephant").
-- The index keeps its own copy keyed by story id (robust to VACUUM renumbering rowids), kept in
-- step by the triggers below whatever path writes a story.
CREATE VIRTUAL TABLE stories_fts USING fts5(
    story_id UNINDEXED,
    title,
    content,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO stories_fts (story_id, title, content) SELECT id, title, content FROM stories;

CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts (story_id, title, content) VALUES (new.id, new.title, new.content);
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, content ON stories
WHEN old.title IS NOT new.title OR old.content IS NOT new.content BEGIN
    DELETE FROM stories_fts WHERE story_id = old.id;
    INSERT INTO stories_fts (story_id, title, content) VALUES (new.id, new.title, new.content);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    DELETE FROM stories_fts WHERE story_id = old.id;
END;
