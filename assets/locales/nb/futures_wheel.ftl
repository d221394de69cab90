# Framsyn: interface texts of the area "futures_wheel", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

wheel-title = Framtidshjul
wheel-desc = { $count ->
    [one] Et framtidshjul med én konsekvens rundt endringen i midten. Førsteordens konsekvenser står på den indre ringen, andre- og tredjeordens lenger ut, hver forbundet med den den følger av. Hver konsekvens er merket med sitt tegn: + mulighet, − trussel, ± både og, ? ikke angitt.
   *[other] Et framtidshjul med { $count } konsekvenser rundt endringen i midten. Førsteordens konsekvenser står på den indre ringen, andre- og tredjeordens lenger ut, hver forbundet med den den følger av. Hver konsekvens er merket med sitt tegn: + mulighet, − trussel, ± både og, ? ikke angitt.
}
wheel-help = Hjulet viser hva som følger av endringen i midten: førsteordens konsekvenser nærmest, og det som i sin tur følger av dem lenger ut. Den samme kjeden står som liste ved siden av.
wheel-to-consequences = Alle konsekvenser, og legg til nye
wheel-key = Tegnet i hver boks viser om konsekvensen er en mulighet (+), en trussel (−), både og (±) eller ennå ikke vurdert (?). Hele teksten står i listen.
wheel-ring = Ring
wheel-ring-1 = 1. orden
wheel-ring-2 = 2. orden
wheel-ring-3 = 3. orden
wheel-total = Totalt
wheel-valence-opportunity = Mulighet
wheel-valence-threat = Trussel
wheel-valence-mixed = Blandet
wheel-valence-unset = Ikke angitt
wheel-list = Kjeden som liste
wheel-empty = Ingen konsekvenser ennå.
wheel-table-caption = Konsekvenser per ring og vurdering
wheel-organisation = Vis også en organisasjons egne
wheel-shared-only = Bare de felles
wheel-show = Vis
wheel-showing = De felles konsekvensene og { $organisation } sine egne.
wheel-showing-shared = De felles konsekvensene fra verkstedet.
wheel-scenarios = Scenarioer
wheel-bank = Banken
wheel-embed-hint = Framtidshjul: [[futures-wheel:7]] (de felles konsekvensene av scenario 7, når settets konsekvenser er publisert).
wheel-embed-not-public = konsekvensene av scenarioet er ikke publisert for besøkende. Publiser settets konsekvenser eller fjern innbyggingen.
