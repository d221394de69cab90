# Scenarios beyond their own pages: search, export and import, the card in texts, the
# public web and the final publication.

scenario-reach-column-set = Scenario set (no.)
scenario-reach-column-set_title = Scenario set
scenario-reach-column-phase = Phase
scenario-reach-column-set_status = Status
scenario-reach-column-scenario = Scenario (no.)
scenario-reach-column-quadrant = Quadrant
scenario-reach-column-poles = Poles
scenario-reach-column-name = Name
scenario-reach-column-tagline = Tagline
scenario-reach-column-narrative = Narrative
scenario-reach-column-characteristics = Key characteristics
scenario-reach-column-driver_states = Driver states
scenario-reach-column-signposts = Signposts

scenario-reach-search-title = Scenarios
scenario-reach-search-set = scenario set
scenario-reach-search-in = in { $set }

scenario-reach-phase-title = Scenarios
scenario-reach-focal-question = Focal question
scenario-reach-horizon = Horizon
scenario-reach-axes = Axes
scenario-reach-poles = Poles
scenario-reach-card-kind = Scenario
scenario-reach-embed-not-public = the scenario's set is not public (or is a draft)

scenario-reach-import-title = Import a scenario set
scenario-reach-import-refused = Nothing was imported
scenario-reach-import-caption = { $count ->
    [one] { $count } error in the file
   *[other] { $count } errors in the file
}
scenario-reach-import-where = Where
scenario-reach-import-field = Field
scenario-reach-import-problem = Error
scenario-reach-import-scenario = Scenario { $number }
scenario-reach-import-set = The set
scenario-reach-import-help = A scenario set with its scenarios in JSON, in the shape of the export (a set on its own, or an export file holding exactly one set). It becomes a new draft; all of it or nothing is imported.
scenario-reach-import-file = JSON file
scenario-reach-import-text = Or paste the JSON
scenario-reach-import-button = Import
scenario-reach-export-json = Export every scenario set as JSON

scenario-reach-error-empty = No file and no text.
scenario-reach-error-json = The text is not valid JSON.
scenario-reach-error-json-at = The text is not valid JSON (line { $line }, column { $column }).
scenario-reach-error-one-set = The file must hold exactly one scenario set.
scenario-reach-error-shape = The set lacks a field or has a field of the wrong kind.
scenario-reach-error-fifth-quadrant = A set with two axes has only four quadrants: a fifth scenario has no place.
scenario-reach-error-too-many = Too many scenarios in one set.
scenario-reach-error-state-note = A driver state concerns a note that is neither an axis nor a predetermined element of the set.
