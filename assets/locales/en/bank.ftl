# Framsyn: interface texts of the area "bank", in English.
# Each key lives in one file, the same file in all three languages.

bank-title = Environmental scanning bank
bank-search = Search the bank
bank-search-button = Search
bank-sort = Sort by
bank-sort-relevance = Most relevant
bank-sort-date = Most recently changed
bank-count = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
bank-page = Page { $page } of { $pages }
bank-previous = Previous
bank-next = Next
note-new = New note
note-edit = Edit note
note-type = Type
note-type-signal = Signal
note-type-trend = Trend
note-type-megatrend = Megatrend
note-type-driver = Driver
note-type-uncertainty = Uncertainty
note-type-wild_card = Wild card
note-type-scenario_sketch = Scenario sketch
note-title = Title
note-summary = Summary
note-implications = Implications
note-category = Category (STEEP+V)
note-secondary = Other categories
steep-social = Social
steep-technological = Technological
steep-economic = Economic
steep-environmental = Environmental
steep-political = Political
steep-values = Values
note-time-band = Time period
note-no-band = Not specified
band-now_2030 = Now–2030
band-2030_2040 = 2030–2040
band-2040_2050 = 2040–2050
band-beyond_2050 = Beyond 2050
note-direction = Direction
note-scope = Geographical scope
note-tags = Tags
note-tag = Tag
note-tags-hint = Separate tags with commas.
note-no-phase = No phase
note-status = Status
note-status-draft = Draft
note-status-submitted = Submitted
note-status-curated = Reviewed
note-status-merged = Merged
note-status-archived = Archived
note-save-draft = Save as draft
note-save-submit = Save and submit
note-submit = Submit
note-curate = Mark as reviewed
note-archive = Archive
note-history = History
note-history-caption = { $count ->
    [one] { $count } version
   *[other] { $count } versions, most recent first
}
note-version = Version
note-stale-help = { $name } saved a new version at { $date } while you were writing. Nothing has been overwritten: your text is still in the form. Compare the two and save again.
note-their-version = The other version
error-note-type = Choose a type from the list.
error-note-category = Choose a category from the list.
error-stale-edit = Someone else changed the note while you were writing.
bank-count-more = More than { $count } notes: narrow the search.
note-number = Number
note-number-hint = The note's number, for example 12 or #12.
note-parent = Parent note
note-parent-hint = A signal can belong to a trend or megatrend, a trend to a megatrend.
note-children = Child notes
note-visibility = Visible to
note-public = Everyone, the public too
note-members-only = All members of the programme
note-own-organisation = Own organisation
note-make-public = Show to the public
note-make-internal = Show to members only
note-links = Links to other notes
note-no-links = The note has no links yet.
link-kind = Link
link-to = To note number
link-add = Add link
link-out-drives = Drives
link-out-reinforces = Reinforces
link-out-counteracts = Counteracts
link-out-in_tension_with = In tension with
link-in-drives = Driven by
link-in-reinforces = Reinforced by
link-in-counteracts = Counteracted by
link-in-in_tension_with = In tension with
note-merge = Merge
note-merge-into = Merge into note number
note-merge-hint = This note becomes merged; the other one takes over its links, child notes and tags. The history is kept.
note-merge-button = Merge
note-merged-into = This note has been merged into
note-merged-from = Merged into this note
note-changed = Changed
note-created = Created
note-field-note_type = type
note-field-title = title
note-field-summary = summary
note-field-implications = implications
note-field-category = category
note-field-secondary = other categories
note-field-direction = direction
note-field-time_band = time band
note-field-scope = scope
note-field-tags = tags
note-field-phase_slug = phase
note-field-status = status
note-field-public = visibility
note-field-organisation_id = organisation
note-field-organisation_name = organisation
note-field-author_id = author
note-field-parent_id = parent note
note-field-merged_into = merge
error-note-number = Type the note's number, for example 12.
error-note-not-found = There is no such note that you can see.
error-parent-self = A note cannot be its own parent.
error-parent-status = The parent note must be submitted or reviewed.
error-parent-level = Only a trend or megatrend can be the parent of a signal, and only a megatrend of a trend.
error-link-self = A note cannot be linked to itself.
error-link-status = That note is merged or archived; link to the one that stands.
error-merge-self = A note cannot be merged into itself.
error-merge-status = Both notes must be in use, and the other one cannot be a draft.

bank-export-csv = Download the list as CSV
bank-export-json = Download the list as JSON
import-title = Import notes
import-help = Read notes from a CSV file (UTF-8, comma or semicolon between fields, headings on the first row). The notes become drafts of your organisation. Type, category and time band can be written as in the list (for example Trend, Social, 2030–2040) or as keys. If any row has an error nothing is imported, and every error is shown row by row. At most { $max } rows per file.
import-columns = Columns read (the same as in the export; type, title and category are required):
import-file = CSV file
import-button = Import
import-refused = Nothing was imported
import-report-caption = { $count ->
    [one] { $count } error in the file
   *[other] { $count } errors in the file
}
import-row = Row
import-column = Column
import-problem = Error
import-done = { $count ->
    [one] { $count } note was imported as a draft.
   *[other] { $count } notes were imported as drafts.
}
error-import-no-file = Choose a CSV file.
error-import-encoding = The file is not in UTF-8. Save it as "CSV UTF-8" and try again.
error-import-unreadable = The file cannot be read as CSV.
error-import-unknown-column = Unknown column.
error-import-missing-column = The column is missing.
error-import-too-many = The file has too many rows.
error-import-row-shape = The row has the wrong number of fields.
error-import-empty = The file holds no notes.

bank-page-open = Page { $page }
bank-relevance-window = The { $count } newest matches are ordered by relevance. Add more words or a filter to narrow the search, or sort by date to see them all.
error-parent-unknown = There is no submitted note with that number that you can see.
error-retype-children = Notes stand under this one on the ladder (signal, trend, megatrend) that would no longer stand lower. Move them first or choose a higher type.
note-confirm-merge = Merge the notes?
note-confirm-merge-lead = The note is merged into the other one: the other takes over its links, sources, child notes and tags, and in published charts the answers given to this note count under the other.
note-confirm-merge-button = Yes, merge
note-confirm-archive = Archive the note?
note-confirm-archive-lead = An archived note is no longer in use: the public does not see it, and published charts leave it out.
note-confirm-archive-button = Yes, archive
note-confirm-note = Note
note-confirm-into = Merged into
note-confirm-undo = An editor can undo this later; the history is kept.
note-restore-merged = Undo the merge
note-restore-archived = Restore from the archive
error-restore-status = Only a merged or archived note can be restored.
