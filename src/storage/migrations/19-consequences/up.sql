-- Consequences (workshop 3): what follows from a scenario (or from one bank note, for a
-- futures wheel around a single change) at a level the programme defines, shared by the
-- workshop (no organisation) or an organisation's own view of its region. A consequence
-- of the 2nd or 3rd order follows from another of the same centre; `ord` is its ring of
-- the futures wheel. Every revision is kept; removing one keeps its rows and history.

CREATE TABLE consequences (
    id              INTEGER PRIMARY KEY,
    -- The phase whose home assignment asks for consequences.
    phase_slug      TEXT NOT NULL,
    scenario_id     INTEGER REFERENCES scenarios (id),
    note_id         INTEGER REFERENCES notes (id),
    -- Whose view it is; NULL is a shared consequence from the workshop.
    organisation_id INTEGER REFERENCES organisations (id),
    -- Slugs of the programme's levels and themes.
    level           TEXT NOT NULL CHECK (length(level) > 0),
    theme           TEXT,
    text            TEXT NOT NULL CHECK (length(text) > 0),
    valence         TEXT CHECK (valence IS NULL OR valence IN ('opportunity', 'threat', 'mixed')),
    magnitude       TEXT CHECK (magnitude IS NULL OR magnitude IN ('small', 'significant', 'transformative')),
    timing          TEXT CHECK (timing IS NULL OR timing IN ('within-1', '2-5', '5-15', 'beyond-15')),
    confidence      INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 1 AND 3),
    parent_id       INTEGER REFERENCES consequences (id),
    ord             INTEGER NOT NULL CHECK (ord BETWEEN 1 AND 3),
    -- The shared consequence an organisation's own one starts from ("this holds for us too").
    based_on        INTEGER REFERENCES consequences (id),
    removed         INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_by      INTEGER REFERENCES users (id),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((scenario_id IS NULL) <> (note_id IS NULL)),
    CHECK ((ord = 1) = (parent_id IS NULL))
);
CREATE INDEX consequences_scenario ON consequences (scenario_id, id);
CREATE INDEX consequences_note ON consequences (note_id, id);
CREATE INDEX consequences_organisation ON consequences (organisation_id, phase_slug);
CREATE INDEX consequences_parent ON consequences (parent_id);

CREATE TABLE consequence_revisions (
    id             INTEGER PRIMARY KEY,
    consequence_id INTEGER NOT NULL REFERENCES consequences (id),
    version        INTEGER NOT NULL,
    snapshot       TEXT NOT NULL,
    changed_by     INTEGER REFERENCES users (id),
    changed_at     INTEGER NOT NULL,
    UNIQUE (consequence_id, version)
);

-- Whether a set's consequences are published: the public web and visitors see them.
ALTER TABLE scenario_sets ADD COLUMN consequences_public INTEGER NOT NULL DEFAULT 0
    CHECK (consequences_public IN (0, 1));

CREATE VIRTUAL TABLE consequences_fts USING fts5 (
    text,
    content = 'consequences', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER consequences_fts_insert AFTER INSERT ON consequences BEGIN
    INSERT INTO consequences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER consequences_fts_delete AFTER DELETE ON consequences BEGIN
    INSERT INTO consequences_fts (consequences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER consequences_fts_update AFTER UPDATE OF text ON consequences BEGIN
    INSERT INTO consequences_fts (consequences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO consequences_fts (rowid, text) VALUES (new.id, new.text);
END;
