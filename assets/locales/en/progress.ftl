# Framsyn: interface texts of the area "progress", in English.
# Each key lives in one file, the same file in all three languages.

progress-title = The organisations' progress
progress-lead = Each cell shows how far the organisation has come in the phase: what counts is in the phase's definition (the events, the home assignment, the rating rounds). Overdue means the home assignment is not submitted though its due date has passed.
progress-caption = { $count ->
    [one] { $count } organisation × phases, in per cent
   *[other] { $count } organisations × phases, in per cent
}
progress-csv = Download as CSV
progress-mean = Mean
progress-status = status
progress-overdue = Overdue
progress-nothing-counts = Nothing counts
progress-event-attended = Attended the phase's event
progress-event-registered = Registered for the phase's event
progress-event-none = Not registered for the phase's event
progress-rounds-all = Rated in every round
progress-rounds-some = Rated in some of the rounds
progress-rounds-none = Has not rated

org-due = Still to hand in
org-due-by = by { $date }
org-nothing-due = The organisation has handed in every home assignment.
org-is-organiser = This organisation runs the programme and is not tracked as a participant: it has no home assignments to hand in.
org-progress = Through the phases
org-progress-caption = The organisation's progress per phase
org-progress-percent = Done
todo-rate = rate by { $date }
todo-review-assignment = handed in, to review
todo-approve-proposal = proposal from { $organisation }, to approve
todo-moderate-input = { $count ->
    [one] One input to moderate
   *[other] { $count } inputs to moderate
}
todo-review-text = in review, last written by { $name }
todo-round-closes = closes { $date }
org-events = Registered for events
org-events-caption = Events the organisation's people are registered for
org-events-registered = Registered
org-events-attended = Attended
org-no-events = Nobody from the organisation is registered for an event.
org-submission-link = home assignment
