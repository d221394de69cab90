# Framsyn: interface texts of the area "base", in English.
# Each key lives in one file, the same file in all three languages.

skip-to-content = Skip to content
language = Language
language-change = Change language
nav-main = Main menu
nav-programme = The programme
nav-organisations = Organisations
nav-address-list = Address list
nav-active-phase = Active phase
nav-users = Users
nav-audit = Event log
signed-in-as = Signed in as { $name }
login = Sign in
logout = Sign out
footer-text = { $organiser } · Framsyn – a shared workspace for foresight
back-to-start = Back to the home page
breadcrumbs = Breadcrumbs
required = required
save = Save
cancel = Cancel
choose = Choose …
pages = Pages
newer = Newer
older = Older
form-has-errors = Please correct the form
form-error-at = { $field }: { $message }
title-has-errors = Error:

nav-calendar = Calendar
nav-my-events = My events
actions = Actions
delete = Delete
yes = Yes
no = No
markdown-hint = You can use Markdown: **bold**, *italics*, lists with - and links like [text](https://…).

nav-bank = The bank

nav-methods = Methods

remove = Remove

nav-rounds = Ratings
show = Show

nav-sources = Sources

nav-search = Search

nav-progress = Progress

nav-editorial = Editorial
nav-publications = Published

nav-input = Give input
nav-input-queue = Input
nav-final-publication = Final publication
