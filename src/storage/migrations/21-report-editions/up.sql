-- Editions of the final publication as a PDF report: each edition is built once in every
-- language the workspace speaks and kept as it was built, so what was published can be
-- read again later exactly as it was. The newest edition is the one served.

CREATE TABLE report_editions (
    id          INTEGER PRIMARY KEY,
    -- Editions count up from 1; the three languages of one edition share its number.
    edition     INTEGER NOT NULL CHECK (edition > 0),
    language    TEXT NOT NULL CHECK (language IN ('sv', 'nb', 'en')),
    pdf         BLOB NOT NULL CHECK (length(pdf) > 0),
    size        INTEGER NOT NULL,
    built_at    INTEGER NOT NULL,
    built_by    INTEGER REFERENCES users (id),
    UNIQUE (edition, language)
);
