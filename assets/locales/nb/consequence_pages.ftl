# Konsekvenssider: et scenarios eller et notat sine konsekvenser, hurtigregistreringen, skjemaet, én konsekvens og historikken.
cq-title = Konsekvenser
cq-of-set = I scenariosettet
cq-wheel = Framtidshjul
cq-heat-table = Settets varmetabell
cq-note-link = Framtidshjul og konsekvenser
cq-new = Legg til en konsekvens
cq-new-own = Legg til en egen for vår organisasjon
cq-edit = Rediger konsekvensen
cq-one = Konsekvens #{ $id }
cq-count = { $count ->
    [one] { $count } konsekvens
   *[other] { $count } konsekvenser
}
cq-none-at-level = Ingen konsekvenser på dette nivået ennå.
cq-filter-whose = Hvem sine konsekvenser
cq-filter-all = Alle
cq-filter-show = Vis
cq-shared = Felles
cq-whose = Hvem sitt bilde
cq-whose-shared = Felles (for bordgruppen)
cq-whose-own = Vår organisasjons egen
cq-capture = Hurtigregistrering
cq-capture-save = Lagre linjene
cq-level = Nivå
cq-theme = Tema
cq-theme-none = Ikke noe tema ennå
cq-parent = Følger av
cq-parent-hint = La feltet stå tomt for første orden: en konsekvens av selve sentrum. Velg en konsekvens, eller oppgi nummeret, for andre eller tredje orden.
cq-parent-centre = Sentrum (første orden)
cq-lines = Konsekvenser, én per linje
cq-lines-hint = Start en linje med + for en mulighet, - for en trussel eller ± (eller ?) for blandet. Rykk inn en linje to mellomrom for at den skal følge av linjen over.
cq-on-line = Linje { $n }:
cq-text = Tekst
cq-valence = Valens
cq-valence-opportunity = Mulighet
cq-valence-threat = Trussel
cq-valence-mixed = Blandet
cq-valence-none = Ikke vurdert
cq-magnitude = Omfang
cq-magnitude-small = Lite
cq-magnitude-significant = Betydelig
cq-magnitude-transformative = Omveltende
cq-timing = Tidspunkt
cq-timing-within-1 = Innen et år
cq-timing-2-5 = Om 2–5 år
cq-timing-5-15 = Om 5–15 år
cq-timing-beyond-15 = Om mer enn 15 år
cq-confidence = Sikkerhet
cq-confidence-1 = 1 (lav)
cq-confidence-2 = 2 (middels)
cq-confidence-3 = 3 (høy)
cq-confidence-is = Sikkerhet { $n }
cq-not-yet = Ikke ennå
cq-order = Orden
cq-order-hint = Følger av det den følger av; du kan la feltet stå tomt.
cq-order-n = { $n ->
    [1] første orden
    [2] andre orden
   *[other] tredje orden
}
cq-stale = Noen andre endret konsekvensen mens du skrev.
cq-stale-help = Deres versjon ble lagret { $date }. Teksten din er beholdt i skjemaet: sammenlign og lagre igjen.
cq-their-version = Deres versjon
cq-follows-from = Følger av
cq-from-scenario = Scenarioet
cq-from-note = Notatet
cq-followers = Hva som følger av den
cq-note-start = Start et framtidshjul rundt notatet
cq-add-follower = Legg til en konsekvens som følger av denne
cq-based-on = Tok utgangspunkt i den felles konsekvensen
cq-written-by = Skrevet av
cq-updated = Sist endret
cq-history = Historikk
cq-remove = Fjern konsekvensen
cq-remove-stale = Konsekvensen ble endret etter at du åpnet den. Se på den igjen før du fjerner den.
cq-hold = Dette gjelder oss også
cq-hold-help = Ta den felles konsekvensen som organisasjonens egen, med egne ord.
cq-hold-text = Vår tekst
cq-hold-save = Legg til som vår egen
cq-history-caption = { $count ->
    [one] { $count } versjon
   *[other] { $count } versjoner, nyeste først
}
cq-version = Versjon
cq-history-when = Når
cq-history-who = Hvem
cq-history-changed = Hva som ble endret
cq-history-created = Opprettet
cq-removed = Fjernet
cq-not-removed = I bruk
cq-field-level = Nivå
cq-field-theme = Tema
cq-field-text = Tekst
cq-field-valence = Valens
cq-field-magnitude = Omfang
cq-field-timing = Tidspunkt
cq-field-confidence = Sikkerhet
cq-field-parent_id = Følger av
cq-field-order = Orden
cq-field-removed = Status
