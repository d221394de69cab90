# Consequences beyond their own pages: search, export, publishing, the public web and
# the final publication.

cqr-search-title = Konsekvenser
cqr-centre-scenario = scenario
cqr-centre-note = notis
cqr-valence-opportunity = möjlighet
cqr-valence-threat = hot
cqr-valence-mixed = blandad
cqr-shared = gemensam
cqr-shared-view = Gemensam (workshoppen)
cqr-order = { $order }:a ordningen

cqr-export-csv = Exportera konsekvenserna (CSV)
cqr-export-json = Exportera konsekvenserna som JSON

cqr-column-id = Konsekvens (nr)
cqr-column-phase = Fas
cqr-column-set = Scenarioset (nr)
cqr-column-scenario = Scenario (nr)
cqr-column-scenario_name = Scenario
cqr-column-note = Notis (nr)
cqr-column-note_title = Notis
cqr-column-level = Nivå (nyckel)
cqr-column-level_name = Nivå
cqr-column-theme = Tema (nyckel)
cqr-column-theme_name = Tema
cqr-column-organisation_id = Organisation (nr)
cqr-column-organisation = Organisation
cqr-column-organisation_category = Organisationskategori
cqr-column-submission_status = Inlämningens status
cqr-column-text = Text
cqr-column-valence = Riktning
cqr-column-magnitude = Omfattning
cqr-column-timing = Tidpunkt
cqr-column-order = Ordning
cqr-column-parent = Följer av (nr)
cqr-column-based_on = Utgår från (nr)
cqr-column-confidence = Säkerhet
cqr-column-updated = Senast ändrad

cqr-set-title = Konsekvenser
cqr-set-published = Konsekvenserna av setets scenarier är publicerade på den öppna webben.
cqr-set-published-waiting = Konsekvenserna är publicerade men syns inte på den öppna webben förrän setet är publikt.
cqr-set-not-published = Konsekvenserna av setets scenarier är inte publicerade.
cqr-publish = Publicera konsekvenserna
cqr-unpublish = Ta tillbaka konsekvenserna från den öppna webben
cqr-publish-needs-public = Setet måste vara publikt innan konsekvenserna kan publiceras.

cqr-phase-title = Konsekvenser
cqr-public-set-title = Konsekvenser
cqr-public-none = Inga publicerade konsekvenser ännu.
