# Framsyn: interface texts of the area "thread", in Swedish.
# Each key lives in one file, the same file in all three languages.

thread-title = Tråden från signal till åtgärd
thread-overview-title = Trådarna från trender till åtgärder
thread-overview-help = Varje trend i banken följd framåt längs de länkar som gjorts: till scenarier, konsekvenser, delmål och åtgärder. Välj att se de trender som ledde till åtgärder eller de som inte ledde någonstans.
thread-overview-empty = Inga trender att visa.
thread-note-link = Följ tråden framåt till åtgärder
thread-help-back = Åtgärden följd bakåt längs de länkar som gjorts: de konsekvenser den och dess delmål svarar mot, scenarierna de hör till, osäkerheterna och valen som spänner upp scenarierna, och signalerna och trenderna under dem.
thread-help-forward = Anteckningen följd framåt längs de länkar som gjorts: de anteckningar den driver, scenarierna den ingår i, konsekvenserna, och de delmål och åtgärder som svarar mot dem.
thread-desc-back = { $count ->
    [one] En tråd med ett steg.
   *[other] En tråd med { $count } steg, i rader från signaler överst till åtgärder nederst. Linjerna visar de länkar som gjorts mellan stegen.
}
thread-desc-forward = { $count ->
    [one] En tråd med ett steg: anteckningen ledde ingenstans.
   *[other] En tråd med { $count } steg, i rader från signaler överst till åtgärder nederst. Linjerna visar de länkar som gjorts mellan stegen.
}
thread-key = Varje rad är ett led i kedjan, från signaler överst till åtgärder nederst. Den inramade rutan är där tråden börjar. Hela namnen och länkarna står i tabellen.
thread-back-empty = Åtgärden svarar ännu inte mot någon konsekvens.
thread-led-nowhere = Ledde ingenstans
thread-stopped-at = Stannade vid: { $stage }
thread-hidden = { $count ->
    [one] Ett steg syns inte för dig.
   *[other] { $count } steg syns inte för dig.
}
thread-stage-signal = Signaler
thread-stage-trend = Trender
thread-stage-uncertainty = Osäkerheter
thread-stage-scenario = Scenarier
thread-stage-consequence = Konsekvenser
thread-stage-milestone = Delmål
thread-stage-action = Åtgärder
thread-steps-caption = Stegen i tråden
thread-counts-caption = Antal steg per led
thread-column-stage = Led
thread-column-step = Steg
thread-column-count = Antal
thread-column-leads-to = Leder till
thread-column-comes-from = Kommer från
thread-column-trend = Trend
thread-column-outcome = Ledde till
# A link named from the step whose row lists it: from the upstream step (the
# thread back, "this led to that") and from the downstream step (forward).
thread-to-parent = Hör till
thread-to-drives = Driver
thread-to-reinforces = Förstärker
thread-to-counteracts = Motverkar
thread-to-axis = Axel för scenariot
thread-to-predetermined = Förutbestämt element i
thread-to-state = Tillstånd valt i
thread-to-centre = Har konsekvensen
thread-to-follows = Leder vidare till
thread-to-based-on = Grund för
thread-to-answers = Besvaras av
thread-to-leads-to = Nås genom åtgärden
thread-from-parent = Har under sig
thread-from-drives = Drivs av
thread-from-reinforces = Förstärks av
thread-from-counteracts = Motverkas av
thread-from-axis = Spänns upp av axeln
thread-from-predetermined = Bygger på det förutbestämda elementet
thread-from-state = Väljer tillstånd för
thread-from-centre = Konsekvens av
thread-from-follows = Följer av
thread-from-based-on = Bygger på
thread-from-answers = Svarar mot
thread-from-leads-to = Leder till delmålet
thread-totals-caption = Trender och vad de ledde till
thread-total = Alla trender
thread-trends-caption = Trenderna och vad de ledde till
thread-filter = Visa
thread-filter-all = Alla trender
thread-filter-actions = Ledde till åtgärder
thread-filter-nowhere = Ledde inte till någon åtgärd
thread-show = Visa

# The exports of visions, milestones and actions.
bcr-export-csv = Backcasting som CSV
bcr-export-json = Backcasting som JSON
bcr-column-kind = Slag
bcr-column-id = Nummer
bcr-column-vision = Vision
bcr-column-phase = Fas
bcr-column-organisation = Organisation
bcr-column-title = Titel eller text
bcr-column-year = År
bcr-column-level = Nivå
bcr-column-milestone_kind = Slag av delmål
bcr-column-actor = Aktör
bcr-column-start = Start
bcr-column-strategy = Strategi
bcr-column-status = Läge
bcr-column-depends_on = Beror på delmål
bcr-column-milestones = Leder till delmål
bcr-column-answers = Svarar mot konsekvenser
bcr-column-robust = Robust i
bcr-column-adapt = Med anpassning i
bcr-column-fails = Faller i
bcr-column-verdicts = Stresstestens bedömningar
thread-embed-not-public = Åtgärdens vision är inte publicerad. Publicera den innan texten publiceras.
