# E-mail to people (render::mail) and the outbox's page for administrators.
mail-greeting = Hei { $name }!
mail-greeting-anonymous = Hei!
mail-why-account = Du får denne meldingen fordi du har en konto i { $programme }.
mail-why-registration = Du får denne meldingen fordi du er påmeldt et arrangement i { $programme }.
mail-password-link-subject = Velg passordet ditt til { $programme }
mail-password-link-lead = Du har en konto i { $programme }. Velg passordet ditt med lenken nedenfor.
mail-password-link-once = Lenken virker én gang. Har den sluttet å gjelde, kan en administrator sende en ny.
mail-password-link-expires = Lenken gjelder til
mail-password-link-action = Velg passord
mail-registration-confirmed-subject = Påmelding bekreftet: { $event }
mail-registration-confirmed-lead = Du har en plass på { $event }.
mail-registration-waiting-subject = Du står på ventelisten: { $event }
mail-registration-waiting-lead = { $event } er fullt, og du står på ventelisten. Du får en melding hvis en plass blir ledig.
mail-promoted-subject = Du har fått en plass: { $event }
mail-promoted-lead = En plass ble ledig på { $event }, og den er din.
mail-event-when = Når
mail-event-where = Hvor
mail-event-online = Digitalt
mail-event-change = Endring
mail-event-calendar = Arrangementet ligger ved som kalenderinvitasjon, så du kan legge det inn i kalenderen din.
mail-event-action = Se arrangementet
mail-calendar-file-name = invitasjon
mail-kind-password-link = Lenke for passord
mail-kind-registration-confirmed = Påmelding bekreftet
mail-kind-registration-waiting = Venteliste
mail-kind-promoted = Plass fra ventelisten
outbox-title = Utboks
outbox-lead = Hver melding skrives her i samme øyeblikk som endringen som forårsaker den, og sendes deretter over SMTP. Mislykkede forsøk gjentas med stadig lengre mellomrom; etter ti forsøk markeres meldingen som mislykket.
outbox-unconfigured = Ingen SMTP-server er satt opp, så ingen meldinger sendes. De venter her til en server angis (--smtp-host eller FRAMSYN_SMTP_HOST) og arbeidsflaten startes på nytt.
outbox-filter = Vis meldinger etter status
outbox-all = Alle
outbox-status-queued = Venter
outbox-status-sent = Sendt
outbox-status-failed = Mislykket
outbox-caption = De siste meldingene
outbox-caption-status = De siste meldingene: { $status }
outbox-written = Skrevet
outbox-kind = Melding
outbox-to = Til
outbox-status = Status
outbox-attempts = Forsøk
outbox-action = Handling
outbox-next-attempt = Neste forsøk { $at }
outbox-retry = Prøv nå
outbox-empty = Ingen meldinger med den statusen.
nav-outbox = Utboks
mail-event-changed-subject = Endret: { $event }
mail-event-changed-lead = { $event }, som du er påmeldt til, er endret. Slik ser det ut nå.
mail-event-cancelled-subject = Avlyst: { $event }
mail-event-cancelled-lead = { $event }, som du er påmeldt til, er avlyst.
mail-event-calendar-cancel = Kalenderfilen i meldingen fjerner arrangementet fra kalenderen din.
mail-your-registration = Din påmelding
mail-seat-confirmed = Du har plass
mail-seat-waiting = Du står på ventelisten
mail-kind-event-changed = Arrangement endret
mail-kind-event-cancelled = Arrangement avlyst
mail-confirm-registration-subject = Bekreft påmeldingen din: { $event }
mail-confirm-registration-lead = Noen, forhåpentligvis du, har meldt på denne adressen til { $event }. Påmeldingen teller først når du har bekreftet den med lenken nedenfor.
mail-confirm-registration-else = Var det ikke deg? Da trenger du ikke gjøre noe: uten bekreftelse slettes påmeldingen.
mail-confirm-registration-action = Bekreft påmeldingen
mail-why-confirm = Du får denne meldingen fordi adressen din ble oppgitt i en påmelding til et arrangement i { $programme }.
mail-kind-confirm-registration = Bekreft påmelding
mail-assignment-submitted-subject = Hjemmeoppgave levert: { $organisation }, { $phase }
mail-assignment-submitted-lead = { $organisation } har levert hjemmeoppgaven sin for { $phase }. Den venter på gjennomgang: godkjenn den, eller send den tilbake med en kommentar.
mail-assignment-submitted-action = Gå gjennom hjemmeoppgaven
mail-assignment-returned-subject = Hjemmeoppgaven er sendt tilbake: { $phase }
mail-assignment-returned-lead = Hjemmeoppgaven deres for { $phase } er sendt tilbake av prosessledelsen. Se kommentaren, juster og lever på nytt.
mail-assignment-comment = Kommentar
mail-assignment-action = Åpne hjemmeoppgaven
mail-assignment-accepted-subject = Hjemmeoppgaven er godkjent: { $phase }
mail-assignment-accepted-lead = Hjemmeoppgaven deres for { $phase } er godkjent av prosessledelsen. Takk for innsatsen!
mail-why-leader = Du får denne meldingen fordi du er prosessleder i { $programme }.
mail-why-strategist = Du får denne meldingen fordi du er regional strateg i { $programme }.
mail-kind-assignment-submitted = Hjemmeoppgave levert
mail-kind-assignment-returned = Hjemmeoppgave sendt tilbake
mail-kind-assignment-accepted = Hjemmeoppgave godkjent
mail-review-waiting-subject = Til gjennomgang: { $title }
mail-review-waiting-lead = Teksten «{ $title }» venter på gjennomgang av en annen redaktør enn den som skrev den. Les den og publiser den, eller send den tilbake med en kommentar.
mail-review-waiting-action = Gå gjennom teksten
mail-why-editor = Du får denne meldingen fordi du er redaktør i { $programme }.
mail-input-received-subject = Nytt innspill til { $programme }
mail-input-received-lead = Et nytt innspill fra allmennheten venter på moderering.
mail-input-received-excerpt = Innspillet begynner
mail-input-received-action = Moderer innspillene
mail-why-moderator = Du får denne meldingen fordi du modererer innspill i { $programme }.
mail-kind-review-waiting = Tekst til gjennomgang
mail-kind-input-received = Nytt innspill
mail-unsubscribe = Meld deg av meldinger av typen «{ $kind }»
mail-preferences = Velg hvilke meldinger du får
prefs-title = Meldingene dine
prefs-lead = Her velger du hvilket språk du får e-post fra arbeidsflaten på, og hvilke av de valgfrie meldingene du vil ha.
prefs-lang = Språk i meldingene
prefs-lang-as-used = Det samme som jeg bruker på sidene
prefs-kinds = Valgfrie meldinger
prefs-none-optional = Rollene dine gir ingen valgfrie meldinger.
prefs-always = Meldinger som svarer på noe du selv har gjort eller som gjelder plassen din på et arrangement, sendes alltid.
prefs-save = Lagre
prefs-saved = Valgene dine er lagret.
unsubscribe-title = Meld deg av meldinger
unsubscribe-ask = Vil du slutte å få meldinger av typen «{ $kind }»?
unsubscribe-button = Ja, slutt å sende dem
unsubscribe-done = Du får ikke lenger meldinger av typen «{ $kind }».
unsubscribe-undo = Angret? Du kan slå dem på igjen under
mail-kind-assignment-reminder = Påminnelse om hjemmeoppgave
mail-kind-round-opened = Ny vurderingsrunde
mail-kind-round-closing = Påminnelse om vurderingsrunde
mail-kind-digest = Sammendrag av det nye
mail-kind-announcement = Melding fra prosessledelsen
mail-assignment-reminder-subject = Påminnelse: hjemmeoppgaven for { $phase } skal leveres senest { $due }
mail-assignment-reminder-lead = { $days ->
    [0] Hjemmeoppgaven for { $phase } skal leveres i dag, { $due }, og organisasjonen deres har ikke levert den ennå.
    [1] Hjemmeoppgaven for { $phase } skal leveres senest i morgen, { $due }, og organisasjonen deres har ikke levert den ennå.
   *[other] Hjemmeoppgaven for { $phase } skal leveres om { $days } dager, senest { $due }, og organisasjonen deres har ikke levert den ennå.
}
mail-assignment-reminder-ignore = Har noen andre i organisasjonen allerede levert den? Da kan du se bort fra denne meldingen.
mail-round-opened-subject = Ny vurderingsrunde: { $title }
mail-round-opened-lead = Vurderingsrunden «{ $title }» er åpen. Vurder notatene før den stenger.
mail-round-closing-subject = Stenger snart: { $title }
mail-round-closing-lead = Vurderingsrunden «{ $title }» stenger innen et døgn, og du har ikke vurdert noe i den ennå.
mail-round-closes = Stenger
mail-round-action = Åpne vurderingsrunden
mail-digest-daily-subject = Nytt i { $programme } det siste døgnet
mail-digest-weekly-subject = Nytt i { $programme } den siste uken
mail-digest-daily-lead = Dette er nytt i arbeidsflaten siden i går.
mail-digest-weekly-lead = Dette er nytt i arbeidsflaten siden forrige uke.
mail-digest-section-bank = Nytt og endret i banken
mail-digest-section-calendar = Nytt og endret i kalenderen
mail-digest-section-publications = Nye publiseringer
mail-digest-more = { $count ->
    [one] …og { $count } ting til.
   *[other] …og { $count } ting til.
}
mail-digest-action = Åpne arbeidsflaten
mail-why-digest = Du får dette sammendraget fordi du har valgt det i { $programme }.
mail-announcement-action = Åpne arbeidsflaten
mail-why-announcement = Meldingen ble sendt av { $sender } til deltakerne i { $programme }.
prefs-digest = Sammendrag av det nye
prefs-digest-hint = Det nye i banken, kalenderen og publiseringene i én melding. Ingenting sendes når ingenting er nytt.
prefs-digest-none = Ikke noe sammendrag
prefs-digest-daily = Én gang om dagen
prefs-digest-weekly = Én gang i uken
nav-announcements = Meldinger til deltakere
ann-title = Melding til deltakere
ann-lead = Skriv til alle deltakere, til organisasjonene i en kategori, til de påmeldte til et arrangement eller til organisasjoner som ikke har levert en hjemmeoppgave. Du ser meldingen og antallet mottakere før den sendes. Hilsenen og bunnteksten skrives på hver mottakers språk, teksten går ut slik du skrev den, og utsendelsen føres i loggen.
ann-sent = { $count ->
    [one] Meldingen er lagt i utboksen til { $count } mottaker.
   *[other] Meldingen er lagt i utboksen til { $count } mottakere.
}
ann-audience = Mottakere
ann-audience-all = Alle deltakere
ann-audience-category = Organisasjonene i en kategori
ann-audience-event = De påmeldte til et arrangement
ann-audience-not_submitted = Organisasjoner som ikke har levert en hjemmeoppgave
ann-category = Kategori (for organisasjonene i en kategori)
ann-event = Arrangement (for de påmeldte)
ann-phase = Hjemmeoppgave (for dem som ikke har levert)
ann-choose = Velg …
ann-registrants = { $count ->
    [one] { $count } påmeldt
   *[other] { $count } påmeldte
}
ann-subject = Emne
ann-body = Melding
ann-body-hint = Vanlig tekst. En tom linje begynner et nytt avsnitt.
ann-preview = Forhåndsvis
ann-preview-title = Forhåndsvis meldingen
ann-preview-lead = { $count ->
    [one] Meldingen går til { $count } mottaker:
   *[other] Meldingen går til { $count } mottakere:
}
ann-from = Fra { $sender }
ann-send = { $count ->
    [one] Send til { $count } mottaker
   *[other] Send til { $count } mottakere
}
ann-edit = Endre
error-announcement-audience = Velg hvem som skal få meldingen.
error-announcement-event = Velg et arrangement.
error-announcement-phase = Velg en hjemmeoppgave.
error-announcement-preview = Forhåndsvis meldingen før den sendes.
ann-sent-again = Meldingen var allerede sendt, så den ble ikke sendt en gang til.
