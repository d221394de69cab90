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
thread-via-parent = Hör till
thread-via-drives = Driver
thread-via-reinforces = Förstärker
thread-via-counteracts = Motverkar
thread-via-axis = Axel i scenarioset
thread-via-predetermined = Förutbestämt i scenarioset
thread-via-state = Tillstånd i scenario
thread-via-centre = Konsekvens av
thread-via-follows = Följer av
thread-via-based-on = Bygger på
thread-via-answers = Svarar mot
thread-via-leads-to = Leder till delmål
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
