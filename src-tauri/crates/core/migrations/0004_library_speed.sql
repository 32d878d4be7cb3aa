-- The library at 10,000 stories (issue 12, speed): what the cards, the sorts and the journey
-- read from listening is kept per story and per day by triggers, in the same transaction as
-- every write of a listening session, so no page or journey query scans the sessions.

-- Per story, from its listening sessions (all of them, whatever path wrote them).
ALTER TABLE stories ADD COLUMN last_heard_at INTEGER;                 -- latest session start
ALTER TABLE stories ADD COLUMN finished INTEGER NOT NULL DEFAULT 0;   -- a session reached the end
ALTER TABLE stories ADD COLUMN plays INTEGER NOT NULL DEFAULT 0;      -- sessions with time heard
ALTER TABLE stories ADD COLUMN heard_seconds REAL NOT NULL DEFAULT 0; -- seconds heard in them

UPDATE stories SET (last_heard_at, finished, plays, heard_seconds) = (
    SELECT MAX(l.started_at), COALESCE(MAX(l.completed <> 0), 0),
           COALESCE(SUM(l.seconds_listened > 0), 0),
           COALESCE(SUM(CASE WHEN l.seconds_listened > 0 THEN l.seconds_listened END), 0)
    FROM listening_sessions l WHERE l.story_id = stories.id);

CREATE TRIGGER listening_story_insert AFTER INSERT ON listening_sessions BEGIN
    UPDATE stories SET (last_heard_at, finished, plays, heard_seconds) = (
        SELECT MAX(l.started_at), COALESCE(MAX(l.completed <> 0), 0),
               COALESCE(SUM(l.seconds_listened > 0), 0),
               COALESCE(SUM(CASE WHEN l.seconds_listened > 0 THEN l.seconds_listened END), 0)
        FROM listening_sessions l WHERE l.story_id = stories.id)
    WHERE id = new.story_id;
END;
CREATE TRIGGER listening_story_update AFTER UPDATE ON listening_sessions BEGIN
    UPDATE stories SET (last_heard_at, finished, plays, heard_seconds) = (
        SELECT MAX(l.started_at), COALESCE(MAX(l.completed <> 0), 0),
               COALESCE(SUM(l.seconds_listened > 0), 0),
               COALESCE(SUM(CASE WHEN l.seconds_listened > 0 THEN l.seconds_listened END), 0)
        FROM listening_sessions l WHERE l.story_id = stories.id)
    WHERE id IN (old.story_id, new.story_id);
END;
CREATE TRIGGER listening_story_delete AFTER DELETE ON listening_sessions BEGIN
    UPDATE stories SET (last_heard_at, finished, plays, heard_seconds) = (
        SELECT MAX(l.started_at), COALESCE(MAX(l.completed <> 0), 0),
               COALESCE(SUM(l.seconds_listened > 0), 0),
               COALESCE(SUM(CASE WHEN l.seconds_listened > 0 THEN l.seconds_listened END), 0)
        FROM listening_sessions l WHERE l.story_id = stories.id)
    WHERE id = old.story_id;
END;

-- Seconds heard per local day and family, for the journey's chart and streaks. A session counts
-- on the day where it was heard (its recorded offset); sessions recorded without an offset (none
-- since 0002) are added at read time in the caller's offset. `sessions` says whether the day
-- still has any listening once sessions are removed. Each session keeps its family's id, so its
-- day is found even while its story is being deleted (the cascade runs after the story is gone).
ALTER TABLE listening_sessions ADD COLUMN user_id TEXT;
UPDATE listening_sessions SET user_id = (SELECT s.user_id FROM stories s WHERE s.id = story_id);

