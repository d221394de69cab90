# Backcasting: the timeline, the stress-test grid and form, and their embeds.
bcc-backcasting = Backcasting
bcc-timeline-title = Tidslinje
bcc-timeline-help = Från i dag till visionens målår: milstolparna på sina nivåer, pilar från det en milstolpe bygger på, och åtgärderna nära nu. Samma uppgifter står i tabellen under diagrammet.
bcc-timeline-desc = Tidslinje från { $from } till { $to } med { $milestones ->
    [one] 1 milstolpe
   *[other] { $milestones } milstolpar
} och { $actions ->
    [one] 1 åtgärd
   *[other] { $actions } åtgärder
}, i ett fält per nivå. Alla uppgifter finns i tabellen.
bcc-timeline-key = Cirkel: milstolpe. Kvadrat: åtgärd, vid det år den senast ska starta. Heldragen pil: en milstolpe bygger på en annan. Streckad pil: en åtgärd leder till en milstolpe.
bcc-timeline-caption = Milstolpar och åtgärder
bcc-now = I dag ({ $year })
bcc-horizon = Vision { $year }
bcc-lane-actions = Åtgärder
bcc-year = År
bcc-item = Milstolpe eller åtgärd
bcc-lane = Nivå
bcc-kind = Typ eller start
bcc-actor = Aktör
bcc-depends-on = Bygger på eller leder till
bcc-stress-title = Stresstest
bcc-stress-help = Hur varje milstolpe och åtgärd klarar sig i setets scenarier: robust, behöver anpassas eller fallerar. Varje bedömning visas med en form och ett ord.
bcc-stress-desc = Rutnät med { $items ->
    [one] 1 milstolpe eller åtgärd
   *[other] { $items } milstolpar och åtgärder
} mot { $scenarios ->
    [one] 1 scenario
   *[other] { $scenarios } scenarier
}. Alla bedömningar finns i tabellen.
bcc-stress-key = ● robust · ◐ behöver anpassas · ✕ fallerar · – inte bedömd
bcc-stress-caption = Bedömningar per scenario
bcc-stress-empty = Visionen har ännu inga milstolpar eller åtgärder att stresstesta.
bcc-score-head = Håller i
bcc-score-short = { $holds } av { $of }
bcc-score = { $of ->
    [one] håller i { $holds } av 1 framtid
   *[other] håller i { $holds } av { $of } framtider
}
bcc-unjudged = { $count ->
    [one] 1 scenario inte bedömt
   *[other] { $count } scenarier inte bedömda
}
bcc-verdict-robust = Robust
bcc-verdict-adapt = Behöver anpassas
bcc-verdict-fails = Fallerar
bcc-verdict-none = Inte bedömd
bcc-item-vision = Vision
bcc-item-milestone = Milstolpe
bcc-item-action = Åtgärd
bcc-judge = Bedöm
bcc-judge-title = Stresstesta
bcc-judge-help = Välj en bedömning för varje scenario och skriv gärna varför. Allt sparas på en gång, eller ingenting om något behöver rättas.
bcc-judge-save = Spara bedömningarna
bcc-judge-no-scenarios = Visionen bygger inte på något scenarioset, så det finns inget att bedöma mot.
bcc-note = Kommentar
bcc-embed-hint = Backcasting: [[backcasting:4]] (tidslinjen för vision 4), [[stress-test:4]] (dess stresstest) och [[thread:7]] (tråden bakåt från åtgärd 7), när visionen är publicerad.
bcc-embed-not-public = Visionen är inte publicerad. Publicera den innan texten publiceras.
