# Framsyn: interface texts of the area "programme", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

home-title = Programmet
programme-organiser = Ansvarlig
programme-horizon = Tidshorisont
programme-period = Periode
programme-focal-question = Fokusspørsmål
programme-purpose = Formål
programme-results = Forventede resultater
programme-participants = Hvem deltar
timeline-title = Programmets faser
active-phase = Aktiv fase
active-phase-is = Aktiv fase nå: { $phase }.
active-by-override = (satt av prosessledelsen)
active-by-dates = (følger datoene)
programme-not-started = Programmet har ikke startet ennå.
programme-ended = Programmet er avsluttet.
phase-number = Fase { $number }

phase-events = Felles samlinger
phase-no-events = Fasen har ingen felles samling.
phase-home-assignment = Hjemmearbeid
phase-no-home-assignment = Fasen har ikke noe hjemmearbeid.
phase-editorial = Redaksjon
phase-no-editorial = Fasen har ikke noe redaksjonelt oppdrag.
phase-seminars = Seminarer
phase-no-seminars = Fasen har ingen seminarer.
phase-produces = Dette gir fasen
phase-pager = Forrige og neste fase
event-when = Når
event-venue = Sted
event-participants = Deltakere
event-cap = Plasser per organisasjon
about-people = { $count ->
    [one] rundt { $count } person
   *[other] rundt { $count } personer
}
cap-per-organisation = inntil { $count } per organisasjon
assignment-due = Leveres innen { $date }.
assignment-questions = Spørsmål som skal besvares
assignment-parts = Strukturerte deler
editorial-due = Ferdig innen { $date }.
editorial-outputs = Dette utarbeider redaksjonen

kind-conference = Konferanse
kind-workshop = Verksted
kind-politicians_seminar = Politikerseminar
kind-leaders_thinktank = Lederseminar (tenketank)
kind-meeting = Møte
kind-home_assignment = Hjemmearbeid
kind-editorial = Redaksjon
part-trend_ranking = Rangering av trender (de viktigste og de minst viktige)
part-scenario_rating = Vurdering av scenarioene
part-consequences = Konsekvenser på ulike nivåer
part-milestones = Milepæler på veien mot den ønskede framtiden
phase-scheduled = Planlagte arrangementer
phase-none-scheduled = Ingen arrangementer er planlagt i fasen ennå.
phase-news = Nyheter fra fasen
