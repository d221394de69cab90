# Scenarioer utenfor sine egne sider: søk, eksport og import, kortet i tekster, den
# offentlige nettsiden og sluttpublikasjonen.

scenario-reach-column-set = Scenariosett (nr)
scenario-reach-column-set_title = Scenariosett
scenario-reach-column-phase = Fase
scenario-reach-column-set_status = Status
scenario-reach-column-scenario = Scenario (nr)
scenario-reach-column-quadrant = Kvadrant
scenario-reach-column-poles = Poler
scenario-reach-column-name = Navn
scenario-reach-column-tagline = Kjernesetning
scenario-reach-column-narrative = Fortelling
scenario-reach-column-characteristics = Kjennetegn
scenario-reach-column-driver_states = Drivkreftenes tilstand
scenario-reach-column-signposts = Tidlige tegn

scenario-reach-search-title = Scenarioer
scenario-reach-search-set = scenariosett
scenario-reach-search-in = i { $set }

scenario-reach-phase-title = Scenarioer
scenario-reach-focal-question = Fokusspørsmål
scenario-reach-horizon = Tidshorisont
scenario-reach-axes = Akser
scenario-reach-poles = Poler
scenario-reach-card-kind = Scenario
scenario-reach-embed-not-public = scenarioets sett er ikke offentlig (eller er et utkast)

scenario-reach-import-title = Importer scenariosett
scenario-reach-import-refused = Ingenting ble importert
scenario-reach-import-caption = { $count } feil i filen
scenario-reach-import-where = Hvor
scenario-reach-import-field = Felt
scenario-reach-import-problem = Feil
scenario-reach-import-scenario = Scenario { $number }
scenario-reach-import-set = Settet
scenario-reach-import-help = Et scenariosett med sine scenarioer i JSON, i samme form som eksporten (et sett alene, eller en eksportfil med nøyaktig ett sett). Det blir et nytt utkast; alt eller ingenting importeres.
scenario-reach-import-file = JSON-fil
scenario-reach-import-text = Eller lim inn JSON
scenario-reach-import-button = Importer
scenario-reach-export-json = Eksporter alle scenariosett som JSON

scenario-reach-error-empty = Ingen fil og ingen tekst.
scenario-reach-error-json = Teksten er ikke gyldig JSON.
scenario-reach-error-json-at = Teksten er ikke gyldig JSON (linje { $line }, kolonne { $column }).
scenario-reach-error-one-set = Filen skal inneholde nøyaktig ett scenariosett.
scenario-reach-error-shape = Settet mangler et felt eller har et felt av feil slag.
scenario-reach-error-fifth-quadrant = Et sett med to akser har bare fire kvadranter: et femte scenario får ingen plass.
scenario-reach-error-too-many = For mange scenarioer i ett sett.
scenario-reach-error-state-note = En drivkrafttilstand gjelder et notat som verken er akse eller forhåndsbestemt element i settet.
