# Consequences beyond their own pages: search, export, publishing, the public web and
# the final publication.

cqr-search-title = Konsekvenser
cqr-centre-scenario = scenario
cqr-centre-note = notis
cqr-valence-opportunity = mulighet
cqr-valence-threat = trussel
cqr-valence-mixed = blandet
cqr-shared = felles
cqr-shared-view = Felles (verkstedet)
cqr-order = { $order }. orden

cqr-export-csv = Eksporter konsekvensene (CSV)
cqr-export-json = Eksporter konsekvensene som JSON

cqr-column-id = Konsekvens (nr.)
cqr-column-phase = Fase
cqr-column-set = Scenariosett (nr.)
cqr-column-scenario = Scenario (nr.)
cqr-column-scenario_name = Scenario
cqr-column-note = Notis (nr.)
cqr-column-note_title = Notis
cqr-column-level = Nivå (nøkkel)
cqr-column-level_name = Nivå
cqr-column-theme = Tema (nøkkel)
cqr-column-theme_name = Tema
cqr-column-organisation_id = Organisasjon (nr.)
cqr-column-organisation = Organisasjon
cqr-column-organisation_category = Organisasjonskategori
cqr-column-submission_status = Innleveringens status
cqr-column-text = Tekst
cqr-column-valence = Retning
cqr-column-magnitude = Omfang
cqr-column-timing = Tidspunkt
cqr-column-order = Orden
cqr-column-parent = Følger av (nr.)
cqr-column-based_on = Bygger på (nr.)
cqr-column-confidence = Sikkerhet
cqr-column-updated = Sist endret

cqr-set-title = Konsekvenser
cqr-set-published = Konsekvensene av settets scenarier er publisert på det åpne nettet.
cqr-set-published-waiting = Konsekvensene er publisert, men vises ikke på det åpne nettet før settet er offentlig.
cqr-set-not-published = Konsekvensene av settets scenarier er ikke publisert.
cqr-publish = Publiser konsekvensene
cqr-unpublish = Ta konsekvensene tilbake fra det åpne nettet
cqr-publish-needs-public = Settet må være offentlig før konsekvensene kan publiseres.

cqr-phase-title = Konsekvenser
cqr-public-set-title = Konsekvenser
cqr-public-none = Ingen publiserte konsekvenser ennå.
