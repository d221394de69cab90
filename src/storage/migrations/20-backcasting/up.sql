-- Backcasting (workshop 4): a vision of a desired future (shared by the workshop, or an
-- organisation's own), the milestones on the way back from it, the actions near now,
-- and the stress test of each milestone and action against every scenario of the set
-- the vision builds on. Lists (characteristics, scenarios, dependencies, the milestones
-- an action leads to, the consequences answered) are JSON, each read by the domain's
-- types. Every revision of each is kept; removing one keeps its rows and history.

CREATE TABLE visions (
    id              INTEGER PRIMARY KEY,
    -- The phase whose home assignment asks for milestones.
    phase_slug      TEXT NOT NULL,
    -- Whose vision it is; NULL is the workshop's shared vision.
    organisation_id INTEGER REFERENCES organisations (id),
    -- The scenario set the vision builds on and is stress-tested against.
    set_id          INTEGER REFERENCES scenario_sets (id),
    title           TEXT NOT NULL CHECK (length(title) > 0),
    horizon         INTEGER NOT NULL,
    statement       TEXT NOT NULL CHECK (length(statement) > 0),
    -- [text]
    characteristics TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(characteristics)),
    -- [scenario id]: the scenarios of the set it builds on.
    scenarios       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
    -- The shared vision an organisation's own one adopts.
    adopted_from    INTEGER REFERENCES visions (id),
    -- Published to visitors (shared, or an organisation's once accepted).
    public          INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
    removed         INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_by      INTEGER REFERENCES users (id),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX visions_phase ON visions (phase_slug, id);
-- One vision (not removed) per organisation and phase.
CREATE UNIQUE INDEX visions_own ON visions (phase_slug, organisation_id)
    WHERE organisation_id IS NOT NULL AND removed = 0;

CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY,
    vision_id   INTEGER NOT NULL REFERENCES visions (id),
    year        INTEGER NOT NULL,
    title       TEXT NOT NULL CHECK (length(title) > 0),
    description TEXT NOT NULL DEFAULT '',
    -- A slug of the programme's levels.
    level       TEXT NOT NULL CHECK (length(level) > 0),
    kind        TEXT NOT NULL CHECK (kind IN
                  ('policy', 'investment', 'capability', 'partnership', 'regulation', 'behaviour')),
    actor       TEXT NOT NULL DEFAULT '',
    -- [milestone id]: the milestones of the same vision it depends on.
    depends_on  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(depends_on)),
    -- [consequence id]: the consequences it answers.
    answers     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers)),
    removed     INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_by  INTEGER REFERENCES users (id),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX milestones_vision ON milestones (vision_id, year, id);

CREATE TABLE actions (
    id              INTEGER PRIMARY KEY,
    vision_id       INTEGER NOT NULL REFERENCES visions (id),
    text            TEXT NOT NULL CHECK (length(text) > 0),
    -- The organisation responsible for it.
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    start           TEXT NOT NULL CHECK (start IN ('next-quarter', 'next-year', 'within-3-years')),
    -- The strategy it belongs to (the regional development strategy, say).
    strategy        TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('proposed', 'decided', 'under-way', 'done', 'dropped')),
    -- [milestone id]: the milestones of the same vision it leads to.
    milestones      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(milestones)),
    -- [consequence id]: the consequences it answers.
    answers         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers)),
    removed         INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_by      INTEGER REFERENCES users (id),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX actions_vision ON actions (vision_id, id);
CREATE INDEX actions_organisation ON actions (organisation_id);

-- Every revision of a vision, milestone or action, by kind.
CREATE TABLE backcasting_revisions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('vision', 'milestone', 'action')),
    item_id    INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    snapshot   TEXT NOT NULL,
    changed_by INTEGER REFERENCES users (id),
    changed_at INTEGER NOT NULL,
    UNIQUE (kind, item_id, version)
);

-- The stress test: a milestone or action judged against one scenario.
CREATE TABLE stress_verdicts (
    kind        TEXT NOT NULL CHECK (kind IN ('milestone', 'action')),
    item_id     INTEGER NOT NULL,
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id),
    verdict     TEXT NOT NULL CHECK (verdict IN ('robust', 'adapt', 'fails')),
    note        TEXT NOT NULL DEFAULT '',
    judged_by   INTEGER REFERENCES users (id),
    judged_at   INTEGER NOT NULL,
    PRIMARY KEY (kind, item_id, scenario_id)
) WITHOUT ROWID;

-- One search over the three: each row names its kind and number.
CREATE VIRTUAL TABLE backcasting_fts USING fts5 (
    body, kind UNINDEXED, item_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER visions_fts_insert AFTER INSERT ON visions BEGIN
    INSERT INTO backcasting_fts (body, kind, item_id)
    VALUES (new.title || ' ' || new.statement || ' ' || new.characteristics, 'vision', new.id);
END;
CREATE TRIGGER visions_fts_update AFTER UPDATE OF title, statement, characteristics ON visions BEGIN
    DELETE FROM backcasting_fts WHERE kind = 'vision' AND item_id = old.id;
    INSERT INTO backcasting_fts (body, kind, item_id)
    VALUES (new.title || ' ' || new.statement || ' ' || new.characteristics, 'vision', new.id);
END;
CREATE TRIGGER milestones_fts_insert AFTER INSERT ON milestones BEGIN
    INSERT INTO backcasting_fts (body, kind, item_id)
    VALUES (new.title || ' ' || new.description || ' ' || new.actor, 'milestone', new.id);
END;
CREATE TRIGGER milestones_fts_update AFTER UPDATE OF title, description, actor ON milestones BEGIN
    DELETE FROM backcasting_fts WHERE kind = 'milestone' AND item_id = old.id;
    INSERT INTO backcasting_fts (body, kind, item_id)
    VALUES (new.title || ' ' || new.description || ' ' || new.actor, 'milestone', new.id);
END;
CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN
    INSERT INTO backcasting_fts (body, kind, item_id)
    VALUES (new.text || ' ' || new.strategy, 'action', new.id);
END;
CREATE TRIGGER actions_fts_update AFTER UPDATE OF text, strategy ON actions BEGIN
    DELETE FROM backcasting_fts WHERE kind = 'action' AND item_id = old.id;
    INSERT INTO backcasting_fts (body, kind, item_id)
    VALUES (new.text || ' ' || new.strategy, 'action', new.id);
END;
