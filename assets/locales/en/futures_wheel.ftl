# Framsyn: interface texts of the area "futures_wheel", in English.
# Each key lives in one file, the same file in all three languages.

wheel-title = Futures wheel
wheel-desc = { $count ->
    [one] A futures wheel with one consequence around the change in the centre. Consequences of the 1st order stand on the inner ring, those of the 2nd and 3rd further out, each joined to the one it follows from. Each consequence is marked with its sign: + opportunity, − threat, ± mixed, ? not given.
   *[other] A futures wheel with { $count } consequences around the change in the centre. Consequences of the 1st order stand on the inner ring, those of the 2nd and 3rd further out, each joined to the one it follows from. Each consequence is marked with its sign: + opportunity, − threat, ± mixed, ? not given.
}
wheel-help = The wheel shows what follows from the change in the centre: the consequences of the 1st order nearest, and what follows from them further out. The same chain stands beside it as a list.
wheel-to-consequences = All consequences, and adding new ones
wheel-key = The sign in each box tells whether the consequence is an opportunity (+), a threat (−), mixed (±) or not yet judged (?). The full text is in the list.
wheel-ring = Ring
wheel-ring-1 = 1st order
wheel-ring-2 = 2nd order
wheel-ring-3 = 3rd order
wheel-total = Total
wheel-valence-opportunity = Opportunity
wheel-valence-threat = Threat
wheel-valence-mixed = Mixed
wheel-valence-unset = Not given
wheel-list = The chain as a list
wheel-empty = No consequences yet.
wheel-table-caption = Consequences by ring and valence
wheel-organisation = Also show an organisation's own
wheel-shared-only = Only the shared ones
wheel-show = Show
wheel-showing = The shared consequences and those of { $organisation }.
wheel-showing-shared = The shared consequences from the workshop.
wheel-scenarios = Scenarios
wheel-bank = Bank
wheel-embed-hint = Futures wheel: [[futures-wheel:7]] (the shared consequences of scenario 7, once the set's consequences are published).
wheel-embed-not-public = the scenario's consequences are not published to visitors. Publish the set's consequences or remove the embed.
