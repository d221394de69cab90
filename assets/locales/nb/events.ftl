# Framsyn: interface texts of the area "events", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

event-new = Nytt arrangement
event-edit = Endre arrangement
event-propose = Foreslå arrangement
event-proposal-help = Forslaget ditt vises for andre når en prosessleder har godkjent det.
event-kind = Type
event-kind-workshop = Verksted
event-kind-politicians_seminar = Politikerseminar
event-kind-leaders_thinktank = Lederseminar (tenketank)
event-kind-conference = Konferanse
event-kind-meeting = Møte
event-kind-other = Annet
event-phase = Fase
event-no-phase = Ingen fase (organisasjonens eget arrangement)
event-title = Tittel
event-description = Beskrivelse
event-time-zone = Tidspunktene angis i programmets tidssone ({ $tz }).
event-starts = Starter
event-ends = Slutter
event-where = Hvor
event-address = Adresse
event-mode = Deltakelse
mode-in_person = Fysisk oppmøte
mode-online = Digitalt
mode-hybrid = Fysisk oppmøte og digitalt
mode-streamed = Strømmes
event-online-link = Lenke for digital deltakelse
event-online-link-hint = Vises bare for påmeldte.
event-registration = Påmelding
event-audience = Hvem kan melde seg på
audience-members = Personer i medlemsorganisasjonene
audience-public = Alle (åpent arrangement)
event-capacity = Antall plasser
event-capacity-hint = La feltet stå tomt for ubegrenset antall. Når plassene er fylt opp, havner nye påmeldinger på venteliste.
event-capacity-cut-title = Færre plasser enn det er påmeldte
event-capacity-cut-body = Med { $capacity } plasser er det ikke plass til alle som allerede har en. { $count ->
    [one] Den som fikk plassen sist, flyttes
   *[other] De { $count } som fikk plassene sist, flyttes
} til ventelisten, foran alle som meldte seg på senere, og får plass igjen hvis noen melder seg av. Ingenting lagres før du bekrefter.
event-capacity-cut-confirm = { $count ->
    [one] Ja, reduser til { $capacity } plasser og flytt én person til ventelisten
   *[other] Ja, reduser til { $capacity } plasser og flytt { $count } personer til ventelisten
}
event-cap-hint = Høyst så mange per organisasjon. La feltet stå tomt for ingen grense.
event-registration-opens = Påmeldingen åpner
event-registration-closes = Påmeldingsfrist
event-registration-closes-hint = Etter dette tidspunktet kan bare prosessledere legge til deltakere. La feltet stå tomt hvis påmeldingen skal stenge når arrangementet starter.
event-contact = Kontaktperson
event-change-note = Hva er endret?
event-change-note-hint = Vises for alle påmeldte og i kalenderabonnementene.
event-changed = Endret { $date }:
event-is-cancelled = Arrangementet er avlyst.
event-cancelled-tag = Avlyst
event-status-draft = Utkast, vises ikke for andre.
event-status-proposed = Forslag som venter på godkjenning fra en prosessleder.
event-status-rejected = Forslaget er ikke godkjent.
event-status-published = Publisert.
event-status-cancelled = Avlyst.
event-seats-taken = { $taken } av { $capacity } plasser er tatt
event-waiting-count = { $count } på ventelisten
event-download-ics = Legg til i kalenderen (.ics)
event-manage = Administrer arrangementet
event-approve = Godkjenn og publiser
event-reject = Avslå forslaget
event-cancel = Avlys arrangementet
event-cancel-note = Melding til påmeldte (hvorfor, hva skjer nå)
event-cancel-hint = Du må bekrefte før arrangementet avlyses.
event-cancel-confirm-title = Avlyse arrangementet?
event-cancel-confirm-who = { $confirmed ->
    [0] Ingen har plass
    [one] Én person har plass
   *[other] { $confirmed } personer har plass
} og { $waiting ->
    [0] ingen står på ventelisten.
    [one] én står på ventelisten.
   *[other] { $waiting } står på ventelisten.
} De ser arrangementet som avlyst, og kalenderabonnementene viser det som avlyst.
event-cancel-confirm-undo = Påmeldingene tas vare på. Gjenoppretter en prosessleder arrangementet, beholder alle plassen sin eller plassen i køen.
event-cancel-confirm = Ja, avlys arrangementet
event-cancel-keep = Nei, tilbake til arrangementet
event-reinstate = Gjenopprett arrangementet
event-reinstate-hint = Arrangementet publiseres igjen, og alle påmeldinger gjelder slik de var da det ble avlyst.
event-reinstate-note = Melding til de påmeldte (valgfritt)

