-- The core's local store: the third cache layer and the library (the offline source of truth).

CREATE TABLE cache_entries (
    key          TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    value        BLOB NOT NULL,
    size         INTEGER NOT NULL,
    expires_at   INTEGER,            -- unix ms; NULL = permanent
    hits         INTEGER NOT NULL DEFAULT 0,
    last_access  INTEGER NOT NULL
);
CREATE INDEX cache_entries_expiry ON cache_entries (expires_at);

-- Library rows keep the backend's JSON (camelCase or snake_case as received) plus the columns
-- the app queries by.
CREATE TABLE heroes (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    data        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE TABLE custom_events (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    title       TEXT NOT NULL,
    data        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL,
    hero_id     TEXT,
    title       TEXT NOT NULL,
    content     TEXT NOT NULL,
    language    TEXT,
    data        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX stories_user ON stories (user_id, created_at);
CREATE TABLE scenes (
    story_id      TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    scene_number  INTEGER NOT NULL,
    data          TEXT NOT NULL,
    PRIMARY KEY (story_id, scene_number)
);
CREATE TABLE illustrations (
    story_id      TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    scene_number  INTEGER NOT NULL,
    status        TEXT NOT NULL,
    cache_key     TEXT,              -- set once the image is stored locally
    error_message TEXT,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (story_id, scene_number)
);
CREATE TABLE audio_files (
    story_id          TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    cache_key         TEXT NOT NULL,
    duration_seconds  REAL NOT NULL,
    format            TEXT NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE TABLE listening_sessions (
    id                TEXT PRIMARY KEY,
    story_id          TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    started_at        INTEGER NOT NULL,
    seconds_listened  REAL NOT NULL DEFAULT 0,
    completed         INTEGER NOT NULL DEFAULT 0
);
