# Framsyn: interface texts of the area "thread", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

thread-title = Tråden fra signal til tiltak
thread-overview-title = Trådene fra trender til tiltak
thread-overview-help = Hver trend i banken fulgt fremover langs lenkene som er laget: til scenarier, konsekvenser, delmål og tiltak. Velg å se trendene som førte til tiltak, eller dem som ikke førte noe sted.
thread-overview-empty = Ingen trender å vise.
thread-note-link = Følg tråden fremover til tiltak
thread-help-back = Tiltaket fulgt bakover langs lenkene som er laget: konsekvensene det og delmålene svarer på, scenariene de hører til, usikkerhetene og valgene som spenner ut scenariene, og signalene og trendene under dem.
thread-help-forward = Notatet fulgt fremover langs lenkene som er laget: notatene det driver, scenariene det inngår i, konsekvensene, og delmålene og tiltakene som svarer på dem.
thread-desc-back = { $count ->
    [one] En tråd med ett steg.
   *[other] En tråd med { $count } steg, i rader fra signaler øverst til tiltak nederst. Linjene viser lenkene som er laget mellom stegene.
}
thread-desc-forward = { $count ->
    [one] En tråd med ett steg: notatet førte ikke noe sted.
   *[other] En tråd med { $count } steg, i rader fra signaler øverst til tiltak nederst. Linjene viser lenkene som er laget mellom stegene.
}
thread-key = Hver rad er et ledd i kjeden, fra signaler øverst til tiltak nederst. Den innrammede ruten er der tråden begynner. De fulle navnene og lenkene står i tabellen.
thread-back-empty = Tiltaket svarer ennå ikke på noen konsekvens.
thread-led-nowhere = Førte ikke noe sted
thread-stopped-at = Stoppet ved: { $stage }
thread-hidden = { $count ->
    [one] Ett steg er ikke synlig for deg.
   *[other] { $count } steg er ikke synlige for deg.
}
thread-stage-signal = Signaler
thread-stage-trend = Trender
thread-stage-uncertainty = Usikkerheter
thread-stage-scenario = Scenarier
thread-stage-consequence = Konsekvenser
thread-stage-milestone = Delmål
thread-stage-action = Tiltak
thread-steps-caption = Stegene i tråden
thread-counts-caption = Antall steg per ledd
thread-column-stage = Ledd
thread-column-step = Steg
thread-column-count = Antall
thread-column-leads-to = Fører til
thread-column-comes-from = Kommer fra
thread-column-trend = Trend
thread-column-outcome = Førte til
# A link named from the step whose row lists it: from the upstream step (the
# thread back, "this led to that") and from the downstream step (forward).
thread-to-parent = Hører til
thread-to-drives = Driver
thread-to-reinforces = Forsterker
thread-to-counteracts = Motvirker
thread-to-axis = Akse for scenarioet
thread-to-predetermined = Forutbestemt element i
thread-to-state = Tilstand valgt i
thread-to-centre = Har konsekvensen
thread-to-follows = Fører videre til
thread-to-based-on = Grunnlag for
thread-to-answers = Besvares av
thread-to-leads-to = Nås gjennom tiltaket
thread-from-parent = Har under seg
thread-from-drives = Drives av
thread-from-reinforces = Forsterkes av
thread-from-counteracts = Motvirkes av
thread-from-axis = Spennes ut av aksen
thread-from-predetermined = Bygger på det forutbestemte elementet
thread-from-state = Velger tilstand for
thread-from-centre = Konsekvens av
thread-from-follows = Følger av
thread-from-based-on = Bygger på
thread-from-answers = Svarer på
thread-from-leads-to = Fører til delmålet
thread-totals-caption = Trender og hva de førte til
thread-total = Alle trender
thread-trends-caption = Trendene og hva de førte til
thread-filter = Vis
thread-filter-all = Alle trender
thread-filter-actions = Førte til tiltak
thread-filter-nowhere = Førte ikke til noe tiltak
thread-show = Vis

# The exports of visions, milestones and actions.
bcr-export-csv = Backcasting som CSV
bcr-export-json = Backcasting som JSON
bcr-column-kind = Type
bcr-column-id = Nummer
bcr-column-vision = Visjon
bcr-column-phase = Fase
bcr-column-organisation = Organisasjon
bcr-column-title = Tittel eller tekst
bcr-column-year = År
bcr-column-level = Nivå
bcr-column-milestone_kind = Type delmål
bcr-column-actor = Aktør
bcr-column-start = Oppstart
bcr-column-strategy = Strategi
bcr-column-status = Status
bcr-column-depends_on = Avhenger av delmål
bcr-column-milestones = Fører til delmål
bcr-column-answers = Svarer på konsekvenser
bcr-column-robust = Robust i
bcr-column-adapt = Med tilpasning i
bcr-column-fails = Faller i
bcr-column-verdicts = Stresstestens vurderinger
thread-embed-not-public = Visjonen til tiltaket er ikke publisert. Publiser den før teksten publiseres.