agenda-title = Program
agenda-caption = Program for { $title }
agenda-time = Tid
agenda-item = Programpost
agenda-speaker = Innleder eller ansvarlig
agenda-notes = Merknad
agenda-starts = Starter
agenda-ends = Slutter
agenda-empty = Programmet er ikke klart ennå.
agenda-add = Legg til programpost

questions-title = Spørsmål til de påmeldte
question-add = Legg til spørsmål
question-kind = Spørsmålstype
question-kind-short_text = Kort tekst
question-kind-long_text = Lang tekst
question-kind-single_choice = Ett valg
question-kind-multiple_choice = Flere valg
question-kind-yes_no = Ja eller nei
question-label = Spørsmål
question-options = Svaralternativer
question-options-hint = Ett alternativ per linje (for ett valg eller flere valg).
question-required = Må besvares

registration-title = Påmelding
registration-who = Hvem melder du på?
registration-myself = Meg selv
registration-someone-else = En annen i organisasjonen (navn og e-post nedenfor)
registration-name = Navn
registration-name-hint = For en annen enn deg selv.
registration-email = E-postadresse
registration-submit = Meld på
registration-sign-in = Logg inn for å melde deg på
registration-closed = Påmeldingen er stengt.
registration-opens-at = Påmeldingen åpner { $date }.
registration-closed-leader = Påmeldingen er stengt for andre; som prosessleder kan du fortsatt legge til deltakere.
registration-event-cancelled = Arrangementet er avlyst; det er ikke mulig å melde seg på.
registration-you-are-confirmed = Du er påmeldt og har fått plass.
registration-you-are-waiting = Du står på ventelisten. Du får plass automatisk hvis noen melder seg av.
registration-you-are-cancelled = Du er meldt av.
registration-yours-event-cancelled = Arrangementet er avlyst, så påmeldingen din gjelder ikke nå. Gjenopprettes arrangementet, gjelder den som før.
registration-cancel-mine = Meld meg av
registration-cancel = Meld av
registration-own-organisation = Påmeldte fra din organisasjon
registration-status = Status
registration-status-confirmed = Plass
registration-status-waiting = Venteliste
registration-status-cancelled = Avmeldt
registration-attended = Deltok
registration-notice-confirmed = Påmeldingen er registrert: plassen er bekreftet.
registration-notice-waiting = Arrangementet er fullt; påmeldingen står på ventelisten.
registration-queue-position = Du er nummer { $position } på ventelisten.
registration-notice-received = Takk! Vi har sendt en e-post med en lenke til adressen du oppga. Påmeldingen teller når du har bekreftet den med lenken.
registration-notice-already = Du var allerede påmeldt arrangementet.
registration-notice-closed = Påmeldingen kunne ikke bekreftes: arrangementet er avlyst eller påmeldingen er stengt.
registration-honeypot = La dette feltet stå tomt
registration-notice-cancelled = Avmeldingen er registrert.
registrations-title = Påmeldinger
registrations-caption = { $count ->
    [one] { $count } påmelding
   *[other] { $count } påmeldinger
}
registrations-csv = Last ned som CSV
registrations-per-organisation = Per organisasjon
registrations-count = Påmeldte
registrations-save-attendance = Lagre oppmøte
registration-deactivated = konto deaktivert
registrations-attendance-from-start = Oppmøte markeres fra arrangementets start, { $date }.

