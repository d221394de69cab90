-- How notes of the bank hang together: a parent note (signal → trend → megatrend) and
-- typed links between notes (drives, reinforces, counteracts, in tension with).

ALTER TABLE notes ADD COLUMN parent_id INTEGER REFERENCES notes (id);
CREATE INDEX notes_parent ON notes (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX notes_merged_into ON notes (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE note_links (
    from_id    INTEGER NOT NULL REFERENCES notes (id),
    to_id      INTEGER NOT NULL REFERENCES notes (id),
    kind       TEXT NOT NULL CHECK (kind IN ('drives', 'reinforces', 'counteracts', 'in_tension_with')),
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (from_id, to_id, kind),
    CHECK (from_id <> to_id)
) WITHOUT ROWID;
CREATE INDEX note_links_to ON note_links (to_id, from_id);
