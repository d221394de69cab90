# Framsyn: interface texts of the area "scenario charts", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

scenario-chart-scenarios = Scenarioer
scenario-chart-charts = Diagrammer for scenariosettet
scenario-chart-cross-title = Scenariokors
scenario-chart-comparison-title = Sammenligningstabell
scenario-chart-assessment-title = Organisasjonenes vurdering
scenario-chart-cross-help = De to aksene spenner opp fire framtider. Tallet i hver rute er antallet organisasjoner som har valgt scenarioet som mest interessant for sin region. De samme opplysningene står i tabellen under bildet.
scenario-chart-comparison-help = Scenarioene side om side: kjennetegnene deres og hvordan hver valgte drivkraft utvikler seg i dem. Tabellen under bildet har hele teksten.
scenario-chart-assessment-help = Median (punktet) og kvartiler (streken) for interesse, sannsynlighet og ønskelighet per scenario, fra de innleverte og godkjente hjemmeoppgavene.
scenario-chart-cross-desc = { $count ->
    [one] Scenariokors med { $count } scenario i sin kvadrant mellom to akser. De samme opplysningene står i tabellen under bildet.
   *[other] Scenariokors med { $count } scenarioer, hvert i sin kvadrant mellom to akser. De samme opplysningene står i tabellen under bildet.
}
scenario-chart-comparison-desc = Sammenligning av { $scenarios } scenarioer på { $rows } rader: kjennetegn og drivkreftenes utfall. Den samme teksten står i tabellen under bildet.
scenario-chart-assessment-desc = Median og kvartiler for interesse, sannsynlighet og ønskelighet for { $scenarios } scenarioer, vurdert av { $organisations } organisasjoner. De samme tallene står i tabellen under bildet.
scenario-chart-axis-first = Vannrett akse (venstre til høyre): { $note }
scenario-chart-axis-second = Loddrett akse (nedenfra og opp): { $note }
scenario-chart-predetermined = Forutbestemte elementer
scenario-chart-marker-legend = Antall organisasjoner som har valgt scenarioet som mest interessant for sin region
scenario-chart-characteristics = Kjennetegn
scenario-chart-value = { $median } ({ $q1 }–{ $q3 }), n = { $n }
scenario-chart-no-answers = Ingen svar
scenario-chart-measure-interest = Interesse
scenario-chart-measure-plausibility = Sannsynlighet
scenario-chart-measure-desirability = Ønskelighet
scenario-chart-cross-caption = Scenarioene i korset
scenario-chart-comparison-caption = Scenarioene sammenlignet
scenario-chart-assessment-caption = Vurderingens tall
scenario-chart-chosen-caption = Mest interessant for regionen
scenario-chart-quadrant = Kvadrant
scenario-chart-scenario = Scenario
scenario-chart-tagline = Kjernesetning
scenario-chart-count = Antall
scenario-chart-chosen-by = Valgt av
scenario-chart-measure = Mål
scenario-chart-median = Median
scenario-chart-q1 = Nedre kvartil
scenario-chart-q3 = Øvre kvartil
scenario-chart-assessment-key = Punktet er medianen, streken går fra nedre til øvre kvartil. Interesse og sannsynlighet 1–5, ønskelighet −2 til +2.
scenario-chart-figures-of = Tall for
scenario-chart-all-organisations = Alle organisasjoner
scenario-chart-show = Vis
scenario-chart-assessment-empty = Ingen organisasjon har levert sin vurdering av settet ennå.
scenario-chart-figures-later = Vurderingen vises når scenariosettet er endelig.
scenario-chart-embed-not-public = Scenariosettet er ikke offentlig: en redaktør gjør det offentlig først.
scenario-chart-embed-open = Vurderingen pågår fortsatt: den kan publiseres når settet er endelig.
