-- Organisations, people, roles, sessions, set-password links, login throttling,
-- active-phase overrides and the append-only audit log. Times are Unix seconds (UTC).

CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    category      TEXT NOT NULL CHECK (category IN
                    ('metropolitan_region', 'region', 'agency', 'partner', 'board')),
    contact_name  TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    address       TEXT,
    postcode      TEXT,
    city          TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    password_hash   TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at      INTEGER NOT NULL
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('administrator', 'process_leader', 'editor', 'strategist')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

CREATE TABLE sessions (
    token_digest BLOB PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_links (
    token_digest BLOB PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by   INTEGER REFERENCES users (id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_at      INTEGER
) WITHOUT ROWID;
CREATE INDEX password_links_user ON password_links (user_id);

CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);

CREATE TABLE phase_overrides (
    id         INTEGER PRIMARY KEY,
    programme  TEXT NOT NULL,
    phase_slug TEXT,
    reason     TEXT,
    set_by     INTEGER NOT NULL REFERENCES users (id),
    set_at     INTEGER NOT NULL
);
CREATE INDEX phase_overrides_programme ON phase_overrides (programme, id);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    address  TEXT,
    action   TEXT NOT NULL,
    subject  TEXT,
    detail   TEXT
);
CREATE INDEX audit_log_actor ON audit_log (actor_id);

CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
