# Framsyn: interface texts of the area "assignments", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

assignment-open = Til organisasjonens hjemmearbeid
submissions-title = Innleverte hjemmearbeid
submissions-caption = { $total ->
    [one] { $count } av { $total } organisasjon har påbegynt hjemmearbeidet
   *[other] { $count } av { $total } organisasjoner har påbegynt hjemmearbeidet
}
submissions-side-by-side = Svarene side om side
submissions-csv = Rangeringene som CSV
submissions-markdown = Alle tekstene som ett Markdown-dokument
submission-status = Status
submission-status-draft = Utkast
submission-status-submitted = Levert inn
submission-status-returned = Sendt tilbake for komplettering
submission-status-accepted = Godkjent
submission-not-started = Ikke påbegynt
submission-late = For sent
submission-late-mark = Levert for sent
submission-due = Frist
submission-submitted-at = Levert inn
submission-comment = Kommentar fra prosessledelsen
submission-comment-hint = Kreves når dere sender hjemmearbeidet tilbake; vises for organisasjonen. Markdown fungerer.
submission-stale-help = Noen i organisasjonen deres lagret en nyere versjon { $date }. Ingenting ble overskrevet: sammenlign med teksten deres nedenfor, og lagre igjen.
submission-save = Lagre utkast
submission-submit = Lever inn
submission-resubmit = Lever inn igjen
submission-view = Vis innleveringen og historikken
submission-no-answer = Ikke besvart.
submission-review = Gjennomgå
submission-return = Send tilbake med kommentar
submission-accept = Godkjenn
submission-review-waits = Hjemmearbeidet kan gjennomgås når det er levert inn.
submission-history-caption = Hver versjon lagres
submission-action = Hendelse
submission-action-save = Lagret
submission-action-submit = Levert inn
submission-action-return = Sendt tilbake
submission-action-accept = Godkjent
submission-locked-draft = Hjemmearbeidet er et utkast.
submission-locked-returned = Hjemmearbeidet er sendt tilbake for komplettering.
submission-locked-submitted = Hjemmearbeidet er levert inn og venter på prosessledelsen. Det kan endres hvis det sendes tilbake.
submission-locked-accepted = Hjemmearbeidet er godkjent.
part-later = Denne delen kommer i en senere versjon av arbeidsrommet.
ranking-help = Søk etter trendene med noen ord fra tittelen eller oppgi numrene, den viktigste først, og skriv gjerne hvorfor.
ranking-find = Se trendene i banken
ranking-most = Viktigst for vårt regionale utviklingsarbeid
ranking-least = Minst viktige for oss
ranking-position = Plass
ranking-note = Trend (nummer)
ranking-reason = Begrunnelse
ranking-list = Liste
error-submission-locked = Hjemmearbeidet er levert inn og kan ikke endres nå.
error-submission-not-submitted = Bare et innlevert hjemmearbeid kan sendes tilbake eller godkjennes.
error-ranking-twice = Trenden er allerede med i rangeringen.
error-ranking-not-trend = Det finnes ingen slik trend i banken. Oppgi nummeret på en innlevert eller gjennomgått trend.
error-ranking-empty = Ranger minst én trend som viktig.
error-return-comment = Skriv en kommentar om hva som må kompletteres.

heatmap-title = Prioriteringskart
heatmap-help = Hver rad er en organisasjons rangering (innleverte og godkjente hjemmearbeid), hver kolonne en trend. Bordapoeng: den viktigste av fem får +5, den femte +1; den minst viktige av tre får −3, den tredje −1. Trendene er nummerert etter summen, høyest først.
heatmap-desc = Prioriteringskart med { $organisations } organisasjoner og { $trends } trender. Poengene står i hver rute og i tabellene under bildet.
heatmap-trends-caption = Trendene med sum og antall rangeringer
heatmap-grid-caption = Hver organisasjons rangering
heatmap-total = Sum (Borda)
heatmap-most-count = Blant de viktigste
heatmap-least-count = Blant de minst viktige
heatmap-ranked = Rangert
heatmap-cell-most = Viktigst nr. { $position }
heatmap-cell-least = Minst viktig nr. { $position }
heatmap-empty = Ingen innleverte rangeringer ennå.

assessment-help = Vurder hvert scenario i «{ $set }» for deres region. Et utkast kan være ufullstendig; når dere leverer, trenger hvert scenario sine tre vurderinger.
assessment-most-hint = Marker de ett eller to scenarioene som er mest interessante for deres region (kreves når dere leverer).
assessment-read = Les hele scenarioet
assessment-interest = Interesse for vår region
assessment-interest-scale = 1 = av liten interesse, 5 = av stor interesse.
assessment-plausibility = Sannsynlighet
assessment-plausibility-scale = 1 = lite sannsynlig, 5 = svært sannsynlig.
assessment-desirability = Ønskelighet
assessment-desirability-scale = −2 = svært uønsket, 0 = verken eller, +2 = svært ønskelig.
assessment-reason = Begrunnelse
assessment-most = Mest interessant for vår region
assessment-most-short = Mest interessant
assessment-no-set = Det finnes ennå ikke noe scenariosett å vurdere. Prosessledelsen åpner det etter verkstedet; inntil da kan resten av hjemmearbeidet lagres som utkast.
assessment-scenario = Scenario
assessment-scenario-number = Scenarionummer
assessment-caption = { $organisation } sin vurdering av scenarioene
assessment-side-caption = Alle organisasjoners vurdering av «{ $name }»
assessment-csv = Vurderingene som CSV
assessment-none = Ingen vurdering ennå.
error-assessment-no-set = Det finnes ennå ikke noe scenariosett å vurdere, så hjemmearbeidet kan ikke leveres.
error-scenario-rating-range = Velg en av verdiene på skalaen.
error-scenario-most-required = Marker ett eller to scenarioer som mest interessante for deres region.
error-scenario-most-too-many = Marker høyst to scenarioer som mest interessante.
