# Consequences: the heat table, the cell lists, a region's profile, their embeds.
cqh-nav = Konsekvenser
cqh-title = Konsekvenstabell
cqh-landing-title = Konsekvenser
cqh-landing-lead = Konsekvensene av hvert scenario på hvert nivå, fra verkstedet og fra organisasjonenes hjemmearbeid. Tallene teller de felles konsekvensene og organisasjonenes innleverte.
cqh-no-set = Det finnes ikke noe scenariosett å beskrive konsekvenser for ennå.
cqh-nothing-published = Ingen konsekvenser er publisert ennå.
cqh-set-link = Tabellen med filter
cqh-scenarios = Scenarioene
cqh-scenario-consequences = Konsekvenser
cqh-scenario-wheel = Framtidshjul
cqh-organisations = Organisasjonenes profiler
cqh-no-organisations = Ingen organisasjons konsekvenser telles ennå.
cqh-help = Radene er nivåer og kolonnene scenarioer. Hver rute viser antall konsekvenser og nettoverdien, muligheter minus trusler, med tegn og ord. Velg en rute for å se konsekvensene i den.
cqh-filters = Filter
cqh-filter-organisation = Organisasjon
cqh-filter-all = Alle
cqh-filter-shared = Bare felles
cqh-filter-category = Organisasjonstype
cqh-filter-theme = Tema
cqh-filter-show = Vis
cqh-caption = Konsekvenser per nivå og scenario
cqh-level = Nivå
cqh-leaning-opportunities = mest muligheter
cqh-leaning-threats = mest trusler
cqh-leaning-balanced = balansert
cqh-count = { $count ->
    [one] 1 konsekvens
   *[other] { $count } konsekvenser
}
cqh-breakdown = muligheter: { $opportunities }, trusler: { $threats }, blandede: { $mixed }
cqh-total = { $count ->
    [one] 1 konsekvens telles i tabellen.
   *[other] { $count } konsekvenser telles i tabellen.
}
cqh-chart-desc = Rader: { $levels } nivåer. Kolonner: { $scenarios } scenarioer. Hver rute viser nettoverdien (muligheter minus trusler) som et tegn og antall konsekvenser under; fargen gjentar bare tegnet.
cqh-list-title = Konsekvensene i ruten
cqh-list-empty = Ingen konsekvenser i denne ruten.
cqh-back = Tilbake til tabellen
cqh-shared = Felles
cqh-valence-opportunity = mulighet
cqh-valence-threat = trussel
cqh-valence-mixed = blandet
cqh-valence-none = ingen valens oppgitt
cqh-open = Konsekvens { $number }
cqh-theme = Tema
cqh-whose = Hvem sin
cqh-valence = Valens
cqh-no-theme = ikke noe tema
cqh-profile-title = Regionens profil
cqh-profile-lead = { $organisation } sammenlignet med alle andre: de felles konsekvensene fra verkstedet og de andre organisasjonenes.
cqh-profile-own = Egne konsekvenser
cqh-profile-others = Alle andre
cqh-profile-opportunities = Der vi ser muligheter og andre ser trusler
cqh-profile-threats = Der vi ser trusler og andre ser muligheter
cqh-profile-none = Ingen slike ruter.
cqh-profile-cell = vi { $own }, andre { $others }
cqh-profile-link = Regionens profil av konsekvensene
cqh-profile-chart-desc = To tabeller, egne konsekvenser øverst og alle andres under, med nivåer som rader og scenarioer som kolonner. Hver rute viser nettoverdien som et tegn og antall konsekvenser.
cqh-embed-not-published = Konsekvensene i scenariosettet er ikke publisert ennå.
cqh-embed-region-not-accepted = Organisasjonens hjemmearbeid med konsekvensene er ikke godkjent ennå.
cqh-embed-hint = Konsekvenser: [[consequences:2]] (konsekvenstabellen for sett 2) og [[region-consequences:5]] (profilen til organisasjon 5), når konsekvensene er publisert.
