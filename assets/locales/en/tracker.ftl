# Framsyn: interface texts of the area "tracker" (the progress tracker's page), in English.
# Each key lives in one file, the same file in all three languages.

tracker-lead = One row per organisation. The active phase comes first: a word and the percentage done. Open a cell for the details (events, home assignment, ratings and due date).
tracker-filters = Selection and order
tracker-sort = Sort
tracker-sort-name = Name
tracker-sort-progress = Least done first
tracker-sort-progress-desc = Most done first
tracker-overdue-only = Only organisations with something overdue
tracker-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}, { $overdue } with something overdue
tracker-all-phases = Show every phase as a column
tracker-front-only = Show only the active phase
tracker-active = Active phase
tracker-others = Other phases
tracker-other = { $phase }: { $state }
tracker-caption-front = { $count ->
    [one] { $count } organisation: the current phase in per cent, the other phases in brief
   *[other] { $count } organisations: the current phase in per cent, the other phases in brief
}
tracker-caption-all = { $count ->
    [one] { $count } organisation × phases in per cent, the current phase first
   *[other] { $count } organisations × phases in per cent, the current phase first
}
tracker-state-done = Done
tracker-state-submitted = Submitted
tracker-state-in_progress = Under way
tracker-state-not_started = Not started
tracker-state-overdue = Overdue
tracker-state-nothing = Not applicable
tracker-nothing-counts = Nothing counts in this phase.
tracker-due = The home assignment is due by { $date }.
tracker-legend = Key
tracker-none = There are no organisations to follow.
tracker-none-overdue = No organisation has anything overdue.
