# Framsyn: interface texts of the area "scenario charts", in Swedish.
# Each key lives in one file, the same file in all three languages.

scenario-chart-scenarios = Scenarier
scenario-chart-charts = Diagram över scenariouppsättningen
scenario-chart-cross-title = Scenariokors
scenario-chart-comparison-title = Jämförelsetabell
scenario-chart-assessment-title = Organisationernas bedömning
scenario-chart-cross-help = De två axlarna spänner upp fyra framtider. Siffran i varje ruta är antalet organisationer som valt scenariot som mest intressant för sin region. Samma uppgifter finns i tabellen under bilden.
scenario-chart-comparison-help = Scenarierna sida vid sida: deras kännetecken och hur varje vald drivkraft utvecklas i dem. Tabellen under bilden har hela texten.
scenario-chart-assessment-help = Median (punkten) och kvartiler (strecket) för intresse, rimlighet och önskvärdhet per scenario, av de inlämnade och godkända hemarbetena.
scenario-chart-cross-desc = { $count ->
    [one] Scenariokors med { $count } scenario i sin kvadrant mellan två axlar. Samma uppgifter finns i tabellen under bilden.
   *[other] Scenariokors med { $count } scenarier, vart och ett i sin kvadrant mellan två axlar. Samma uppgifter finns i tabellen under bilden.
}
scenario-chart-comparison-desc = Jämförelse av { $scenarios } scenarier på { $rows } rader: kännetecken och drivkrafternas utfall. Samma text finns i tabellen under bilden.
scenario-chart-assessment-desc = Median och kvartiler för intresse, rimlighet och önskvärdhet för { $scenarios } scenarier, bedömda av { $organisations } organisationer. Samma siffror finns i tabellen under bilden.
scenario-chart-axis-first = Vågrät axel (vänster till höger): { $note }
scenario-chart-axis-second = Lodrät axel (nerifrån och upp): { $note }
scenario-chart-predetermined = Förutbestämda element
scenario-chart-marker-legend = Antal organisationer som valt scenariot som mest intressant för sin region
scenario-chart-characteristics = Kännetecken
scenario-chart-value = { $median } ({ $q1 }–{ $q3 }), n = { $n }
scenario-chart-no-answers = Inga svar
scenario-chart-measure-interest = Intresse
scenario-chart-measure-plausibility = Rimlighet
scenario-chart-measure-desirability = Önskvärdhet
scenario-chart-cross-caption = Scenarierna i korset
scenario-chart-comparison-caption = Scenarierna jämförda
scenario-chart-assessment-caption = Bedömningens siffror
scenario-chart-chosen-caption = Mest intressant för regionen
scenario-chart-quadrant = Kvadrant
scenario-chart-scenario = Scenario
scenario-chart-tagline = Kärnmening
scenario-chart-count = Antal
scenario-chart-chosen-by = Valt av
scenario-chart-measure = Mått
scenario-chart-median = Median
scenario-chart-q1 = Nedre kvartil
scenario-chart-q3 = Övre kvartil
scenario-chart-assessment-key = Punkten är medianen, strecket går från nedre till övre kvartil. Intresse och rimlighet 1–5, önskvärdhet −2 till +2.
scenario-chart-figures-of = Siffror för
scenario-chart-all-organisations = Alla organisationer
scenario-chart-show = Visa
scenario-chart-assessment-empty = Ingen organisation har lämnat in sin bedömning av uppsättningen ännu.
scenario-chart-figures-later = Bedömningen visas när scenariouppsättningen är slutlig.
scenario-chart-embed-not-public = Scenariouppsättningen är inte offentlig: en redaktör gör den offentlig först.
scenario-chart-embed-open = Bedömningen pågår fortfarande: den kan publiceras när uppsättningen är slutlig.
