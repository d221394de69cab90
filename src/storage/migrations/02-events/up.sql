-- Events with their agenda, questions, registrations (with waiting list), minutes with
-- revisions, and the secret tokens of personal calendar feeds. Times are Unix seconds (UTC).

CREATE TABLE events (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE,
    phase_slug          TEXT,
    organisation_id     INTEGER REFERENCES organisations (id),
    kind                TEXT NOT NULL CHECK (kind IN
                          ('workshop', 'politicians_seminar', 'leaders_thinktank', 'conference', 'meeting', 'other')),
    title               TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    starts_at           INTEGER NOT NULL,
    ends_at             INTEGER NOT NULL CHECK (ends_at > starts_at),
    venue               TEXT,
    address             TEXT,
    mode                TEXT NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid', 'streamed')),
    online_link         TEXT,
    capacity            INTEGER CHECK (capacity IS NULL OR capacity > 0),
    per_org_cap         INTEGER CHECK (per_org_cap IS NULL OR per_org_cap > 0),
    registration_opens  INTEGER,
    registration_closes INTEGER,
    contact_name        TEXT,
    contact_email       TEXT,
    audience            TEXT NOT NULL CHECK (audience IN ('members', 'public')),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'published', 'cancelled', 'rejected')),
    sequence            INTEGER NOT NULL DEFAULT 0,
    change_note         TEXT,
    changed_at          INTEGER,
    created_by          INTEGER REFERENCES users (id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX events_starts ON events (starts_at);
CREATE INDEX events_phase ON events (phase_slug, starts_at);
CREATE INDEX events_organisation ON events (organisation_id, starts_at);

CREATE TABLE agenda_items (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    ends_at   INTEGER,
    title     TEXT NOT NULL,
    speaker   TEXT,
    notes     TEXT
);
CREATE INDEX agenda_items_event ON agenda_items (event_id, starts_at);

CREATE TABLE event_questions (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('short_text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no')),
    label    TEXT NOT NULL,
    options  TEXT NOT NULL DEFAULT '',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))
);
CREATE INDEX event_questions_event ON event_questions (event_id, id);

CREATE TABLE registrations (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id         INTEGER REFERENCES users (id),
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    status          TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    registered_by   INTEGER REFERENCES users (id),
    attended        INTEGER CHECK (attended IS NULL OR attended IN (0, 1)),
    created_at      INTEGER NOT NULL,
    cancelled_at    INTEGER,
    promoted_at     INTEGER
);
CREATE INDEX registrations_event ON registrations (event_id, status, id);
CREATE INDEX registrations_user ON registrations (user_id);
-- One live registration per person and event.
CREATE UNIQUE INDEX registrations_one_per_person ON registrations (event_id, email)
    WHERE status <> 'cancelled';

CREATE TABLE registration_answers (
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    question_id     INTEGER NOT NULL REFERENCES event_questions (id) ON DELETE CASCADE,
    answer          TEXT NOT NULL,
    PRIMARY KEY (registration_id, question_id)
) WITHOUT ROWID;

CREATE TABLE event_minutes (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    final      INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
    written_by INTEGER REFERENCES users (id),
    written_at INTEGER NOT NULL
);
CREATE INDEX event_minutes_event ON event_minutes (event_id, id);

CREATE TABLE feed_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
