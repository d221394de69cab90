# Framsyn: interface texts of the area "programme", in Swedish.
# Each key lives in one file, the same file in all three languages.

home-title = Programmet
programme-organiser = Huvudman
programme-horizon = Tidshorisont
programme-period = Period
programme-focal-question = Fokusfråga
programme-purpose = Syfte
programme-results = Förväntade resultat
programme-participants = Vilka deltar
timeline-title = Programmets faser
active-phase = Aktiv fas
active-phase-is = Aktiv fas just nu: { $phase }.
active-by-override = (satt av processledningen)
active-by-dates = (följer datumen)
programme-not-started = Programmet har inte börjat än.
programme-ended = Programmet är avslutat.
phase-number = Fas { $number }

phase-events = Gemensamma träffar
phase-no-events = Fasen har ingen gemensam träff.
phase-home-assignment = Hemarbete
phase-no-home-assignment = Fasen har inget hemarbete.
phase-editorial = Redaktion
phase-no-editorial = Fasen har inget redaktionellt uppdrag.
phase-seminars = Seminarier
phase-no-seminars = Fasen har inga seminarier.
phase-produces = Det här ger fasen
phase-pager = Föregående och nästa fas
event-when = När
event-venue = Plats
event-participants = Deltagare
event-cap = Platser per organisation
about-people = { $count ->
    [one] cirka { $count } person
   *[other] cirka { $count } personer
}
cap-per-organisation = högst { $count } per organisation
assignment-due = Lämnas in senast { $date }.
assignment-questions = Frågor att besvara
assignment-parts = Strukturerade delar
editorial-due = Klart senast { $date }.
editorial-outputs = Det redaktionen tar fram

kind-conference = Konferens
kind-workshop = Workshop
kind-politicians_seminar = Politikerseminarium
kind-leaders_thinktank = Ledarseminarium (thinktank)
kind-meeting = Möte
kind-home_assignment = Hemarbete
kind-editorial = Redaktion
part-trend_ranking = Rangordning av trender (viktigast och minst viktiga)
part-scenario_rating = Bedömning av scenarierna
part-consequences = Konsekvenser på olika nivåer
part-milestones = Milstolpar på vägen mot den önskade framtiden
phase-scheduled = Inbokade evenemang
phase-none-scheduled = Inga evenemang är inbokade i fasen än.
phase-news = Nyheter från fasen
