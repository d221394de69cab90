# Scenarier utanför sina egna sidor: sökning, export och import, kortet i texter, den
# publika webben och slutpublikationen.

scenario-reach-column-set = Scenarioset (nr)
scenario-reach-column-set_title = Scenarioset
scenario-reach-column-phase = Fas
scenario-reach-column-set_status = Status
scenario-reach-column-scenario = Scenario (nr)
scenario-reach-column-quadrant = Kvadrant
scenario-reach-column-poles = Poler
scenario-reach-column-name = Namn
scenario-reach-column-tagline = Kärnmening
scenario-reach-column-narrative = Berättelse
scenario-reach-column-characteristics = Kännetecken
scenario-reach-column-driver_states = Drivkrafternas lägen
scenario-reach-column-signposts = Tidiga tecken

scenario-reach-search-title = Scenarier
scenario-reach-search-set = scenarioset
scenario-reach-search-in = i { $set }

scenario-reach-phase-title = Scenarier
scenario-reach-focal-question = Fokusfråga
scenario-reach-horizon = Tidshorisont
scenario-reach-axes = Axlar
scenario-reach-poles = Poler
scenario-reach-card-kind = Scenario
scenario-reach-embed-not-public = scenariots set är inte publikt (eller är ett utkast)

scenario-reach-import-title = Importera scenarioset
scenario-reach-import-refused = Inget importerades
scenario-reach-import-caption = { $count } fel i filen
scenario-reach-import-where = Var
scenario-reach-import-field = Fält
scenario-reach-import-problem = Fel
scenario-reach-import-scenario = Scenario { $number }
scenario-reach-import-set = Setet
scenario-reach-import-help = Ett scenarioset med sina scenarier i JSON, i samma form som exporten (ett set för sig, eller en exportfil med exakt ett set). Det blir ett nytt utkast; allt eller inget importeras.
scenario-reach-import-file = JSON-fil
scenario-reach-import-text = Eller klistra in JSON
scenario-reach-import-button = Importera
scenario-reach-export-json = Exportera alla scenarioset som JSON

scenario-reach-error-empty = Ingen fil och ingen text.
scenario-reach-error-json = Texten är inte giltig JSON.
scenario-reach-error-json-at = Texten är inte giltig JSON (rad { $line }, kolumn { $column }).
scenario-reach-error-one-set = Filen ska innehålla exakt ett scenarioset.
scenario-reach-error-shape = Setet saknar ett fält eller har ett fält av fel slag.
scenario-reach-error-fifth-quadrant = Ett set med två axlar har bara fyra kvadranter: ett femte scenario får ingen plats.
scenario-reach-error-too-many = För många scenarier i ett set.
scenario-reach-error-state-note = Ett drivkraftsläge gäller en notis som varken är axel eller förutbestämt element i setet.
