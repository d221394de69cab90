-- The editorial team's texts: each phase's editorial outputs and news posts, their
-- workflow, and every revision.

CREATE TABLE publications (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('output', 'news')),
    phase_slug    TEXT,
    output_slug   TEXT,
    title         TEXT NOT NULL CHECK (length(title) > 0),
    body          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'unpublished')),
    -- When the public may see it (NULL: from publication on).
    publish_at    INTEGER,
    published_at  INTEGER,
    review_comment TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    -- Who last wrote the text (a second reviewer must be someone else).
    last_author   INTEGER REFERENCES users (id),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK (kind = 'news' OR (phase_slug IS NOT NULL AND output_slug IS NOT NULL))
);
CREATE INDEX publications_public ON publications (status, publish_at, id);

CREATE TABLE publication_revisions (
    id             INTEGER PRIMARY KEY,
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    version        INTEGER NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    status         TEXT NOT NULL,
    action         TEXT NOT NULL,
    comment        TEXT,
    changed_by     INTEGER REFERENCES users (id),
    changed_at     INTEGER NOT NULL,
    UNIQUE (publication_id, version)
);
