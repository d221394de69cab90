# The start page of a signed-in person: what waits for them today, by role.
start-title = Your start page
start-home-link = Your start page
start-intro = Hello { $name }! Here is what waits for you today.
start-nothing = Nothing waits.
start-role-leader = As process leader
start-review = Home assignments to review
start-handed-in = handed in { $date }
start-proposals = Event proposals to approve
start-input = Input to moderate
start-rounds = Rating rounds
start-closes-soon = Closes soon
start-answered = { $count ->
    [one] one has answered
   *[other] { $count } have answered
}
start-no-rounds = No round is open.
start-phase = The active phase
start-phase-is = Active phase:
start-bar-title = The organisations in the active phase, by standing
start-standings-caption = Organisations per standing
start-standing = Standing
start-organisations = Organisations
start-total = Total
start-to-progress = See the whole progress tracker
start-no-active-phase = No phase is active now.
start-role-strategist = For { $organisation }
start-owed = Home assignments to hand in
start-nothing-owed = The organisation has handed in every home assignment.
start-org-events = The organisation's next events
start-registered = { $count ->
    [one] one registered
   *[other] { $count } registered
}
start-no-org-events = Nobody from the organisation is registered for an upcoming event.
start-to-calendar = To the calendar
start-rate = Rounds to rate
start-rated-of = { $rated } of { $notes } rated
start-role-editor = As editor
start-texts = Texts to review
start-outputs = Editorial outputs due
start-output-not-written = Not started
start-no-outputs = No output is due.
start-role-admin = As administrator
start-no-password = Without a password
start-everyone-has-password = Everyone has set a password.
start-audit = Latest in the audit log
start-to-audit = The whole audit log
start-programme = In the programme
start-events = Next events
start-no-events = No upcoming events.
start-publication = Latest publication
start-no-publication = Nothing is published yet.
start-to-publications = All publications
