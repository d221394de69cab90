# Framsyn: interface texts of the area "events", in English.
# Each key lives in one file, the same file in all three languages.

event-new = New event
event-edit = Edit event
event-propose = Propose an event
event-proposal-help = Your proposal will be visible to others once a process leader has approved it.
event-kind = Type
event-kind-workshop = Workshop
event-kind-politicians_seminar = Politicians' seminar
event-kind-leaders_thinktank = Leaders' seminar (think tank)
event-kind-conference = Conference
event-kind-meeting = Meeting
event-kind-other = Other
event-phase = Phase
event-no-phase = No phase (the organisation's own event)
event-title = Title
event-description = Description
event-time-zone = Times are given in the programme's time zone ({ $tz }).
event-starts = Starts
event-ends = Ends
event-where = Where
event-address = Address
event-mode = Attendance
mode-in_person = In person
mode-online = Online
mode-hybrid = In person and online
mode-streamed = Streamed
event-online-link = Link for joining online
event-online-link-hint = Shown only to those registered.
event-registration = Registration
event-audience = Who can register
audience-members = People from the member organisations
audience-public = Everyone (open event)
event-capacity = Number of places
event-capacity-hint = Leave blank for no limit. When all places are taken, new registrations go on a waiting list.
event-capacity-cut-title = Fewer places than people registered
event-capacity-cut-body = With { $capacity } places there is not room for everyone who already has one. { $count ->
    [one] The person who got their place last moves
   *[other] The { $count } people who got their places last move
} to the waiting list, ahead of everyone who registered later, and get a place again if someone cancels. Nothing is saved until you confirm.
event-capacity-cut-confirm = { $count ->
    [one] Yes, cut to { $capacity } places and move one person to the waiting list
   *[other] Yes, cut to { $capacity } places and move { $count } people to the waiting list
}
event-cap-hint = At most this many per organisation. Leave blank for no limit.
event-registration-opens = Registration opens
event-registration-closes = Registration deadline
event-registration-closes-hint = After this time only process leaders can add participants. Leave blank for registration to close when the event starts.
event-contact = Contact person
event-change-note = What has changed?
event-change-note-hint = Shown to everyone registered and in the calendar subscriptions.
event-changed = Changed { $date }:
event-is-cancelled = The event has been cancelled.
event-cancelled-tag = Cancelled
event-status-draft = Draft, not visible to others.
event-status-proposed = Proposal awaiting approval by a process leader.
event-status-rejected = The proposal has not been approved.
event-status-published = Published.
event-status-cancelled = Cancelled.
event-seats-taken = { $taken } of { $capacity } places taken
event-waiting-count = { $count } on the waiting list
event-download-ics = Add to calendar (.ics)
event-manage = Manage the event
event-approve = Approve and publish
event-reject = Reject the proposal
event-cancel = Cancel the event
event-cancel-note = Message to those registered (why, and what happens now)
event-cancel-hint = You will be asked to confirm before the event is cancelled.
event-cancel-confirm-title = Cancel the event?
event-cancel-confirm-who = { $confirmed ->
    [0] Nobody has a place
    [one] One person has a place
   *[other] { $confirmed } people have a place
} and { $waiting ->
    [0] nobody is on the waiting list.
    [one] one is on the waiting list.
   *[other] { $waiting } are on the waiting list.
} They will see the event as cancelled, and calendar subscriptions will show it as cancelled.
event-cancel-confirm-undo = The registrations are kept. If a process leader reinstates the event, everyone keeps their place or their place in the queue.
event-cancel-confirm = Yes, cancel the event
event-cancel-keep = No, back to the event
event-reinstate = Reinstate the event
event-reinstate-hint = The event is published again and every registration stands as it was when it was cancelled.
event-reinstate-note = Message to those registered (optional)

agenda-title = Agenda
agenda-caption = Agenda for { $title }
agenda-time = Time
agenda-item = Agenda item
agenda-speaker = Speaker or person responsible
agenda-notes = Note
agenda-starts = Starts
agenda-ends = Ends
agenda-empty = The agenda is not ready yet.
agenda-add = Add an agenda item

questions-title = Questions for those registering
question-add = Add a question
question-kind = Type of question
question-kind-short_text = Short text
question-kind-long_text = Long text
question-kind-single_choice = Single choice
question-kind-multiple_choice = Multiple choice
question-kind-yes_no = Yes or no
question-label = Question
question-options = Answer options
question-options-hint = One option per line (for single or multiple choice).
question-required = Answer required

registration-title = Registration
registration-who = Who are you registering?
registration-myself = Myself
registration-someone-else = Someone else in the organisation (name and email below)
registration-name = Name
registration-name-hint = For someone other than yourself.
registration-email = Email address
registration-submit = Register
registration-sign-in = Sign in to register
registration-closed = Registration is closed.
registration-opens-at = Registration opens { $date }.
registration-closed-leader = Registration is closed to others; as a process leader you can still add participants.
registration-event-cancelled = The event has been cancelled; registration is not possible.
registration-you-are-confirmed = You are registered and have a place.
registration-you-are-waiting = You are on the waiting list. You will get a place automatically if someone cancels.
registration-you-are-cancelled = Your registration has been cancelled.
registration-yours-event-cancelled = The event has been cancelled, so your registration does not stand for now. If the event is reinstated, it stands as before.
registration-cancel-mine = Cancel my registration
registration-cancel = Cancel registration
registration-own-organisation = Registered from your organisation
registration-status = Status
registration-status-confirmed = Place
registration-status-waiting = Waiting list
registration-status-cancelled = Cancelled
registration-attended = Attended
registration-notice-confirmed = Registration complete: the place is confirmed.
registration-notice-waiting = The event is full; the registration is on the waiting list.
registration-queue-position = You are number { $position } on the waiting list.
registration-notice-received = Thank you! We have sent an e-mail with a link to the address you gave. The registration counts once you have confirmed it with the link.
registration-notice-already = You were already registered for the event.
registration-notice-closed = The registration could not be confirmed: the event is cancelled or registration has closed.
registration-honeypot = Leave this field empty
registration-notice-cancelled = The registration has been cancelled.
registrations-title = Registrations
registrations-caption = { $count ->
    [one] { $count } registration
   *[other] { $count } registrations
}
registrations-csv = Download as CSV
registrations-per-organisation = By organisation
registrations-count = Registered
registrations-save-attendance = Save attendance
registration-deactivated = account deactivated
registrations-attendance-from-start = Attendance is marked from the event's start, { $date }.

minutes-title = Documentation
minutes-none = No documentation yet.
minutes-draft = Draft – visible only to process leaders and editors.
minutes-written = Last saved by { $name }, { $date }.
minutes-revisions = { $count ->
    [one] { $count } version saved
   *[other] { $count } versions saved
}
minutes-write = Notes and documentation
minutes-final = Final version (visible to everyone who can see the event)
minutes-save = Save new version

my-events-title = My events
my-events-caption = Events you are registered for
my-events-notice = Message
my-events-none = You are not registered for any events.
my-events-feed = Your personal calendar address
my-events-feed-help = Subscribe to the address in your calendar application to get your events, with links for joining online. The address is secret: anyone who has it can see your events.
my-events-feed-renew = Create a new address (the old one will stop working)
my-events-member-feeds = The whole calendar as a member
my-events-member-feeds-help = The open calendar feeds show only events open to all. These secret addresses give you everything you may see as a member, including the programme's own members-only events. They are yours alone and stop working when you make a new address.
my-events-feed-organisation = Your organisation's events
my-events-feed-programme = The whole programme

error-choose = Choose an option.
error-number = Enter a whole number.
error-positive-number = Enter a whole number of at least 1.
error-datetime = Enter the date and time as YYYY-MM-DD HH:MM.
error-datetime-nonexistent = That time does not exist (summer time begins). Choose another time.
error-ends-before-start = The end time must be after the start time.
error-closes-before-opens = Registration must close after it opens.
error-closes-after-event = The registration deadline cannot be after the event.
error-url = Enter a full address beginning with https://.
error-online-link-needed = Online attendance needs a link.
error-cap-above-capacity = The limit per organisation cannot be greater than the number of places.
error-outside-event = The time must fall within the event.
error-two-options = Enter at least two answer options, one per line.
error-answer-invalid = Choose from the options.
error-registration-closed = Registration is closed.
error-person-deactivated = This person's account is deactivated; they cannot be registered.
error-too-many-registrations = Too many registrations from the same address. Please try again later.
error-event-cancelled = The event has been cancelled.
error-organisation-cap = The organisation already has as many registrations as the event allows.
error-already-registered = This person is already registered for the event.
error-cancel-after-deadline = The deadline for cancelling has passed. Please contact the process leaders.
registration-no-organisation = No organisation
error-status-change = The event cannot be changed that way in its current state.
confirm-registration-title = Confirm the registration
confirm-registration-text = The registration in the name of { $name } waits for your confirmation. Only once you confirm does it count, with a seat or on the waiting list.
confirm-registration-event = Event
confirm-registration-when = Starts
confirm-registration-button = Confirm the registration
confirm-link-invalid-title = The link no longer works
confirm-link-invalid-text = The link has been used already or has expired (it works for two days). Register again from the event's page if you want to take part.
