# The home assignment's part `consequences`: the form, the submission pages and the exports.
cqp-below = Konsekvensene for deres region skriver dere per scenario lenger ned på siden. De lagres hver for seg.
cqp-no-set = Det finnes ikke noe åpent eller endelig scenariosett å beskrive konsekvenser for ennå.
cqp-help = Beskriv hva hvert scenario betyr for deres region, på de nivåene som gjelder dere. Minst én konsekvens per scenario trengs når dere leverer. Scenariosett:
cqp-locked = Innleveringen er levert eller godkjent. Konsekvensene kan endres igjen hvis prosessledelsen sender den tilbake.
cqp-count = { $count ->
    [one] { $count } egen konsekvens
   *[other] { $count } egne konsekvenser
}
cqp-add = Legg til en konsekvens
cqp-scenario-page = Scenarioets konsekvenser
cqp-none-yet = Dere har ingen egne konsekvenser for dette scenarioet ennå.
cqp-shared = { $count ->
    [one] Ta utgangspunkt i verkstedets konsekvens ({ $count })
   *[other] Ta utgangspunkt i verkstedets konsekvenser ({ $count })
}
cqp-hold-text = Deres egen tekst
cqp-hold = Dette gjelder oss også
cqp-order = { $order }. orden
cqp-stored-none = Ingen konsekvenser i innleveringen.
cqp-counts-caption = Egne konsekvenser per organisasjon og scenario
cqp-valence-opportunity = Mulighet
cqp-valence-threat = Trussel
cqp-valence-mixed = Blandet
cqp-magnitude-small = Liten
cqp-magnitude-significant = Betydelig
cqp-magnitude-transformative = Omveltende
cqp-timing-within-1 = Innen 1 år
cqp-timing-2-5 = 2–5 år
cqp-timing-5-15 = 5–15 år
cqp-timing-beyond-15 = Mer enn 15 år
cqp-level = Nivå
cqp-theme = Tema
cqp-order-short = Orden
cqp-valence = Retning
cqp-magnitude = Omfang
cqp-timing = Tidspunkt
cqp-confidence = Sikkerhet
cqp-text = Konsekvens
cqp-save-first = Lagre utkastet før dere legger til konsekvenser: svarene over lagres ikke av knappene her.
