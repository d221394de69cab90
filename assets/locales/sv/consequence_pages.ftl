# Konsekvenssidor: ett scenarios eller en notis konsekvenser, snabbinmatningen, formuläret, en konsekvens och dess historik.
cq-title = Konsekvenser
cq-of-set = I scenariouppsättningen
cq-wheel = Framtidshjul
cq-heat-table = Uppsättningens värmetabell
cq-note-link = Framtidshjul och konsekvenser
cq-new = Lägg till en konsekvens
cq-new-own = Lägg till en egen för vår organisation
cq-edit = Redigera konsekvensen
cq-one = Konsekvens #{ $id }
cq-count = { $count ->
    [one] { $count } konsekvens
   *[other] { $count } konsekvenser
}
cq-none-at-level = Inga konsekvenser på den här nivån ännu.
cq-filter-whose = Vems konsekvenser
cq-filter-all = Alla
cq-filter-show = Visa
cq-shared = Gemensam
cq-whose = Vems bild
cq-whose-shared = Gemensam (för bordsgruppen)
cq-whose-own = Vår organisations egen
cq-capture = Snabbinmatning
cq-capture-save = Spara raderna
cq-level = Nivå
cq-theme = Tema
cq-theme-none = Inget tema ännu
cq-parent = Följer av
cq-parent-hint = Lämna tomt för första ordningen: en konsekvens av själva centrum. Välj en konsekvens, eller ange dess nummer, för andra eller tredje ordningen.
cq-parent-centre = Centrum (första ordningen)
cq-lines = Konsekvenser, en per rad
cq-lines-hint = Börja en rad med + för en möjlighet, - för ett hot eller ± (eller ?) för blandat. Dra in en rad två mellanslag för att den ska följa av raden ovanför.
cq-on-line = Rad { $n }:
cq-text = Text
cq-valence = Valens
cq-valence-opportunity = Möjlighet
cq-valence-threat = Hot
cq-valence-mixed = Blandad
cq-valence-none = Inte bedömd
cq-magnitude = Omfattning
cq-magnitude-small = Liten
cq-magnitude-significant = Betydande
cq-magnitude-transformative = Omvälvande
cq-timing = Tidpunkt
cq-timing-within-1 = Inom ett år
cq-timing-2-5 = Om 2–5 år
cq-timing-5-15 = Om 5–15 år
cq-timing-beyond-15 = Om mer än 15 år
cq-confidence = Säkerhet
cq-confidence-1 = 1 (låg)
cq-confidence-2 = 2 (medel)
cq-confidence-3 = 3 (hög)
cq-confidence-is = Säkerhet { $n }
cq-not-yet = Inte ännu
cq-order = Ordning
cq-order-hint = Följer av vad den följer av; du kan lämna den tom.
cq-order-n = { $n ->
    [1] första ordningen
    [2] andra ordningen
   *[other] tredje ordningen
}
cq-stale = Någon annan ändrade konsekvensen medan du skrev.
cq-stale-help = Deras version sparades { $date }. Din text finns kvar i formuläret: jämför och spara igen.
cq-their-version = Deras version
cq-follows-from = Följer av
cq-from-scenario = Scenariot
cq-from-note = Notisen
cq-followers = Vad som följer av den
cq-note-start = Starta ett framtidshjul kring notisen
cq-add-follower = Lägg till en konsekvens som följer av den här
cq-based-on = Utgick från den gemensamma konsekvensen
cq-written-by = Skriven av
cq-updated = Senast ändrad
cq-history = Historik
cq-remove = Ta bort konsekvensen
cq-remove-stale = Konsekvensen ändrades efter att du öppnade den. Titta på den igen innan du tar bort den.
cq-hold = Det här gäller oss också
cq-hold-help = Ta den gemensamma konsekvensen som din organisations egen, med egna ord.
cq-hold-text = Vår text
cq-hold-save = Lägg till som vår egen
cq-history-caption = { $count ->
    [one] { $count } version
   *[other] { $count } versioner, senaste först
}
cq-version = Version
cq-history-when = När
cq-history-who = Vem
cq-history-changed = Vad som ändrades
cq-history-created = Skapad
cq-removed = Borttagen
cq-not-removed = I bruk
cq-field-level = Nivå
cq-field-theme = Tema
cq-field-text = Text
cq-field-valence = Valens
cq-field-magnitude = Omfattning
cq-field-timing = Tidpunkt
cq-field-confidence = Säkerhet
cq-field-parent_id = Följer av
cq-field-order = Ordning
cq-field-removed = Status
