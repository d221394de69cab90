# Framsyn: interface texts of the area "base", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

skip-to-content = Hopp til innholdet
language = Språk
language-change = Bytt språk
nav-main = Hovedmeny
nav-programme = Programmet
nav-organisations = Organisasjoner
nav-address-list = Adresseliste
nav-active-phase = Aktiv fase
nav-users = Brukere
nav-audit = Hendelseslogg
signed-in-as = Logget inn som { $name }
login = Logg inn
logout = Logg ut
footer-text = { $organiser } · Framsyn – arbeidsflate for felles framsynsarbeid
back-to-start = Til forsiden
breadcrumbs = Brødsmuler
required = obligatorisk
save = Lagre
cancel = Avbryt
choose = Velg …
pages = Sider
newer = Nyere
older = Eldre
form-has-errors = Skjemaet må rettes
form-error-at = { $field }: { $message }
title-has-errors = Feil:

nav-calendar = Kalender
nav-my-events = Mine arrangementer
actions = Handlinger
delete = Slett
yes = Ja
no = Nei
markdown-hint = Du kan bruke Markdown: **fet skrift**, *kursiv*, lister med - og lenker som [tekst](https://…).

nav-bank = Banken

nav-methods = Metoder

remove = Fjern

nav-rounds = Vurderinger
show = Vis

nav-sources = Kilder

nav-search = Søk

nav-progress = Framdrift

nav-editorial = Redaksjon
nav-publications = Publisert

nav-input = Gi innspill
nav-input-queue = Innspill
nav-final-publication = Sluttrapport
