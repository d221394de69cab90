-- The source bank (omvärldsbank): reports, forecasts, scenario studies and the like that
-- notes rest on, full-text search over them (FTS5, å, ä, ö, æ and ø kept as typed), and
-- which note cites which source with what stance. The CHECKs mirror domain::source.

CREATE TABLE sources (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN
                       ('report', 'forecast', 'scenario_study', 'statistics', 'article', 'dataset')),
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    publisher        TEXT CHECK (publisher IS NULL OR length(publisher) <= 500),
    authors          TEXT CHECK (authors IS NULL OR length(authors) <= 500),
    year             INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2100),
    link             TEXT CHECK (link IS NULL OR
                       ((link GLOB 'http://?*' OR link GLOB 'https://?*') AND length(link) <= 2000)),
    language         TEXT CHECK (language IS NULL OR
                       (length(language) BETWEEN 2 AND 3 AND language NOT GLOB '*[^a-z]*')),
    summary          TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
    scope            TEXT CHECK (scope IS NULL OR length(scope) <= 500),
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id),
    author_id        INTEGER REFERENCES users (id),
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
-- Lists show the newest first (by id), so each filter's index ends in id.
CREATE INDEX sources_kind ON sources (kind, id);
CREATE INDEX sources_organisation ON sources (organisation_id, id);

CREATE VIRTUAL TABLE sources_fts USING fts5 (
    title, publisher, authors, summary,
    content = 'sources', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts (rowid, title, publisher, authors, summary)
    VALUES (new.id, new.title, new.publisher, new.authors, new.summary);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, title, publisher, authors, summary)
    VALUES ('delete', old.id, old.title, old.publisher, old.authors, old.summary);
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, publisher, authors, summary ON sources BEGIN
    INSERT INTO sources_fts (sources_fts, rowid, title, publisher, authors, summary)
    VALUES ('delete', old.id, old.title, old.publisher, old.authors, old.summary);
    INSERT INTO sources_fts (rowid, title, publisher, authors, summary)
    VALUES (new.id, new.title, new.publisher, new.authors, new.summary);
END;

-- A note cites a source once, with one stance; citing it again changes the stance.
CREATE TABLE note_sources (
    note_id    INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    stance     TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
    added_by   INTEGER REFERENCES users (id),
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (note_id, source_id)
) WITHOUT ROWID;
-- The notes citing a source (the primary key serves a note's sources).
CREATE INDEX note_sources_source ON note_sources (source_id, note_id);
