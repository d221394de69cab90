# Framsyn: interface texts of the area "tracker" (the progress tracker's page), in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

tracker-lead = Én rad per organisasjon. Den aktive fasen står først: ett ord og hvor mange prosent som er ferdig. Åpne en rute for detaljene (arrangementer, hjemmearbeid, vurderinger og frist).
tracker-filters = Utvalg og rekkefølge
tracker-sort = Sorter
tracker-sort-name = Navn
tracker-sort-progress = Minst ferdig først
tracker-sort-progress-desc = Mest ferdig først
tracker-overdue-only = Bare organisasjoner med noe forsinket
tracker-count = { $count ->
    [one] { $count } organisasjon
   *[other] { $count } organisasjoner
}, { $overdue } med noe forsinket
tracker-all-phases = Vis alle faser som kolonner
tracker-front-only = Vis bare den aktive fasen
tracker-active = Aktiv fase
tracker-others = Øvrige faser
tracker-other = { $phase }: { $state }
tracker-caption-front = { $count ->
    [one] { $count } organisasjon: den aktuelle fasen i prosent, øvrige faser i korthet
   *[other] { $count } organisasjoner: den aktuelle fasen i prosent, øvrige faser i korthet
}
tracker-caption-all = { $count ->
    [one] { $count } organisasjon × faser i prosent, den aktuelle fasen først
   *[other] { $count } organisasjoner × faser i prosent, den aktuelle fasen først
}
tracker-state-done = Ferdig
tracker-state-submitted = Levert
tracker-state-in_progress = Pågår
tracker-state-not_started = Ikke påbegynt
tracker-state-overdue = Forsinket
tracker-state-nothing = Ikke aktuell
tracker-nothing-counts = Ingenting teller i denne fasen.
tracker-due = Hjemmearbeidet skal leveres senest { $date }.
tracker-legend = Tegnforklaring
tracker-none = Det finnes ingen organisasjoner å følge.
tracker-none-overdue = Ingen organisasjon har noe forsinket.
