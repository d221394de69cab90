# Consequence pages: a scenario's or note's consequences, the quick capture, the form, one consequence and its history.
cq-title = Consequences
cq-of-set = In the scenario set
cq-wheel = Futures wheel
cq-heat-table = Heat table of the set
cq-note-link = Futures wheel and consequences
cq-new = Add a consequence
cq-new-own = Add one of our organisation's own
cq-edit = Edit the consequence
cq-one = Consequence #{ $id }
cq-count = { $count ->
    [one] { $count } consequence
   *[other] { $count } consequences
}
cq-none-at-level = No consequences at this level yet.
cq-filter-whose = Whose consequences
cq-filter-all = All
cq-filter-show = Show
cq-shared = Shared
cq-whose = Whose view
cq-whose-shared = Shared (for the table group)
cq-whose-own = Our organisation's own
cq-capture = Quick capture
cq-capture-save = Save the lines
cq-level = Level
cq-theme = Theme
cq-theme-none = No theme yet
cq-parent = Follows from
cq-parent-hint = Leave empty for the 1st order: a consequence of the centre itself. Choose a consequence, or give its number, for the 2nd or 3rd order.
cq-parent-centre = The centre (1st order)
cq-lines = Consequences, one a line
cq-lines-hint = Start a line with + for an opportunity, - for a threat or ± (or ?) for mixed. Indent a line by two spaces to make it follow from the line above it.
cq-on-line = Line { $n }:
cq-text = Text
cq-valence = Valence
cq-valence-opportunity = Opportunity
cq-valence-threat = Threat
cq-valence-mixed = Mixed
cq-valence-none = Not assessed
cq-magnitude = Magnitude
cq-magnitude-small = Small
cq-magnitude-significant = Significant
cq-magnitude-transformative = Transformative
cq-timing = Timing
cq-timing-within-1 = Within a year
cq-timing-2-5 = In 2–5 years
cq-timing-5-15 = In 5–15 years
cq-timing-beyond-15 = In more than 15 years
cq-confidence = Confidence
cq-confidence-1 = 1 (low)
cq-confidence-2 = 2 (medium)
cq-confidence-3 = 3 (high)
cq-confidence-is = Confidence { $n }
cq-not-yet = Not yet
cq-order = Order
cq-order-hint = Follows from what it follows from; you can leave it empty.
cq-order-n = { $n ->
    [1] 1st order
    [2] 2nd order
   *[other] 3rd order
}
cq-stale = Someone else changed the consequence while you were writing.
cq-stale-help = Their version was saved { $date }. Your text is kept in the form: compare and save again.
cq-their-version = Their version
cq-follows-from = Follows from
cq-from-scenario = The scenario
cq-from-note = The note
cq-followers = What follows from it
cq-note-start = Start a futures wheel around this note
cq-add-follower = Add a consequence that follows from this one
cq-based-on = Started from the shared consequence
cq-written-by = Written by
cq-updated = Last changed
cq-history = History
cq-remove = Remove the consequence
cq-remove-stale = The consequence changed after you opened it. Look at it again before removing it.
cq-hold = This holds for us too
cq-hold-help = Take this shared consequence as your organisation's own, in your own words.
cq-hold-text = Our text
cq-hold-save = Add as our own
cq-history-caption = { $count ->
    [one] { $count } version
   *[other] { $count } versions, newest first
}
cq-version = Version
cq-history-when = When
cq-history-who = Who
cq-history-changed = What changed
cq-history-created = Created
cq-removed = Removed
cq-not-removed = In use
cq-field-level = Level
cq-field-theme = Theme
cq-field-text = Text
cq-field-valence = Valence
cq-field-magnitude = Magnitude
cq-field-timing = Timing
cq-field-confidence = Confidence
cq-field-parent_id = Follows from
cq-field-order = Order
cq-field-removed = Status
