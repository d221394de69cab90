-- Each filter's index is ordered by id after its own column (lists show the newest first,
-- so SQLite walks it and stops after a page) and carries the other filter columns, so
-- combined filters and the counts are answered from the index without reading the notes.
DROP INDEX notes_status;
DROP INDEX notes_type;
DROP INDEX notes_category;
DROP INDEX notes_organisation;
CREATE INDEX notes_type ON notes
    (note_type, id, category, time_band, status, organisation_id, public, phase_slug);
CREATE INDEX notes_category ON notes
    (category, id, note_type, time_band, status, organisation_id, public, phase_slug);
CREATE INDEX notes_time_band ON notes
    (time_band, id, note_type, category, status, organisation_id, public, phase_slug);
CREATE INDEX notes_status ON notes
    (status, id, note_type, category, time_band, organisation_id, public, phase_slug);
CREATE INDEX notes_organisation ON notes
    (organisation_id, id, note_type, category, time_band, status, public, phase_slug);
CREATE INDEX notes_phase ON notes
    (phase_slug, id, note_type, category, time_band, status, organisation_id, public)
    WHERE phase_slug IS NOT NULL;