CREATE TABLE listening_days (
    user_id   TEXT NOT NULL,
    day       INTEGER NOT NULL,  -- days since 1970-01-01, local
    seconds   REAL NOT NULL,
    sessions  INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

INSERT INTO listening_days (user_id, day, seconds, sessions)
SELECT user_id, (started_at + utc_offset_minutes * 60000) / 86400000 AS d, SUM(seconds_listened), COUNT(*)
FROM listening_sessions
WHERE utc_offset_minutes IS NOT NULL AND seconds_listened > 0 AND user_id IS NOT NULL
GROUP BY user_id, d;

CREATE TRIGGER listening_day_insert AFTER INSERT ON listening_sessions
WHEN new.utc_offset_minutes IS NOT NULL AND new.seconds_listened > 0 BEGIN
    INSERT INTO listening_days (user_id, day, seconds, sessions)
    SELECT u, (new.started_at + new.utc_offset_minutes * 60000) / 86400000, new.seconds_listened, 1
    FROM (SELECT COALESCE(new.user_id, (SELECT user_id FROM stories WHERE id = new.story_id)) AS u)
    WHERE u IS NOT NULL
    ON CONFLICT (user_id, day) DO UPDATE SET seconds = seconds + excluded.seconds, sessions = sessions + 1;
END;
CREATE TRIGGER listening_day_update
AFTER UPDATE OF user_id, story_id, started_at, seconds_listened, utc_offset_minutes ON listening_sessions BEGIN
    UPDATE listening_days SET seconds = seconds - old.seconds_listened, sessions = sessions - 1
    WHERE old.utc_offset_minutes IS NOT NULL AND old.seconds_listened > 0
      AND user_id = COALESCE(old.user_id, (SELECT user_id FROM stories WHERE id = old.story_id))
      AND day = (old.started_at + old.utc_offset_minutes * 60000) / 86400000;
    DELETE FROM listening_days
    WHERE user_id = COALESCE(old.user_id, (SELECT user_id FROM stories WHERE id = old.story_id))
      AND day = (old.started_at + old.utc_offset_minutes * 60000) / 86400000 AND sessions <= 0;
    INSERT INTO listening_days (user_id, day, seconds, sessions)
    SELECT u, (new.started_at + new.utc_offset_minutes * 60000) / 86400000, new.seconds_listened, 1
    FROM (SELECT COALESCE(new.user_id, (SELECT user_id FROM stories WHERE id = new.story_id)) AS u)
    WHERE u IS NOT NULL AND new.utc_offset_minutes IS NOT NULL AND new.seconds_listened > 0
    ON CONFLICT (user_id, day) DO UPDATE SET seconds = seconds + excluded.seconds, sessions = sessions + 1;
END;
CREATE TRIGGER listening_day_delete AFTER DELETE ON listening_sessions
WHEN old.utc_offset_minutes IS NOT NULL AND old.seconds_listened > 0 BEGIN
    UPDATE listening_days SET seconds = seconds - old.seconds_listened, sessions = sessions - 1
    WHERE user_id = COALESCE(old.user_id, (SELECT user_id FROM stories WHERE id = old.story_id))
      AND day = (old.started_at + old.utc_offset_minutes * 60000) / 86400000;
    DELETE FROM listening_days
    WHERE user_id = COALESCE(old.user_id, (SELECT user_id FROM stories WHERE id = old.story_id))
      AND day = (old.started_at + old.utc_offset_minutes * 60000) / 86400000 AND sessions <= 0;
END;
-- Sessions recorded without an offset, read at journey time in the caller's offset.
CREATE INDEX listening_sessions_no_offset ON listening_sessions (story_id)
WHERE utc_offset_minutes IS NULL;

-- The measured narration length on the story (audio_files), so sorting by length reads one index.
ALTER TABLE stories ADD COLUMN narration_seconds REAL;
UPDATE stories SET narration_seconds = (SELECT a.duration_seconds FROM audio_files a WHERE a.story_id = stories.id);
CREATE TRIGGER audio_story_insert AFTER INSERT ON audio_files BEGIN
    UPDATE stories SET narration_seconds = new.duration_seconds WHERE id = new.story_id;
END;
CREATE TRIGGER audio_story_update AFTER UPDATE OF story_id, duration_seconds ON audio_files BEGIN
    UPDATE stories SET narration_seconds = NULL WHERE id = old.story_id;
    UPDATE stories SET narration_seconds = new.duration_seconds WHERE id = new.story_id;
END;
CREATE TRIGGER audio_story_delete AFTER DELETE ON audio_files BEGIN
    UPDATE stories SET narration_seconds = NULL WHERE id = old.story_id;
END;

-- The sorts and filters of the library page, each read in index order up to the page's end
-- (covering, so paging far down does not read the stories' rows).
CREATE INDEX stories_user_newest ON stories (user_id, created_at DESC, id);
CREATE INDEX stories_user_heard ON stories (user_id, last_heard_at, created_at);
CREATE INDEX stories_user_language ON stories (user_id, language, created_at);
CREATE INDEX stories_user_length ON stories (user_id, COALESCE(narration_seconds, length_seconds) IS NULL,
    COALESCE(narration_seconds, length_seconds), id);
-- The journey's stories heard, most heard and favourite hero, from the index alone.
CREATE INDEX stories_user_plays ON stories (user_id, plays, heard_seconds, hero_id);
-- A search's matches joined to their stories without reading the stories' rows.
CREATE INDEX stories_id_filters ON stories (id, user_id, created_at, last_heard_at, language, hero_id, is_favorite);
