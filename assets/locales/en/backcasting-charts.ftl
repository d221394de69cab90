# Backcasting: the timeline, the stress-test grid and form, and their embeds.
bcc-backcasting = Backcasting
bcc-timeline-title = Timeline
bcc-timeline-help = From today to the vision's horizon: the milestones at their levels, arrows from what a milestone builds on, and the actions near now. The same figures are in the table below the chart.
bcc-timeline-desc = Timeline from { $from } to { $to } with { $milestones ->
    [one] 1 milestone
   *[other] { $milestones } milestones
} and { $actions ->
    [one] 1 action
   *[other] { $actions } actions
}, in one lane per level. All the figures are in the table.
bcc-timeline-key = Circle: milestone. Square: action, at the year it starts at the latest. Solid arrow: a milestone builds on another. Dashed arrow: an action leads to a milestone.
bcc-timeline-caption = Milestones and actions
bcc-now = Today ({ $year })
bcc-horizon = Vision { $year }
bcc-lane-actions = Actions
bcc-year = Year
bcc-item = Milestone or action
bcc-lane = Level
bcc-kind = Kind or start
bcc-actor = Actor
bcc-depends-on = Builds on or leads to
bcc-stress-title = Stress test
bcc-stress-help = How each milestone and action holds up in the set's scenarios: robust, needs adaptation or fails. Each verdict shows as a shape and a word.
bcc-stress-desc = Grid of { $items ->
    [one] 1 milestone or action
   *[other] { $items } milestones and actions
} against { $scenarios ->
    [one] 1 scenario
   *[other] { $scenarios } scenarios
}. All the verdicts are in the table.
bcc-stress-key = ● robust · ◐ needs adaptation · ✕ fails · – not judged
bcc-stress-caption = Verdicts by scenario
bcc-stress-empty = The vision has no milestones or actions to stress-test yet.
bcc-score-head = Holds in
bcc-score-short = { $holds } of { $of }
bcc-score = { $of ->
    [one] holds in { $holds } of 1 future
   *[other] holds in { $holds } of { $of } futures
}
bcc-unjudged = { $count ->
    [one] 1 scenario not judged
   *[other] { $count } scenarios not judged
}
bcc-verdict-robust = Robust
bcc-verdict-adapt = Needs adaptation
bcc-verdict-fails = Fails
bcc-verdict-none = Not judged
bcc-item-vision = Vision
bcc-item-milestone = Milestone
bcc-item-action = Action
bcc-judge = Judge
bcc-judge-title = Stress-test
bcc-judge-help = Choose a verdict for each scenario and say why if you like. Everything is saved at once, or nothing if something needs correcting.
bcc-judge-save = Save the verdicts
bcc-judge-no-scenarios = The vision builds on no scenario set, so there is nothing to judge against.
bcc-note = Note
bcc-embed-hint = Backcasting: [[backcasting:4]] (vision 4's timeline), [[stress-test:4]] (its stress test) and [[thread:7]] (the thread back from action 7), once the vision is published.
bcc-embed-not-public = The vision is not published. Publish it before publishing the text.
