# Consequences: the heat table, the cell lists, a region's profile, their embeds.
cqh-nav = Consequences
cqh-title = Consequence table
cqh-landing-title = Consequences
cqh-landing-lead = The consequences of each scenario at each level, from the workshop and from the organisations' home assignments. The figures count the shared consequences and those the organisations have handed in.
cqh-no-set = There is no scenario set to describe consequences for yet.
cqh-nothing-published = No consequences are published yet.
cqh-set-link = The table with filters
cqh-scenarios = The scenarios
cqh-scenario-consequences = Consequences
cqh-scenario-wheel = Futures wheel
cqh-organisations = The organisations' profiles
cqh-no-organisations = No organisation's consequences count yet.
cqh-help = The rows are levels and the columns scenarios. Each cell shows the number of consequences and the net valence, opportunities minus threats, as a sign and a word. Choose a cell to see its consequences.
cqh-filters = Filters
cqh-filter-organisation = Organisation
cqh-filter-all = All
cqh-filter-shared = Shared only
cqh-filter-category = Type of organisation
cqh-filter-theme = Theme
cqh-filter-show = Show
cqh-caption = Consequences by level and scenario
cqh-level = Level
cqh-leaning-opportunities = mostly opportunities
cqh-leaning-threats = mostly threats
cqh-leaning-balanced = balanced
cqh-count = { $count ->
    [one] 1 consequence
   *[other] { $count } consequences
}
cqh-breakdown = opportunities: { $opportunities }, threats: { $threats }, mixed: { $mixed }
cqh-total = { $count ->
    [one] 1 consequence counts in the table.
   *[other] { $count } consequences count in the table.
}
cqh-chart-desc = Rows: { $levels } levels. Columns: { $scenarios } scenarios. Each cell shows the net valence (opportunities minus threats) as a sign and the number of consequences under it; the colour only repeats the sign.
cqh-list-title = The consequences in the cell
cqh-list-empty = No consequences in this cell.
cqh-back = Back to the table
cqh-shared = Shared
cqh-valence-opportunity = opportunity
cqh-valence-threat = threat
cqh-valence-mixed = mixed
cqh-valence-none = no valence given
cqh-open = Consequence { $number }
cqh-theme = Theme
cqh-whose = Whose
cqh-valence = Valence
cqh-no-theme = no theme
cqh-profile-title = The region's profile
cqh-profile-lead = { $organisation } compared with everyone else: the shared consequences from the workshop and the other organisations'.
cqh-profile-own = Own consequences
cqh-profile-others = Everyone else
cqh-profile-opportunities = Where we see opportunities and others see threats
cqh-profile-threats = Where we see threats and others see opportunities
cqh-profile-none = No such cells.
cqh-profile-cell = we { $own }, others { $others }
cqh-profile-link = The region's consequence profile
cqh-profile-chart-desc = Two tables, own consequences above and everyone else's below, with levels as rows and scenarios as columns. Each cell shows the net valence as a sign and the number of consequences.
cqh-embed-not-published = The scenario set's consequences are not published yet.
cqh-embed-region-not-accepted = The organisation's home assignment with its consequences is not accepted yet.
cqh-embed-hint = Consequences: [[consequences:2]] (set 2's consequence table) and [[region-consequences:5]] (organisation 5's profile), once the consequences are published.
