# Framsyn: interface texts of the area "progress", in Swedish.
# Each key lives in one file, the same file in all three languages.

progress-title = Organisationernas framsteg
progress-lead = Varje ruta visar hur långt organisationen har kommit i fasen: vad som räknas står i fasens definition (evenemangen, hemarbetet, skattningsomgångarna). Försenat betyder att hemarbetet inte är inlämnat fast sista dagen har passerat.
progress-caption = { $count ->
    [one] { $count } organisation × faser, i procent
   *[other] { $count } organisationer × faser, i procent
}
progress-csv = Hämta som CSV
progress-mean = Medel
progress-status = läge
progress-overdue = Försenat
progress-nothing-counts = Inget räknas
progress-event-attended = Deltog i fasens evenemang
progress-event-registered = Anmäld till fasens evenemang
progress-event-none = Inte anmäld till fasens evenemang
progress-rounds-all = Har skattat i alla omgångar
progress-rounds-some = Har skattat i en del av omgångarna
progress-rounds-none = Har inte skattat

org-due = Att lämna in
org-due-by = senast { $date }
org-nothing-due = Organisationen har lämnat in alla hemarbeten.
org-is-organiser = Organisationen arrangerar programmet och följs inte som deltagare: den har inga hemarbeten att lämna in.
org-progress = Genom faserna
org-progress-caption = Organisationens framsteg per fas
org-progress-percent = Klart
todo-rate = skatta senast { $date }
todo-review-assignment = inlämnat, att granska
todo-approve-proposal = förslag från { $organisation }, att godkänna
todo-moderate-input = { $count ->
    [one] Ett inspel att moderera
   *[other] { $count } inspel att moderera
}
todo-review-text = i granskning, senast skriven av { $name }
todo-round-closes = stänger { $date }
org-events = Anmälda till evenemang
org-events-caption = Evenemang som organisationens personer är anmälda till
org-events-registered = Anmälda
org-events-attended = Deltog
org-no-events = Ingen från organisationen är anmäld till något evenemang.
org-submission-link = hemarbetet
