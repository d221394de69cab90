-- Home assignments: one submission per organisation and phase, its answers and structured
-- parts (JSON, each part read by its own reader in the domain), and every revision.

CREATE TABLE submissions (
    id              INTEGER PRIMARY KEY,
    phase_slug      TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
    -- Question key → Markdown answer.
    answers         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
    -- Part key (trend_ranking, …) → that part's value.
    parts           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parts)),
    -- The process leaders' latest comment (when returned or accepted).
    comment         TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    submitted_at    INTEGER,
    accepted_at     INTEGER,
    UNIQUE (phase_slug, organisation_id)
);
CREATE INDEX submissions_organisation ON submissions (organisation_id, phase_slug);

CREATE TABLE submission_revisions (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    version       INTEGER NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('save', 'submit', 'return', 'accept')),
    status        TEXT NOT NULL,
    snapshot      TEXT NOT NULL,
    comment       TEXT,
    changed_by    INTEGER REFERENCES users (id),
    changed_at    INTEGER NOT NULL,
    UNIQUE (submission_id, version)
);
