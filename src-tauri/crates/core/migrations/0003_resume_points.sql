-- Where each story was left (issue 11): the player's position at a pause, a stop, another story
-- or the sleep timer, so reopening a story after a restart offers to continue. Numbered 0003 to
-- leave 0002 to the library view's migration.
CREATE TABLE resume_points (
    story_id    TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    position    REAL NOT NULL,
    updated_at  INTEGER NOT NULL
);
