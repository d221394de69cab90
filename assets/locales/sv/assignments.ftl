# Framsyn: interface texts of the area "assignments", in Swedish.
# Each key lives in one file, the same file in all three languages.

assignment-open = Till organisationens hemarbete
submissions-title = Inlämnade hemarbeten
submissions-caption = { $total ->
    [one] { $count } av { $total } organisation har påbörjat hemarbetet
   *[other] { $count } av { $total } organisationer har påbörjat hemarbetet
}
submissions-side-by-side = Svaren sida vid sida
submissions-csv = Rangordningarna som CSV
submissions-markdown = Alla texter som ett Markdown-dokument
submission-status = Läge
submission-status-draft = Utkast
submission-status-submitted = Inlämnat
submission-status-returned = Återsänt för komplettering
submission-status-accepted = Godkänt
submission-not-started = Inte påbörjat
submission-late = Sent
submission-late-mark = Sent inlämnat
submission-due = Ska vara inlämnat
submission-submitted-at = Inlämnat
submission-comment = Kommentar från processledningen
submission-comment-hint = Krävs när ni skickar tillbaka hemarbetet; syns för organisationen. Markdown fungerar.
submission-stale-help = Någon i er organisation sparade en nyare version { $date }. Inget skrevs över: jämför med deras text nedan, och spara igen.
submission-save = Spara utkast
submission-submit = Lämna in
submission-resubmit = Lämna in igen
submission-view = Visa inlämningen och dess historik
submission-no-answer = Inget svar.
submission-review = Granska
submission-return = Skicka tillbaka med kommentar
submission-accept = Godkänn
submission-review-waits = Hemarbetet kan granskas när det är inlämnat.
submission-history-caption = Varje version sparas
submission-action = Händelse
submission-action-save = Sparat
submission-action-submit = Inlämnat
submission-action-return = Återsänt
submission-action-accept = Godkänt
submission-locked-draft = Hemarbetet är ett utkast.
submission-locked-returned = Hemarbetet är återsänt för komplettering.
submission-locked-submitted = Hemarbetet är inlämnat och väntar på processledningen. Det kan ändras om det skickas tillbaka.
submission-locked-accepted = Hemarbetet är godkänt.
part-later = Den här delen kommer i en senare version av arbetsrummet.
ranking-help = Sök trenderna med några ord ur titeln eller ange deras nummer, den viktigaste först, och skriv gärna varför.
ranking-find = Se trenderna i banken
ranking-most = Viktigast för vårt regionala utvecklingsarbete
ranking-least = Minst viktiga för oss
ranking-position = Plats
ranking-note = Trend (nummer)
ranking-reason = Motivering
ranking-list = Lista
error-submission-locked = Hemarbetet är inlämnat och kan inte ändras nu.
error-submission-not-submitted = Bara ett inlämnat hemarbete kan skickas tillbaka eller godkännas.
error-ranking-twice = Trenden finns redan i rangordningen.
error-ranking-not-trend = Det finns ingen sådan trend i banken. Ange numret på en inlämnad eller granskad trend.
error-ranking-empty = Rangordna minst en trend som viktig.
error-return-comment = Skriv en kommentar om vad som behöver kompletteras.

heatmap-title = Prioriteringskarta
heatmap-help = Varje rad är en organisations rangordning (inlämnade och godkända hemarbeten), varje kolumn en trend. Bordapoäng: den viktigaste av fem får +5, den femte +1; den minst viktiga av tre får −3, den tredje −1. Trenderna är numrerade efter sin summa, högst först.
heatmap-desc = Prioriteringskarta med { $organisations } organisationer och { $trends } trender. Poängen står i varje ruta och i tabellerna under bilden.
heatmap-trends-caption = Trenderna med summa och antal rangordningar
heatmap-grid-caption = Varje organisations rangordning
heatmap-total = Summa (Borda)
heatmap-most-count = Bland de viktigaste
heatmap-least-count = Bland de minst viktiga
heatmap-ranked = Rangordnade
heatmap-cell-most = Viktigast nr { $position }
heatmap-cell-least = Minst viktig nr { $position }
heatmap-empty = Inga inlämnade rangordningar ännu.

assessment-help = Bedöm varje scenario i ”{ $set }” för er region. Ett utkast får vara ofullständigt; när ni lämnar in behöver varje scenario sina tre bedömningar.
assessment-most-hint = Markera de ett eller två scenarier som är mest intressanta för er region (krävs när ni lämnar in).
assessment-read = Läs hela scenariot
assessment-interest = Intresse för vår region
assessment-interest-scale = 1 = av litet intresse, 5 = av stort intresse.
assessment-plausibility = Rimlighet
assessment-plausibility-scale = 1 = knappast rimligt, 5 = mycket rimligt.
assessment-desirability = Önskvärdhet
assessment-desirability-scale = −2 = mycket oönskat, 0 = varken eller, +2 = mycket önskvärt.
assessment-reason = Motivering
assessment-most = Mest intressant för vår region
assessment-most-short = Mest intressant
assessment-no-set = Det finns ännu ingen scenariouppsättning att bedöma. Processledarna öppnar den efter workshoppen; till dess kan resten av hemarbetet sparas som utkast.
assessment-scenario = Scenario
assessment-scenario-number = Scenarionummer
assessment-caption = { $organisation }s bedömning av scenarierna
assessment-side-caption = Alla organisationers bedömning av ”{ $name }”
assessment-csv = Bedömningarna som CSV
assessment-none = Ingen bedömning än.
error-assessment-no-set = Det finns ännu ingen scenariouppsättning att bedöma, så hemarbetet kan inte lämnas in.
error-scenario-rating-range = Välj ett av skalans värden.
error-scenario-most-required = Markera ett eller två scenarier som mest intressanta för er region.
error-scenario-most-too-many = Markera högst två scenarier som mest intressanta.
