-- Input (innspill) from anyone: held for moderation, never lost.
CREATE TABLE inputs (
    id           INTEGER PRIMARY KEY,
    name         TEXT,
    email        TEXT,
    body         TEXT NOT NULL CHECK (length(body) > 0),
    phase_slug   TEXT,
    topic        TEXT,
    status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'answered', 'linked')),
    note_id      INTEGER REFERENCES notes (id),
    published    INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    address      TEXT,
    created_at   INTEGER NOT NULL,
    handled_by   INTEGER REFERENCES users (id),
    handled_at   INTEGER
);
CREATE INDEX inputs_status ON inputs (status, id);
CREATE INDEX inputs_published ON inputs (id) WHERE published = 1;
