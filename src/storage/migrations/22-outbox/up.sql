-- The outbox: every message to a person, written in the same transaction as the change
-- that causes it, as its kind and the facts it tells (JSON of `domain::mail::Content`),
-- and delivered by the sender (`app::outbox`) with retries. `token` is the left part of
-- the message's Message-ID, the same at every attempt. Times are Unix seconds (UTC).

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    token           TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    recipient_name  TEXT NOT NULL DEFAULT '',
    user_id         INTEGER REFERENCES users (id),
    lang            TEXT,
    content         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    message_id      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    -- For a message its receiver may choose not to get: the secret of its one-click
    -- unsubscribe link (never the Message-ID's token, which travels in headers).
    unsubscribe_token TEXT UNIQUE
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
CREATE INDEX outbox_user ON outbox (user_id);
CREATE INDEX outbox_recipient ON outbox (recipient);

-- The kinds of optional message a person chose not to receive.
CREATE TABLE mail_optouts (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- The language messages to a person are written in (none: the programme's).
ALTER TABLE users ADD COLUMN lang TEXT;

-- The language a registration was made in, for the messages about it.
ALTER TABLE registrations ADD COLUMN lang TEXT;

-- A visitor's registration for an event open to all waits here until they confirm it by
-- the link mailed to them; only then is it a registration and counted. The link's token
-- is kept as a digest; an unconfirmed one expires.
CREATE TABLE pending_registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '[]',
    lang TEXT,
    token_digest BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX pending_registrations_expiry ON pending_registrations (expires_at);
