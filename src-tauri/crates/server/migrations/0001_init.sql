-- Auth: users, sessions and the refresh-token families of each session.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT UNIQUE,
    password_hash TEXT,
    is_anonymous INTEGER NOT NULL,
    user_metadata TEXT NOT NULL DEFAULT '{}',
    app_metadata TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_sign_in_at INTEGER,
    email_confirmed_at INTEGER
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    amr_method TEXT NOT NULL,
    amr_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE refresh_tokens (
    token TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    parent TEXT,
    revoked_at INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);
CREATE INDEX refresh_tokens_parent ON refresh_tokens(parent);

-- REST: every contract table's rows as JSON documents, with the owner resolved at write time.
CREATE TABLE records (
    tbl TEXT NOT NULL,
    id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tbl, id)
);
CREATE INDEX records_owner ON records(tbl, owner_id, seq);

-- Storage: object metadata; the bytes live in files under storage/.
CREATE TABLE objects (
    bucket TEXT NOT NULL,
    name TEXT NOT NULL,
    id TEXT NOT NULL,
    owner_id TEXT,
    size INTEGER NOT NULL,
    mimetype TEXT NOT NULL,
    cache_control TEXT NOT NULL,
    etag TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (bucket, name)
);

-- Functions: quota spending and idempotent replies keyed on X-Request-ID.
CREATE TABLE quota_spend (
    user_id TEXT NOT NULL,
    function TEXT NOT NULL,
    weight INTEGER NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX quota_spend_user ON quota_spend(user_id, function, at);

CREATE TABLE function_replies (
    user_id TEXT NOT NULL,
    function TEXT NOT NULL,
    request_id TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (user_id, function, request_id)
);
