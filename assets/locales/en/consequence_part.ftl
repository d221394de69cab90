# The home assignment's part `consequences`: the form, the submission pages and the exports.
cqp-below = You write the consequences for your region per scenario further down the page. Each is saved on its own.
cqp-no-set = There is no open or final scenario set to describe consequences for yet.
cqp-help = Describe what each scenario means for your region, at the levels that concern you. At least one consequence per scenario is needed when you submit. Scenario set:
cqp-locked = The submission is submitted or accepted. The consequences can change again if the process leaders return it.
cqp-count = { $count ->
    [one] { $count } own consequence
   *[other] { $count } own consequences
}
cqp-add = Add a consequence
cqp-scenario-page = The scenario's consequences
cqp-none-yet = You have no consequences of your own for this scenario yet.
cqp-shared = { $count ->
    [one] Start from the workshop's consequence ({ $count })
   *[other] Start from the workshop's consequences ({ $count })
}
cqp-hold-text = Your own text
cqp-hold = This holds for us too
cqp-order = order { $order }
cqp-stored-none = No consequences in the submission.
cqp-counts-caption = Own consequences per organisation and scenario
cqp-valence-opportunity = Opportunity
cqp-valence-threat = Threat
cqp-valence-mixed = Mixed
cqp-magnitude-small = Small
cqp-magnitude-significant = Significant
cqp-magnitude-transformative = Transformative
cqp-timing-within-1 = Within 1 year
cqp-timing-2-5 = 2–5 years
cqp-timing-5-15 = 5–15 years
cqp-timing-beyond-15 = More than 15 years
cqp-level = Level
cqp-theme = Theme
cqp-order-short = Order
cqp-valence = Valence
cqp-magnitude = Magnitude
cqp-timing = Timing
cqp-confidence = Confidence
cqp-text = Consequence
cqp-save-first = Save the draft before you add consequences: the buttons here do not save the answers above.
