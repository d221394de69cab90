# Consequences: the heat table, the cell lists, a region's profile, their embeds.
cqh-nav = Konsekvenser
cqh-title = Konsekvenstabell
cqh-landing-title = Konsekvenser
cqh-landing-lead = Konsekvenserna av varje scenario på varje nivå, från workshopen och från organisationernas hemarbete. Siffrorna räknar de gemensamma konsekvenserna och organisationernas inlämnade.
cqh-no-set = Det finns inget scenarioset att beskriva konsekvenser för ännu.
cqh-nothing-published = Inga konsekvenser är publicerade ännu.
cqh-set-link = Tabellen med filter
cqh-scenarios = Scenarierna
cqh-scenario-consequences = Konsekvenser
cqh-scenario-wheel = Framtidshjul
cqh-organisations = Organisationernas profiler
cqh-no-organisations = Ingen organisations konsekvenser räknas ännu.
cqh-help = Raderna är nivåer och kolumnerna scenarier. Varje ruta visar antalet konsekvenser och nettovärdet, möjligheter minus hot, med tecken och ord. Välj en ruta för att se dess konsekvenser.
cqh-filters = Filter
cqh-filter-organisation = Organisation
cqh-filter-all = Alla
cqh-filter-shared = Bara gemensamma
cqh-filter-category = Organisationstyp
cqh-filter-theme = Tema
cqh-filter-show = Visa
cqh-caption = Konsekvenser per nivå och scenario
cqh-level = Nivå
cqh-leaning-opportunities = mest möjligheter
cqh-leaning-threats = mest hot
cqh-leaning-balanced = balanserat
cqh-count = { $count ->
    [one] 1 konsekvens
   *[other] { $count } konsekvenser
}
cqh-breakdown = möjligheter: { $opportunities }, hot: { $threats }, blandade: { $mixed }
cqh-total = { $count ->
    [one] 1 konsekvens räknas i tabellen.
   *[other] { $count } konsekvenser räknas i tabellen.
}
cqh-chart-desc = Rader: { $levels } nivåer. Kolumner: { $scenarios } scenarier. Varje ruta visar nettovärdet (möjligheter minus hot) som ett tecken och antalet konsekvenser under det; färgen upprepar bara tecknet.
cqh-list-title = Konsekvenserna i rutan
cqh-list-empty = Inga konsekvenser i den här rutan.
cqh-back = Tillbaka till tabellen
cqh-shared = Gemensam
cqh-valence-opportunity = möjlighet
cqh-valence-threat = hot
cqh-valence-mixed = blandad
cqh-valence-none = ingen valens angiven
cqh-open = Konsekvens { $number }
cqh-theme = Tema
cqh-whose = Vems
cqh-valence = Valens
cqh-no-theme = inget tema
cqh-profile-title = Regionens profil
cqh-profile-lead = { $organisation } jämförd med alla andra: de gemensamma konsekvenserna från workshopen och de andra organisationernas.
cqh-profile-own = Egna konsekvenser
cqh-profile-others = Alla andra
cqh-profile-opportunities = Där vi ser möjligheter och andra ser hot
cqh-profile-threats = Där vi ser hot och andra ser möjligheter
cqh-profile-none = Inga sådana rutor.
cqh-profile-cell = vi { $own }, andra { $others }
cqh-profile-link = Regionens profil av konsekvenserna
cqh-profile-chart-desc = Två tabeller, egna konsekvenser överst och alla andras under, med nivåer som rader och scenarier som kolumner. Varje ruta visar nettovärdet som ett tecken och antalet konsekvenser.
cqh-embed-not-published = Konsekvenserna i scenariosetet är inte publicerade ännu.
cqh-embed-region-not-accepted = Organisationens hemarbete med konsekvenserna är inte godkänt ännu.
cqh-embed-hint = Konsekvenser: [[consequences:2]] (konsekvenstabellen för set 2) och [[region-consequences:5]] (profilen för organisation 5), när konsekvenserna är publicerade.
