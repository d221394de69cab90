# Consequences beyond their own pages: search, export, publishing, the public web and
# the final publication.

cqr-search-title = Consequences
cqr-centre-scenario = scenario
cqr-centre-note = note
cqr-valence-opportunity = opportunity
cqr-valence-threat = threat
cqr-valence-mixed = mixed
cqr-shared = shared
cqr-shared-view = Shared (the workshop)
cqr-order = { $order ->
    [1] 1st
    [2] 2nd
    [3] 3rd
   *[other] { $order }th
} order

cqr-export-csv = Export the consequences (CSV)
cqr-export-json = Export the consequences as JSON

cqr-column-id = Consequence (no.)
cqr-column-phase = Phase
cqr-column-set = Scenario set (no.)
cqr-column-scenario = Scenario (no.)
cqr-column-scenario_name = Scenario
cqr-column-note = Note (no.)
cqr-column-note_title = Note
cqr-column-level = Level (key)
cqr-column-level_name = Level
cqr-column-theme = Theme (key)
cqr-column-theme_name = Theme
cqr-column-organisation_id = Organisation (no.)
cqr-column-organisation = Organisation
cqr-column-organisation_category = Organisation category
cqr-column-submission_status = Submission status
cqr-column-text = Text
cqr-column-valence = Valence
cqr-column-magnitude = Magnitude
cqr-column-timing = Timing
cqr-column-order = Order
cqr-column-parent = Follows from (no.)
cqr-column-based_on = Based on (no.)
cqr-column-confidence = Confidence
cqr-column-updated = Last changed

cqr-set-title = Consequences
cqr-set-published = The consequences of the set's scenarios are published on the public web.
cqr-set-published-waiting = The consequences are published but not shown on the public web until the set is public.
cqr-set-not-published = The consequences of the set's scenarios are not published.
cqr-publish = Publish the consequences
cqr-unpublish = Take the consequences off the public web
cqr-publish-needs-public = The set must be public before its consequences can be published.

cqr-phase-title = Consequences
cqr-public-set-title = Consequences
cqr-public-none = No published consequences yet.
