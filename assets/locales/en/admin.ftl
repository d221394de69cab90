# Framsyn: interface texts of the area "admin", in English.
# Each key lives in one file, the same file in all three languages.

users-title = Users
users-caption = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
user-new = New user
user-edit = Edit user
user-name = Name
user-email = Email address
user-organisation = Organisation
user-roles = Roles
user-status = Status
user-active = Active
user-inactive = Deactivated
user-invited = Invited, no password yet
user-active-label = The account is active
user-new-link = Create a new password link
user-new-link-help = A new link makes earlier unused links invalid.
role-administrator = Administrator
role-process_leader = Process leader
role-editor = Editor
role-strategist = Foresight strategist
password-link-title = Link for choosing a password
password-link-text = { $hours ->
    [one] Give this link to { $name } ({ $email }). It works once and for { $hours } hour.
   *[other] Give this link to { $name } ({ $email }). It works once and for { $hours } hours.
}
back-to-users = Back to users

audit-title = Event log
audit-caption = { $count ->
    [one] { $count } event, page { $page } of { $pages }
   *[other] { $count } events, page { $page } of { $pages }
}
audit-when = When
audit-who = Who
audit-what = Event
audit-subject = Concerns
audit-detail = Details
audit-address = Address

active-phase-title = Active phase
active-phase-choose = Active phase
active-phase-follow-dates = Follow the dates
active-phase-reason = Reason
active-phase-log = Changes
active-phase-log-caption = All changes to the active phase, most recent first
active-phase-choice = Choice
active-phase-no-log = No one has changed the active phase; it follows the dates.
