-- Scenario sets of a phase with their scenarios, every revision of each, comments on the
-- scenarios while a set is open, and full-text search over both. Lists (axes,
-- predetermined elements, characteristics, driver states, signposts) are JSON, each read
-- by the domain's types.

CREATE TABLE scenario_sets (
    id             INTEGER PRIMARY KEY,
    phase_slug     TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(title) > 0),
    focal_question TEXT NOT NULL,
    horizon        INTEGER NOT NULL,
    method         TEXT NOT NULL CHECK (method IN ('two_axes', 'other')),
    -- [{note, definition, low, high}]: two for a two-axis set, none otherwise.
    axes           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(axes)),
    -- [note id]: the bank notes that hold in every scenario.
    predetermined  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(predetermined)),
    status         TEXT NOT NULL CHECK (status IN ('draft', 'open', 'final')),
    public         INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    -- The rating round whose driver map the set was made from, if any.
    round_id       INTEGER REFERENCES rounds (id),
    created_by     INTEGER REFERENCES users (id),
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX scenario_sets_phase ON scenario_sets (phase_slug, id);

CREATE TABLE scenario_set_revisions (
    id         INTEGER PRIMARY KEY,
    set_id     INTEGER NOT NULL REFERENCES scenario_sets (id),
    version    INTEGER NOT NULL,
    snapshot   TEXT NOT NULL,
    changed_by INTEGER REFERENCES users (id),
    changed_at INTEGER NOT NULL,
    UNIQUE (set_id, version)
);

CREATE TABLE scenarios (
    id              INTEGER PRIMARY KEY,
    set_id          INTEGER NOT NULL REFERENCES scenario_sets (id),
    -- A two-axis set's quadrant; NULL in a set of another method.
    quadrant        TEXT CHECK (quadrant IS NULL OR quadrant IN ('low_high', 'high_high', 'low_low', 'high_low')),
    -- The order of the set's scenarios.
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL CHECK (length(name) > 0),
    tagline         TEXT NOT NULL DEFAULT '',
    narrative       TEXT NOT NULL DEFAULT '',
    -- [text]
    characteristics TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(characteristics)),
    -- [{note, state}]
    driver_states   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(driver_states)),
    -- [{text, note, indicator}]
    signposts       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(signposts)),
    -- An illustration of the image library, by name, with its own alt text.
    image           TEXT,
    image_alt       TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (set_id, quadrant)
);
CREATE INDEX scenarios_set ON scenarios (set_id, position);

CREATE TABLE scenario_revisions (
    id          INTEGER PRIMARY KEY,
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id),
    version     INTEGER NOT NULL,
    snapshot    TEXT NOT NULL,
    changed_by  INTEGER REFERENCES users (id),
    changed_at  INTEGER NOT NULL,
    UNIQUE (scenario_id, version)
);

CREATE TABLE scenario_comments (
    id          INTEGER PRIMARY KEY,
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id),
    author_id   INTEGER REFERENCES users (id),
    body        TEXT NOT NULL CHECK (length(body) > 0),
    created_at  INTEGER NOT NULL
);
CREATE INDEX scenario_comments_scenario ON scenario_comments (scenario_id, id);

CREATE VIRTUAL TABLE scenarios_fts USING fts5 (
    name, tagline, narrative, characteristics,
    content = 'scenarios', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER scenarios_fts_insert AFTER INSERT ON scenarios BEGIN
    INSERT INTO scenarios_fts (rowid, name, tagline, narrative, characteristics)
    VALUES (new.id, new.name, new.tagline, new.narrative, new.characteristics);
END;
CREATE TRIGGER scenarios_fts_delete AFTER DELETE ON scenarios BEGIN
    INSERT INTO scenarios_fts (scenarios_fts, rowid, name, tagline, narrative, characteristics)
    VALUES ('delete', old.id, old.name, old.tagline, old.narrative, old.characteristics);
END;
CREATE TRIGGER scenarios_fts_update AFTER UPDATE OF name, tagline, narrative, characteristics ON scenarios BEGIN
    INSERT INTO scenarios_fts (scenarios_fts, rowid, name, tagline, narrative, characteristics)
    VALUES ('delete', old.id, old.name, old.tagline, old.narrative, old.characteristics);
    INSERT INTO scenarios_fts (rowid, name, tagline, narrative, characteristics)
    VALUES (new.id, new.name, new.tagline, new.narrative, new.characteristics);
END;

CREATE VIRTUAL TABLE scenario_sets_fts USING fts5 (
    title, focal_question,
    content = 'scenario_sets', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER scenario_sets_fts_insert AFTER INSERT ON scenario_sets BEGIN
    INSERT INTO scenario_sets_fts (rowid, title, focal_question) VALUES (new.id, new.title, new.focal_question);
END;
CREATE TRIGGER scenario_sets_fts_delete AFTER DELETE ON scenario_sets BEGIN
    INSERT INTO scenario_sets_fts (scenario_sets_fts, rowid, title, focal_question)
    VALUES ('delete', old.id, old.title, old.focal_question);
END;
CREATE TRIGGER scenario_sets_fts_update AFTER UPDATE OF title, focal_question ON scenario_sets BEGIN
    INSERT INTO scenario_sets_fts (scenario_sets_fts, rowid, title, focal_question)
    VALUES ('delete', old.id, old.title, old.focal_question);
    INSERT INTO scenario_sets_fts (rowid, title, focal_question) VALUES (new.id, new.title, new.focal_question);
END;
