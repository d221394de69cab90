# Backcasting: tidslinjen, stresstestens rutenett og skjema, og innbyggingene deres.
bcc-backcasting = Backcasting
bcc-timeline-title = Tidslinje
bcc-timeline-help = Fra i dag til visjonens målår: milepælene på sine nivåer, piler fra det en milepæl bygger på, og tiltakene nær nå. De samme opplysningene står i tabellen under diagrammet.
bcc-timeline-desc = Tidslinje fra { $from } til { $to } med { $milestones ->
    [one] 1 milepæl
   *[other] { $milestones } milepæler
} og { $actions ->
    [one] 1 tiltak
   *[other] { $actions } tiltak
}, i ett felt per nivå. Alle opplysningene finnes i tabellen.
bcc-timeline-key = Sirkel: milepæl. Kvadrat: tiltak, ved det året det senest skal starte. Heltrukken pil: en milepæl bygger på en annen. Stiplet pil: et tiltak leder til en milepæl.
bcc-timeline-caption = Milepæler og tiltak
bcc-now = I dag ({ $year })
bcc-horizon = Visjon { $year }
bcc-lane-actions = Tiltak
bcc-year = År
bcc-item = Milepæl eller tiltak
bcc-lane = Nivå
bcc-kind = Type eller start
bcc-actor = Aktør
bcc-depends-on = Bygger på eller leder til
bcc-stress-title = Stresstest
bcc-stress-help = Hvordan hver milepæl og hvert tiltak klarer seg i settets scenarioer: robust, må tilpasses eller feiler. Hver vurdering vises med en form og et ord.
bcc-stress-desc = Rutenett med { $items ->
    [one] 1 milepæl eller tiltak
   *[other] { $items } milepæler og tiltak
} mot { $scenarios ->
    [one] 1 scenario
   *[other] { $scenarios } scenarioer
}. Alle vurderingene finnes i tabellen.
bcc-stress-key = ● robust · ◐ må tilpasses · ✕ feiler · – ikke vurdert
bcc-stress-caption = Vurderinger per scenario
bcc-stress-empty = Visjonen har ennå ingen milepæler eller tiltak å stressteste.
bcc-score-head = Holder i
bcc-score-short = { $holds } av { $of }
bcc-score = { $of ->
    [one] holder i { $holds } av 1 fremtid
   *[other] holder i { $holds } av { $of } fremtider
}
bcc-unjudged = { $count ->
    [one] 1 scenario ikke vurdert
   *[other] { $count } scenarioer ikke vurdert
}
bcc-verdict-robust = Robust
bcc-verdict-adapt = Må tilpasses
bcc-verdict-fails = Feiler
bcc-verdict-none = Ikke vurdert
bcc-item-vision = Visjon
bcc-item-milestone = Milepæl
bcc-item-action = Tiltak
bcc-judge = Vurder
bcc-judge-title = Stressteste
bcc-judge-help = Velg en vurdering for hvert scenario og skriv gjerne hvorfor. Alt lagres på én gang, eller ingenting hvis noe må rettes.
bcc-judge-save = Lagre vurderingene
bcc-judge-no-scenarios = Visjonen bygger ikke på noe scenariosett, så det finnes ingenting å vurdere mot.
bcc-note = Kommentar
bcc-embed-hint = Backcasting: [[backcasting:4]] (tidslinjen for visjon 4), [[stress-test:4]] (stresstesten dens) og [[thread:7]] (tråden bakover fra tiltak 7), når visjonen er publisert.
bcc-embed-not-public = Visjonen er ikke publisert. Publiser den før teksten publiseres.
