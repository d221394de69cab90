# The home assignment's part `consequences`: the form, the submission pages and the exports.
cqp-below = Konsekvenserna för er region skriver ni per scenario längre ner på sidan. De sparas var för sig.
cqp-no-set = Det finns inget öppet eller slutligt scenarioset att beskriva konsekvenser för ännu.
cqp-help = Beskriv vad varje scenario betyder för er region, på de nivåer som gäller er. Minst en konsekvens per scenario behövs när ni lämnar in. Scenarioset:
cqp-locked = Inlämningen är inlämnad eller godkänd. Konsekvenserna kan ändras igen om processledningen skickar tillbaka den.
cqp-count = { $count ->
    [one] { $count } egen konsekvens
   *[other] { $count } egna konsekvenser
}
cqp-add = Lägg till en konsekvens
cqp-scenario-page = Scenariots konsekvenser
cqp-none-yet = Ni har inga egna konsekvenser för det här scenariot ännu.
cqp-shared = { $count ->
    [one] Utgå från workshoppens konsekvens ({ $count })
   *[other] Utgå från workshoppens konsekvenser ({ $count })
}
cqp-hold-text = Er egen text
cqp-hold = Det här gäller oss också
cqp-order = { $order }:a ordningen
cqp-stored-none = Inga konsekvenser i inlämningen.
cqp-counts-caption = Egna konsekvenser per organisation och scenario
cqp-valence-opportunity = Möjlighet
cqp-valence-threat = Hot
cqp-valence-mixed = Blandad
cqp-magnitude-small = Liten
cqp-magnitude-significant = Betydande
cqp-magnitude-transformative = Omvälvande
cqp-timing-within-1 = Inom 1 år
cqp-timing-2-5 = 2–5 år
cqp-timing-5-15 = 5–15 år
cqp-timing-beyond-15 = Mer än 15 år
cqp-level = Nivå
cqp-theme = Tema
cqp-order-short = Ordning
cqp-valence = Riktning
cqp-magnitude = Omfattning
cqp-timing = Tidpunkt
cqp-confidence = Säkerhet
cqp-text = Konsekvens
cqp-save-first = Spara utkastet innan ni lägger till konsekvenser: svaren ovan sparas inte av knapparna här.