minutes-title = Dokumentasjon
minutes-none = Ingen dokumentasjon ennå.
minutes-draft = Utkast – vises bare for prosessledere og redaktører.
minutes-written = Sist lagret av { $name }, { $date }.
minutes-revisions = { $count ->
    [one] { $count } versjon lagret
   *[other] { $count } versjoner lagret
}
minutes-write = Referat og dokumentasjon
minutes-final = Endelig versjon (vises for alle som ser arrangementet)
minutes-save = Lagre ny versjon

my-events-title = Mine arrangementer
my-events-caption = Arrangementer du er påmeldt
my-events-notice = Melding
my-events-none = Du er ikke påmeldt noen arrangementer.
my-events-feed = Din personlige kalenderadresse
my-events-feed-help = Abonner på adressen i kalenderprogrammet ditt for å få arrangementene dine, med lenker for digital deltakelse. Adressen er hemmelig: Den som har den, kan se arrangementene dine.
my-events-feed-renew = Lag ny adresse (den gamle slutter å virke)
my-events-member-feeds = Hele kalenderen som medlem
my-events-member-feeds-help = De åpne kalenderstrømmene viser bare arrangementer som er åpne for alle. Med disse hemmelige adressene får du alt du som medlem kan se, også programmets egne arrangementer for medlemmer. De gjelder bare deg og slutter å virke når du lager en ny adresse.
my-events-feed-organisation = Organisasjonens arrangementer
my-events-feed-programme = Hele programmet

error-choose = Velg et alternativ.
error-number = Skriv et heltall.
error-positive-number = Skriv et heltall som er minst 1.
error-datetime = Skriv dato og klokkeslett som ÅÅÅÅ-MM-DD TT:MM.
error-datetime-nonexistent = Det tidspunktet finnes ikke (sommertiden begynner). Velg et annet.
error-ends-before-start = Sluttidspunktet må være etter starttidspunktet.
error-closes-before-opens = Påmeldingen må stenge etter at den åpner.
error-closes-after-event = Påmeldingsfristen kan ikke være etter arrangementet.
error-url = Skriv en fullstendig adresse som begynner med https://.
error-online-link-needed = Digital deltakelse krever en lenke.
error-cap-above-capacity = Grensen per organisasjon kan ikke være større enn antall plasser.
error-outside-event = Tidspunktet må ligge innenfor arrangementet.
error-two-options = Skriv minst to svaralternativer, ett per linje.
error-answer-invalid = Velg blant alternativene.
error-registration-closed = Påmeldingen er stengt.
error-person-deactivated = Personens konto er deaktivert; vedkommende kan ikke meldes på.
error-too-many-registrations = For mange påmeldinger fra samme adresse. Prøv igjen om en stund.
error-event-cancelled = Arrangementet er avlyst.
error-organisation-cap = Organisasjonen har allerede så mange påmeldte som arrangementet tillater.
error-already-registered = Personen er allerede påmeldt arrangementet.
error-cancel-after-deadline = Fristen for avmelding er passert. Kontakt prosessledelsen.
registration-no-organisation = Ingen organisasjon
error-status-change = Arrangementet kan ikke endres slik i sin nåværende tilstand.
confirm-registration-title = Bekreft påmeldingen
confirm-registration-text = Påmeldingen i navnet { $name } venter på bekreftelsen din. Først når du bekrefter teller den, med plass eller på ventelisten.
confirm-registration-event = Arrangement
confirm-registration-when = Starter
confirm-registration-button = Bekreft påmeldingen
confirm-link-invalid-title = Lenken gjelder ikke lenger
confirm-link-invalid-text = Lenken er allerede brukt eller har sluttet å gjelde (den gjelder i to døgn). Meld deg på nytt fra arrangementets side hvis du vil delta.
