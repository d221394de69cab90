# Framsyn: interface texts of the area "progress", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

progress-title = Organisasjonenes framdrift
progress-lead = Hver rute viser hvor langt organisasjonen har kommet i fasen: hva som teller, står i fasens definisjon (arrangementene, hjemmearbeidet, vurderingsrundene). Forsinket betyr at hjemmearbeidet ikke er levert selv om fristen er passert.
progress-caption = { $count ->
    [one] { $count } organisasjon × faser, i prosent
   *[other] { $count } organisasjoner × faser, i prosent
}
progress-csv = Last ned som CSV
progress-mean = Gjennomsnitt
progress-status = status
progress-overdue = Forsinket
progress-nothing-counts = Ingenting teller
progress-event-attended = Deltok på fasens arrangement
progress-event-registered = Påmeldt fasens arrangement
progress-event-none = Ikke påmeldt fasens arrangement
progress-rounds-all = Har vurdert i alle rundene
progress-rounds-some = Har vurdert i noen av rundene
progress-rounds-none = Har ikke vurdert

org-due = Skal leveres
org-due-by = innen { $date }
org-nothing-due = Organisasjonen har levert alle hjemmearbeid.
org-is-organiser = Organisasjonen arrangerer programmet og følges ikke opp som deltaker: den har ingen hjemmeoppgaver å levere.
org-progress = Gjennom fasene
org-progress-caption = Organisasjonens framdrift per fase
org-progress-percent = Ferdig
todo-rate = vurder innen { $date }
todo-review-assignment = levert, til gjennomgang
todo-approve-proposal = forslag fra { $organisation }, til godkjenning
todo-moderate-input = { $count ->
    [one] Ett innspill til moderering
   *[other] { $count } innspill til moderering
}
todo-review-text = til gjennomgang, sist skrevet av { $name }
todo-round-closes = stenger { $date }
org-events = Påmeldt arrangementer
org-events-caption = Arrangementer organisasjonens folk er påmeldt
org-events-registered = Påmeldt
org-events-attended = Deltok
org-no-events = Ingen fra organisasjonen er påmeldt noe arrangement.
org-submission-link = hjemmearbeidet
