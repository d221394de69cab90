# Framsyn: interface texts of the area "programme", in English.
# Each key lives in one file, the same file in all three languages.

home-title = The programme
programme-organiser = Organiser
programme-horizon = Time horizon
programme-period = Period
programme-focal-question = Focal question
programme-purpose = Purpose
programme-results = Expected results
programme-participants = Who takes part
timeline-title = Programme phases
active-phase = Active phase
active-phase-is = Active phase at the moment: { $phase }.
active-by-override = (set by the process leaders)
active-by-dates = (follows the dates)
programme-not-started = The programme has not started yet.
programme-ended = The programme has ended.
phase-number = Phase { $number }

phase-events = Joint meetings
phase-no-events = This phase has no joint meeting.
phase-home-assignment = Home assignment
phase-no-home-assignment = This phase has no home assignment.
phase-editorial = Editorial team
phase-no-editorial = This phase has no editorial assignment.
phase-seminars = Seminars
phase-no-seminars = This phase has no seminars.
phase-produces = What this phase produces
phase-pager = Previous and next phase
event-when = When
event-venue = Venue
event-participants = Participants
event-cap = Places per organisation
about-people = { $count ->
    [one] about { $count } person
   *[other] about { $count } people
}
cap-per-organisation = at most { $count } per organisation
assignment-due = To be submitted by { $date }.
assignment-questions = Questions to answer
assignment-parts = Structured parts
editorial-due = To be completed by { $date }.
editorial-outputs = What the editorial team produces

kind-conference = Conference
kind-workshop = Workshop
kind-politicians_seminar = Politicians' seminar
kind-leaders_thinktank = Leaders' seminar (think tank)
kind-meeting = Meeting
kind-home_assignment = Home assignment
kind-editorial = Editorial team
part-trend_ranking = Ranking of trends (most and least important)
part-scenario_rating = Assessment of the scenarios
part-consequences = Consequences at different levels
part-milestones = Milestones on the way to the desired future
phase-scheduled = Scheduled events
phase-none-scheduled = No events are scheduled in this phase yet.
phase-news = News from the phase
