# Framsyn: interface texts of the area "thread", in English.
# Each key lives in one file, the same file in all three languages.

thread-title = The thread from signal to action
thread-overview-title = The threads from trends to actions
thread-overview-help = Every trend in the bank followed forward along the links people made: to scenarios, consequences, milestones and actions. Choose to see the trends that led to actions, or those that led nowhere.
thread-overview-empty = No trends to show.
thread-note-link = Follow the thread forward to actions
thread-help-back = The action followed back along the links people made: the consequences it and its milestones answer, the scenarios they belong to, the uncertainties and choices that span the scenarios, and the signals and trends under them.
thread-help-forward = The note followed forward along the links people made: the notes it drives, the scenarios it is part of, the consequences, and the milestones and actions that answer them.
thread-desc-back = { $count ->
    [one] A thread of one step.
   *[other] A thread of { $count } steps, in rows from signals at the top to actions at the bottom. The lines show the links made between the steps.
}
thread-desc-forward = { $count ->
    [one] A thread of one step: the note led nowhere.
   *[other] A thread of { $count } steps, in rows from signals at the top to actions at the bottom. The lines show the links made between the steps.
}
thread-key = Each row is one stage of the chain, from signals at the top to actions at the bottom. The framed box is where the thread starts. The full names and the links are in the table.
thread-back-empty = The action answers no consequence yet.
thread-led-nowhere = Led nowhere
thread-stopped-at = Stopped at: { $stage }
thread-hidden = { $count ->
    [one] One step is not visible to you.
   *[other] { $count } steps are not visible to you.
}
thread-stage-signal = Signals
thread-stage-trend = Trends
thread-stage-uncertainty = Uncertainties
thread-stage-scenario = Scenarios
thread-stage-consequence = Consequences
thread-stage-milestone = Milestones
thread-stage-action = Actions
thread-steps-caption = The steps of the thread
thread-counts-caption = Steps per stage
thread-column-stage = Stage
thread-column-step = Step
thread-column-count = Count
thread-column-leads-to = Leads to
thread-column-comes-from = Comes from
thread-column-trend = Trend
thread-column-outcome = Led to
# A link named from the step whose row lists it: from the upstream step (the
# thread back, "this led to that") and from the downstream step (forward).
thread-to-parent = Filed under
thread-to-drives = Drives
thread-to-reinforces = Reinforces
thread-to-counteracts = Counteracts
thread-to-axis = Axis of the scenario
thread-to-predetermined = Predetermined element in
thread-to-state = State chosen in
thread-to-centre = Has the consequence
thread-to-follows = Leads on to
thread-to-based-on = Basis for
thread-to-answers = Answered by
thread-to-leads-to = Reached through the action
thread-from-parent = Has filed under it
thread-from-drives = Driven by
thread-from-reinforces = Reinforced by
thread-from-counteracts = Counteracted by
thread-from-axis = Spanned by the axis
thread-from-predetermined = Holds the predetermined element
thread-from-state = Chooses a state of
thread-from-centre = Consequence of
thread-from-follows = Follows from
thread-from-based-on = Based on
thread-from-answers = Answers
thread-from-leads-to = Leads to the milestone
thread-totals-caption = Trends and what they led to
thread-total = All trends
thread-trends-caption = The trends and what they led to
thread-filter = Show
thread-filter-all = All trends
thread-filter-actions = Led to actions
thread-filter-nowhere = Led to no action
thread-show = Show

# The exports of visions, milestones and actions.
bcr-export-csv = Backcasting as CSV
bcr-export-json = Backcasting as JSON
bcr-column-kind = Kind
bcr-column-id = Number
bcr-column-vision = Vision
bcr-column-phase = Phase
bcr-column-organisation = Organisation
bcr-column-title = Title or text
bcr-column-year = Year
bcr-column-level = Level
bcr-column-milestone_kind = Kind of milestone
bcr-column-actor = Actor
bcr-column-start = Start
bcr-column-strategy = Strategy
bcr-column-status = Status
bcr-column-depends_on = Depends on milestones
bcr-column-milestones = Leads to milestones
bcr-column-answers = Answers consequences
bcr-column-robust = Robust in
bcr-column-adapt = With adaptation in
bcr-column-fails = Fails in
bcr-column-verdicts = Stress-test verdicts
thread-embed-not-public = The action's vision is not published. Publish it before publishing the text.
