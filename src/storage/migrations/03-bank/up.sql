-- The bank of change notes, every revision of each, and full-text search (FTS5) that
-- keeps å, ä, ö, æ and ø as typed.

CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    note_type        TEXT NOT NULL CHECK (note_type IN
                       ('signal', 'trend', 'megatrend', 'driver', 'uncertainty', 'wild_card', 'scenario_sketch')),
    title            TEXT NOT NULL CHECK (length(title) > 0),
    summary          TEXT NOT NULL DEFAULT '',
    implications     TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL CHECK (category IN
                       ('social', 'technological', 'economic', 'environmental', 'political', 'values')),
    secondary        TEXT NOT NULL DEFAULT '',
    direction        TEXT,
    time_band        TEXT CHECK (time_band IS NULL OR time_band IN ('now_2030', '2030_2040', '2040_2050', 'beyond_2050')),
    scope            TEXT,
    tags             TEXT NOT NULL DEFAULT '',
    phase_slug       TEXT,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'curated', 'merged', 'archived')),
    merged_into      INTEGER REFERENCES notes (id),
    public           INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
    author_id        INTEGER REFERENCES users (id),
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
-- Lists show the newest first (by id), so each filter's index ends in id.
CREATE INDEX notes_status ON notes (status, id);
CREATE INDEX notes_type ON notes (note_type, id);
CREATE INDEX notes_category ON notes (category, id);
CREATE INDEX notes_organisation ON notes (organisation_id, id);
-- What visitors may see, in the order lists show it.
CREATE INDEX notes_public ON notes (id) WHERE public = 1 AND status IN ('submitted', 'curated');

CREATE TABLE note_revisions (
    id         INTEGER PRIMARY KEY,
    note_id    INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    snapshot   TEXT NOT NULL,
    changed_by INTEGER REFERENCES users (id),
    changed_at INTEGER NOT NULL,
    UNIQUE (note_id, version)
);

CREATE VIRTUAL TABLE notes_fts USING fts5 (
    title, summary, implications, tags,
    content = 'notes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, summary, implications, tags)
    VALUES (new.id, new.title, new.summary, new.implications, new.tags);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, summary, implications, tags)
    VALUES ('delete', old.id, old.title, old.summary, old.implications, old.tags);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, summary, implications, tags ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, summary, implications, tags)
    VALUES ('delete', old.id, old.title, old.summary, old.implications, old.tags);
    INSERT INTO notes_fts (rowid, title, summary, implications, tags)
    VALUES (new.id, new.title, new.summary, new.implications, new.tags);
END;
