# The start page of a signed-in person: what waits for them today, by role.
start-title = Din startside
start-home-link = Din startside
start-intro = Hei { $name }! Her er det som venter på deg i dag.
start-nothing = Ingenting venter.
start-role-leader = Som prosessleder
start-review = Hjemmearbeid å gjennomgå
start-handed-in = levert { $date }
start-proposals = Arrangementsforslag å godkjenne
start-input = Innspill å moderere
start-rounds = Vurderingsrunder
start-closes-soon = Stenger snart
start-answered = { $count ->
    [one] én har svart
   *[other] { $count } har svart
}
start-no-rounds = Ingen runde er åpen.
start-phase = Den aktive fasen
start-phase-is = Aktiv fase:
start-bar-title = Organisasjonene i den aktive fasen, etter status
start-standings-caption = Antall organisasjoner per status
start-standing = Status
start-organisations = Organisasjoner
start-total = Totalt
start-to-progress = Se hele fremdriftsoversikten
start-no-active-phase = Ingen fase er aktiv nå.
start-role-strategist = For { $organisation }
start-owed = Hjemmearbeid som skal leveres
start-nothing-owed = Organisasjonen har levert alt hjemmearbeid.
start-org-events = Organisasjonens neste arrangementer
start-registered = { $count ->
    [one] én påmeldt
   *[other] { $count } påmeldte
}
start-no-org-events = Ingen fra organisasjonen er påmeldt noe kommende arrangement.
start-to-calendar = Til kalenderen
start-rate = Runder å vurdere
start-rated-of = { $rated } av { $notes } vurdert
start-role-editor = Som redaktør
start-texts = Tekster å gjennomgå
start-outputs = Redaksjonelle leveranser
start-output-not-written = Ikke påbegynt
start-no-outputs = Ingen leveranse er aktuell.
start-role-admin = Som administrator
start-no-password = Uten passord
start-everyone-has-password = Alle har satt et passord.
start-audit = Sist i hendelsesloggen
start-to-audit = Hele hendelsesloggen
start-programme = I programmet
start-events = Neste arrangementer
start-no-events = Ingen kommende arrangementer.
start-publication = Siste publisering
start-no-publication = Ingenting er publisert ennå.
start-to-publications = Alle publiseringer
