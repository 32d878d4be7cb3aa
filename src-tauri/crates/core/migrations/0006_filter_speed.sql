-- The library's filters at 10,000 stories (issue 12, speed, third pass).
--
-- A filter the page's index did not hold ("only new", "only favourites", an event) was checked
-- on the story's row, and the columns it reads (last_heard_at, is_favorite, event_*, language…)
-- sit after the story's text and its JSON copy, in the row's overflow pages: each candidate
-- story cost a walk of several pages. When few stories pass (no French story left unheard in
-- the bench's library), the first page walked all 10,000 stories that way. Each sort's index
-- now carries every column a filter reads, so any filter is checked inside the index (at worst a
-- scan of 10,000 short index entries) and the row is read only for the page's 40 cards.
-- Inserts pay a few short index entries more; a family saves a story a night.

DROP INDEX IF EXISTS stories_user_newest;
DROP INDEX IF EXISTS stories_user_heard;
DROP INDEX IF EXISTS stories_user_title;
DROP INDEX IF EXISTS stories_user_length;

-- Newest and oldest.
CREATE INDEX stories_user_newest ON stories (user_id, created_at DESC, id,
    last_heard_at, language, hero_id, is_favorite, event_type, event_id);
-- Last heard; also "only new" (last_heard_at IS NULL is an equality on it), newest first.
CREATE INDEX stories_user_heard ON stories (user_id, last_heard_at DESC, created_at DESC, id,
    language, hero_id, is_favorite, event_type, event_id);
CREATE INDEX stories_user_title ON stories (user_id, title COLLATE NOCASE, id,
    last_heard_at, language, hero_id, is_favorite, event_type, event_id);
CREATE INDEX stories_user_length ON stories (user_id, COALESCE(narration_seconds, length_seconds) IS NULL,
    COALESCE(narration_seconds, length_seconds), id,
    last_heard_at, language, hero_id, is_favorite, event_type, event_id, narration_seconds, length_seconds);
-- One event's stories (a custom event is on a handful), read directly.
CREATE INDEX stories_user_event ON stories (user_id, event_type, event_id, created_at DESC, id);
