# Framsyn: interface texts of the area "tracker" (the progress tracker's page), in Swedish.
# Each key lives in one file, the same file in all three languages.

tracker-lead = En rad per organisation. Den aktiva fasen står först: ett ord och hur många procent som är klart. Öppna en ruta för detaljerna (evenemang, hemarbete, skattningar och sista dag).
tracker-filters = Urval och ordning
tracker-sort = Sortera
tracker-sort-name = Namn
tracker-sort-progress = Minst klart först
tracker-sort-progress-desc = Mest klart först
tracker-overdue-only = Bara organisationer med något försenat
tracker-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisationer
}, { $overdue } med något försenat
tracker-all-phases = Visa alla faser som kolumner
tracker-front-only = Visa bara den aktiva fasen
tracker-active = Aktiv fas
tracker-others = Övriga faser
tracker-other = { $phase }: { $state }
tracker-caption-front = { $count ->
    [one] { $count } organisation: den aktuella fasen i procent, övriga faser i korthet
   *[other] { $count } organisationer: den aktuella fasen i procent, övriga faser i korthet
}
tracker-caption-all = { $count ->
    [one] { $count } organisation × faser i procent, den aktuella fasen först
   *[other] { $count } organisationer × faser i procent, den aktuella fasen först
}
tracker-state-done = Klar
tracker-state-submitted = Inlämnad
tracker-state-in_progress = Pågår
tracker-state-not_started = Ej påbörjad
tracker-state-overdue = Försenad
tracker-state-nothing = Ej aktuell
tracker-nothing-counts = Inget räknas i den här fasen.
tracker-due = Hemarbetet ska lämnas in senast { $date }.
tracker-legend = Teckenförklaring
tracker-none = Det finns inga organisationer att följa.
tracker-none-overdue = Ingen organisation har något försenat.
