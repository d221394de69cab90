-- A merge of one note into another, with what the surviving note took over from it, so
-- that an editor can undo the merge and give back exactly that. A merge undone keeps
-- its row (who undid it, when): the history of the bank stays whole.
CREATE TABLE note_merges (
    id         INTEGER PRIMARY KEY,
    from_id    INTEGER NOT NULL REFERENCES notes (id),
    into_id    INTEGER NOT NULL REFERENCES notes (id),
    -- JSON: the status and public flag the merged note had, the child notes moved, the
    -- links and sources copied and the tags added to the surviving note.
    taken_over TEXT NOT NULL,
    merged_by  INTEGER REFERENCES users (id),
    merged_at  INTEGER NOT NULL,
    undone_by  INTEGER REFERENCES users (id),
    undone_at  INTEGER
);
CREATE INDEX note_merges_from ON note_merges (from_id, id);
