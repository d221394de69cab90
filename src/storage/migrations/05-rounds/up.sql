-- Rating rounds: a set of notes put to the strategists on a few criteria, their answers
-- (a scale point, or don't know), and a reason per note.

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(title) > 0),
    description TEXT NOT NULL DEFAULT '',
    phase_slug  TEXT,
    criteria    TEXT NOT NULL CHECK (length(criteria) > 0),
    opens_at    INTEGER NOT NULL,
    closes_at   INTEGER NOT NULL,
    anonymity   TEXT NOT NULL CHECK (anonymity IN ('named', 'leaders', 'anonymous')),
    feedback    TEXT NOT NULL CHECK (feedback IN ('after_answer', 'after_close')),
    previous_id INTEGER REFERENCES rounds (id),
    created_by  INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    CHECK (closes_at > opens_at)
);

CREATE TABLE round_notes (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    note_id  INTEGER NOT NULL REFERENCES notes (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (round_id, note_id)
) WITHOUT ROWID;

CREATE TABLE ratings (
    round_id        INTEGER NOT NULL,
    note_id         INTEGER NOT NULL,
    criterion       TEXT NOT NULL CHECK (criterion IN
                      ('impact', 'uncertainty', 'relevance', 'knowledge', 'time_band', 'desirability')),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    -- NULL is "don't know".
    value           INTEGER CHECK (value IS NULL OR value BETWEEN -2 AND 5),
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (round_id, criterion, note_id, user_id),
    FOREIGN KEY (round_id, note_id) REFERENCES round_notes (round_id, note_id)
) WITHOUT ROWID;
CREATE INDEX ratings_user ON ratings (round_id, user_id);

CREATE TABLE rating_reasons (
    round_id   INTEGER NOT NULL,
    note_id    INTEGER NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    reason     TEXT NOT NULL CHECK (length(reason) > 0),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (round_id, note_id, user_id),
    FOREIGN KEY (round_id, note_id) REFERENCES round_notes (round_id, note_id)
) WITHOUT ROWID;
