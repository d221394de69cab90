# Framsyn: interface texts of the area "base", in Swedish.
# Each key lives in one file, the same file in all three languages.

skip-to-content = Hoppa till innehållet
language = Språk
language-change = Byt språk
nav-main = Huvudmeny
nav-programme = Programmet
nav-organisations = Organisationer
nav-address-list = Adresslista
nav-active-phase = Aktiv fas
nav-users = Användare
nav-audit = Händelselogg
signed-in-as = Inloggad som { $name }
login = Logga in
logout = Logga ut
footer-text = { $organiser } · Framsyn – arbetsyta för gemensam framsyn
back-to-start = Till startsidan
breadcrumbs = Brödsmulor
required = obligatoriskt
save = Spara
cancel = Avbryt
choose = Välj …
pages = Sidor
newer = Nyare
older = Äldre
form-has-errors = Formuläret behöver rättas
form-error-at = { $field }: { $message }
title-has-errors = Fel:

nav-calendar = Kalender
nav-my-events = Mina evenemang
actions = Åtgärder
delete = Ta bort
yes = Ja
no = Nej
markdown-hint = Du kan använda Markdown: **fetstil**, *kursiv*, listor med - och länkar som [text](https://…).

nav-bank = Banken

nav-methods = Metoder

remove = Ta bort

nav-rounds = Skattningar
show = Visa

nav-sources = Källor

nav-search = Sök

nav-progress = Framsteg

nav-editorial = Redaktion
nav-publications = Publicerat

nav-input = Lämna inspel
nav-input-queue = Inspel
nav-final-publication = Slutrapport
