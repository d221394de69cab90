# Framsyn: interface texts of the area "scenario charts", in English.
# Each key lives in one file, the same file in all three languages.

scenario-chart-scenarios = Scenarios
scenario-chart-charts = Charts of the scenario set
scenario-chart-cross-title = Scenario cross
scenario-chart-comparison-title = Comparison table
scenario-chart-assessment-title = The organisations' assessment
scenario-chart-cross-help = The two axes span four futures. The number in each field is how many organisations chose the scenario as most interesting for their region. The table below the picture has the same facts.
scenario-chart-comparison-help = The scenarios side by side: their key characteristics and how each chosen driver plays out in them. The table below the picture has the full text.
scenario-chart-assessment-help = Median (the point) and quartiles (the line) of interest, plausibility and desirability per scenario, from the home assignments submitted and accepted.
scenario-chart-cross-desc = { $count ->
    [one] Scenario cross with { $count } scenario in its quadrant between two axes. The table below the picture has the same facts.
   *[other] Scenario cross with { $count } scenarios, each in its quadrant between two axes. The table below the picture has the same facts.
}
scenario-chart-comparison-desc = Comparison of { $scenarios } scenarios in { $rows } rows: key characteristics and the drivers' states. The table below the picture has the same text.
scenario-chart-assessment-desc = Median and quartiles of interest, plausibility and desirability for { $scenarios } scenarios, assessed by { $organisations } organisations. The table below the picture has the same figures.
scenario-chart-axis-first = Horizontal axis (left to right): { $note }
scenario-chart-axis-second = Vertical axis (bottom to top): { $note }
scenario-chart-predetermined = Predetermined elements
scenario-chart-marker-legend = Organisations that chose the scenario as most interesting for their region
scenario-chart-characteristics = Key characteristics
scenario-chart-value = { $median } ({ $q1 }–{ $q3 }), n = { $n }
scenario-chart-no-answers = No answers
scenario-chart-measure-interest = Interest
scenario-chart-measure-plausibility = Plausibility
scenario-chart-measure-desirability = Desirability
scenario-chart-cross-caption = The scenarios in the cross
scenario-chart-comparison-caption = The scenarios compared
scenario-chart-assessment-caption = The assessment's figures
scenario-chart-chosen-caption = Most interesting for the region
scenario-chart-quadrant = Quadrant
scenario-chart-scenario = Scenario
scenario-chart-tagline = Tagline
scenario-chart-count = Count
scenario-chart-chosen-by = Chosen by
scenario-chart-measure = Measure
scenario-chart-median = Median
scenario-chart-q1 = Lower quartile
scenario-chart-q3 = Upper quartile
scenario-chart-assessment-key = The point is the median; the line runs from the lower to the upper quartile. Interest and plausibility 1–5, desirability −2 to +2.
scenario-chart-figures-of = Figures of
scenario-chart-all-organisations = All organisations
scenario-chart-show = Show
scenario-chart-assessment-empty = No organisation has handed in its assessment of the set yet.
scenario-chart-figures-later = The assessment is shown once the scenario set is final.
scenario-chart-embed-not-public = The scenario set is not public: an editor makes it public first.
scenario-chart-embed-open = The assessment is still under way: it can be published once the set is final.
