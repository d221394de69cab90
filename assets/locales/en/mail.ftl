# E-mail to people (render::mail) and the outbox's page for administrators.
mail-greeting = Hello { $name },
mail-greeting-anonymous = Hello,
mail-why-account = You receive this message because you have an account in { $programme }.
mail-why-registration = You receive this message because you are registered for an event in { $programme }.
mail-password-link-subject = Choose your password for { $programme }
mail-password-link-lead = You have an account in { $programme }. Choose your password with the link below.
mail-password-link-once = The link works once. If it has expired, an administrator can send you a new one.
mail-password-link-expires = The link is valid until
mail-password-link-action = Choose a password
mail-registration-confirmed-subject = Registration confirmed: { $event }
mail-registration-confirmed-lead = You have a seat at { $event }.
mail-registration-waiting-subject = You are on the waiting list: { $event }
mail-registration-waiting-lead = { $event } is full, and you are on the waiting list. You will be told if a seat becomes free.
mail-promoted-subject = You have a seat: { $event }
mail-promoted-lead = A seat became free at { $event }, and it is yours.
mail-event-when = When
mail-event-where = Where
mail-event-online = Online
mail-event-change = Change
mail-event-calendar = The event is attached as a calendar invitation, so you can add it to your calendar.
mail-event-action = See the event
mail-calendar-file-name = invitation
mail-kind-password-link = Password link
mail-kind-registration-confirmed = Registration confirmed
mail-kind-registration-waiting = Waiting list
mail-kind-promoted = Seat from the waiting list
outbox-title = Outbox
outbox-lead = Every message is written here at the moment of the change that causes it, and then sent over SMTP. Failed attempts are repeated at growing intervals; after ten attempts the message is marked as failed.
outbox-unconfigured = No SMTP server is configured, so no messages are sent. They wait here until a server is given (--smtp-host or FRAMSYN_SMTP_HOST) and the workspace is restarted.
outbox-filter = Show messages by status
outbox-all = All
outbox-status-queued = Waiting
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-caption = The latest messages
outbox-caption-status = The latest messages: { $status }
outbox-written = Written
outbox-kind = Message
outbox-to = To
outbox-status = Status
outbox-attempts = Attempts
outbox-action = Action
outbox-next-attempt = Next attempt { $at }
outbox-retry = Try now
outbox-empty = No messages with that status.
nav-outbox = Outbox
mail-event-changed-subject = Changed: { $event }
mail-event-changed-lead = { $event }, which you are registered for, has changed. This is how it stands now.
mail-event-cancelled-subject = Cancelled: { $event }
mail-event-cancelled-lead = { $event }, which you are registered for, is cancelled.
mail-event-calendar-cancel = The calendar file in this message removes the event from your calendar.
mail-your-registration = Your registration
mail-seat-confirmed = You have a seat
mail-seat-waiting = You are on the waiting list
mail-kind-event-changed = Event changed
mail-kind-event-cancelled = Event cancelled
mail-confirm-registration-subject = Confirm your registration: { $event }
mail-confirm-registration-lead = Someone, hopefully you, registered this address for { $event }. The registration counts only once you have confirmed it with the link below.
mail-confirm-registration-else = Was it not you? Then there is nothing to do: without a confirmation the registration is removed.
mail-confirm-registration-action = Confirm the registration
mail-why-confirm = You receive this message because your address was given in a registration for an event in { $programme }.
mail-kind-confirm-registration = Confirm registration
mail-assignment-submitted-subject = Home assignment submitted: { $organisation }, { $phase }
mail-assignment-submitted-lead = { $organisation } has submitted its home assignment for { $phase }. It waits for review: accept it, or return it with a comment.
mail-assignment-submitted-action = Review the home assignment
mail-assignment-returned-subject = The home assignment was returned: { $phase }
mail-assignment-returned-lead = Your home assignment for { $phase } was returned by the process leaders. See the comment, adjust and submit again.
mail-assignment-comment = Comment
mail-assignment-action = Open the home assignment
mail-assignment-accepted-subject = The home assignment is accepted: { $phase }
mail-assignment-accepted-lead = Your home assignment for { $phase } is accepted by the process leaders. Thank you for your work!
mail-why-leader = You receive this message because you are a process leader in { $programme }.
mail-why-strategist = You receive this message because you are a regional strategist in { $programme }.
mail-kind-assignment-submitted = Home assignment submitted
mail-kind-assignment-returned = Home assignment returned
mail-kind-assignment-accepted = Home assignment accepted
mail-review-waiting-subject = To review: { $title }
mail-review-waiting-lead = The text “{ $title }” waits for review by an editor other than the one who wrote it. Read it and publish it, or return it with a comment.
mail-review-waiting-action = Review the text
mail-why-editor = You receive this message because you are an editor in { $programme }.
mail-input-received-subject = New input to { $programme }
mail-input-received-lead = New input from the public waits for moderation.
mail-input-received-excerpt = The input begins
mail-input-received-action = Moderate the input
mail-why-moderator = You receive this message because you moderate input in { $programme }.
mail-kind-review-waiting = Text to review
mail-kind-input-received = New input
mail-unsubscribe = Stop messages of the kind “{ $kind }”
mail-preferences = Choose which messages you get
prefs-title = Your messages
prefs-lead = Here you choose the language of the e-mail the workspace sends you, and which of the optional messages you want.
prefs-lang = Language of the messages
prefs-lang-as-used = The one I use on the pages
prefs-kinds = Optional messages
prefs-none-optional = Your roles bring no optional messages.
prefs-always = Messages that answer something you did yourself, or that concern your seat at an event, are always sent.
prefs-save = Save
prefs-saved = Your choices are saved.
unsubscribe-title = Stop messages
unsubscribe-ask = Do you want to stop getting messages of the kind “{ $kind }”?
unsubscribe-button = Yes, stop sending them
unsubscribe-done = You no longer get messages of the kind “{ $kind }”.
unsubscribe-undo = Changed your mind? You can turn them on again under
mail-kind-assignment-reminder = Home assignment reminder
mail-kind-round-opened = New rating round
mail-kind-round-closing = Rating round reminder
mail-kind-digest = Digest of what is new
mail-kind-announcement = Message from the process leaders
mail-assignment-reminder-subject = Reminder: the home assignment for { $phase } is due on { $due }
mail-assignment-reminder-lead = { $days ->
    [0] The home assignment for { $phase } is due today, { $due }, and your organisation has not submitted it yet.
    [1] The home assignment for { $phase } is due tomorrow, { $due }, and your organisation has not submitted it yet.
   *[other] The home assignment for { $phase } is due in { $days } days, on { $due }, and your organisation has not submitted it yet.
}
mail-assignment-reminder-ignore = Has someone else in your organisation submitted it already? Then you can ignore this message.
mail-round-opened-subject = New rating round: { $title }
mail-round-opened-lead = The rating round “{ $title }” is open. Rate the notes before it closes.
mail-round-closing-subject = Closing soon: { $title }
mail-round-closing-lead = The rating round “{ $title }” closes within a day, and you have not rated anything in it yet.
mail-round-closes = Closes
mail-round-action = Open the rating round
mail-digest-daily-subject = New in { $programme } in the last day
mail-digest-weekly-subject = New in { $programme } in the last week
mail-digest-daily-lead = This is new in the workspace since yesterday.
mail-digest-weekly-lead = This is new in the workspace since last week.
mail-digest-section-bank = New and changed in the bank
mail-digest-section-calendar = New and changed in the calendar
mail-digest-section-publications = New publications
mail-digest-more = { $count ->
    [one] …and { $count } more thing.
   *[other] …and { $count } more things.
}
mail-digest-action = Open the workspace
mail-why-digest = You receive this digest because you chose it in { $programme }.
mail-announcement-action = Open the workspace
mail-why-announcement = This message was sent by { $sender } to the participants of { $programme }.
prefs-digest = Digest of what is new
prefs-digest-hint = What is new in the bank, the calendar and the publications, in one message. Nothing is sent when nothing is new.
prefs-digest-none = No digest
prefs-digest-daily = Once a day
prefs-digest-weekly = Once a week
nav-announcements = Messages to participants
ann-title = Message to participants
ann-lead = Write to all participants, to the organisations of a category, to those registered for an event, or to the organisations that have not submitted a home assignment. You see the message and the number of receivers before it is sent. The greeting and footer are in each receiver's language, the text goes out as you wrote it, and the sending is recorded in the log.
ann-sent = { $count ->
    [one] The message is in the outbox for { $count } receiver.
   *[other] The message is in the outbox for { $count } receivers.
}
ann-audience = Receivers
ann-audience-all = All participants
ann-audience-category = The organisations of a category
ann-audience-event = Those registered for an event
ann-audience-not_submitted = Organisations that have not submitted a home assignment
ann-category = Category (for the organisations of a category)
ann-event = Event (for those registered)
ann-phase = Home assignment (for those who have not submitted)
ann-choose = Choose …
ann-registrants = { $count ->
    [one] { $count } registered
   *[other] { $count } registered
}
ann-subject = Subject
ann-body = Message
ann-body-hint = Plain text. An empty line starts a new paragraph.
ann-preview = Preview
ann-preview-title = Preview the message
ann-preview-lead = { $count ->
    [one] The message goes to { $count } receiver:
   *[other] The message goes to { $count } receivers:
}
ann-from = From { $sender }
ann-send = { $count ->
    [one] Send to { $count } receiver
   *[other] Send to { $count } receivers
}
ann-edit = Edit
error-announcement-audience = Choose who receives the message.
error-announcement-event = Choose an event.
error-announcement-phase = Choose a home assignment.
error-announcement-preview = Preview the message before sending it.
ann-sent-again = The message had been sent already, so it was not sent again.
