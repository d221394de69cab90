# Framsyn: interface texts of the area "events", in Swedish.
# Each key lives in one file, the same file in all three languages.

event-new = Nytt evenemang
event-edit = Ändra evenemang
event-propose = Föreslå evenemang
event-proposal-help = Ditt förslag visas för andra när en processledare har godkänt det.
event-kind = Typ
event-kind-workshop = Workshop
event-kind-politicians_seminar = Politikerseminarium
event-kind-leaders_thinktank = Ledarseminarium (thinktank)
event-kind-conference = Konferens
event-kind-meeting = Möte
event-kind-other = Annat
event-phase = Fas
event-no-phase = Ingen fas (organisationens eget evenemang)
event-title = Rubrik
event-description = Beskrivning
event-time-zone = Tider anges i programmets tidszon ({ $tz }).
event-starts = Börjar
event-ends = Slutar
event-where = Var
event-address = Adress
event-mode = Deltagande
mode-in_person = På plats
mode-online = Digitalt
mode-hybrid = På plats och digitalt
mode-streamed = Sänds (stream)
event-online-link = Länk för digitalt deltagande
event-online-link-hint = Visas bara för anmälda.
event-registration = Anmälan
event-audience = Vem får anmäla sig
audience-members = Medlemsorganisationernas personer
audience-public = Alla (öppet evenemang)
event-capacity = Antal platser
event-capacity-hint = Lämna tomt för obegränsat. När platserna är slut hamnar nya anmälningar på väntelista.
event-capacity-cut-title = Färre platser än det finns anmälda
event-capacity-cut-body = Med { $capacity } platser räcker inte platserna till alla som redan har en. { $count ->
    [one] Den som fick sin plats sist flyttas
   *[other] De { $count } som fick sina platser sist flyttas
} till väntelistan, före alla som anmälde sig senare, och får en plats igen om någon avbokar. Ingenting sparas förrän du bekräftar.
event-capacity-cut-confirm = { $count ->
    [one] Ja, minska till { $capacity } platser och flytta en person till väntelistan
   *[other] Ja, minska till { $capacity } platser och flytta { $count } personer till väntelistan
}
event-cap-hint = Högst så här många per organisation. Lämna tomt för ingen gräns.
event-registration-opens = Anmälan öppnar
event-registration-closes = Sista anmälningsdag
event-registration-closes-hint = Efter denna tid kan bara processledare lägga till deltagare. Lämna tomt för att anmälan stänger när evenemanget börjar.
event-contact = Kontaktperson
event-change-note = Vad har ändrats?
event-change-note-hint = Visas för alla anmälda och i kalenderprenumerationerna.
event-changed = Ändrat { $date }:
event-is-cancelled = Evenemanget är inställt.
event-cancelled-tag = Inställt
event-status-draft = Utkast, visas inte för andra.
event-status-proposed = Förslag som väntar på att en processledare godkänner det.
event-status-rejected = Förslaget har inte godkänts.
event-status-published = Publicerat.
event-status-cancelled = Inställt.
event-seats-taken = { $taken } av { $capacity } platser tagna
event-waiting-count = { $count } på väntelistan
event-download-ics = Lägg till i kalendern (.ics)
event-manage = Hantera evenemanget
event-approve = Godkänn och publicera
event-reject = Avslå förslaget
event-cancel = Ställ in evenemanget
event-cancel-note = Meddelande till anmälda (varför, vad händer nu)
event-cancel-hint = Du får bekräfta innan evenemanget ställs in.
event-cancel-confirm-title = Ställa in evenemanget?
event-cancel-confirm-who = { $confirmed ->
    [0] Ingen har en plats
    [one] En person har en plats
   *[other] { $confirmed } personer har en plats
} och { $waiting ->
    [0] ingen står på väntelistan.
    [one] en står på väntelistan.
   *[other] { $waiting } står på väntelistan.
} De ser evenemanget som inställt, och kalenderprenumerationerna visar det som inställt.
event-cancel-confirm-undo = Anmälningarna sparas. Tar en processledare upp evenemanget igen har alla kvar sin plats eller sin plats i kön.
event-cancel-confirm = Ja, ställ in evenemanget
event-cancel-keep = Nej, tillbaka till evenemanget
event-reinstate = Ta upp evenemanget igen
event-reinstate-hint = Evenemanget publiceras igen och alla anmälningar gäller som de var när det ställdes in.
event-reinstate-note = Meddelande till anmälda (valfritt)

agenda-title = Program
agenda-caption = Program för { $title }
agenda-time = Tid
agenda-item = Programpunkt
agenda-speaker = Talare eller ansvarig
agenda-notes = Anteckning
agenda-starts = Börjar
agenda-ends = Slutar
agenda-empty = Programmet är inte klart än.
agenda-add = Lägg till programpunkt

questions-title = Frågor till de anmälda
question-add = Lägg till fråga
question-kind = Typ av fråga
question-kind-short_text = Kort text
question-kind-long_text = Lång text
question-kind-single_choice = Ett val
question-kind-multiple_choice = Flera val
question-kind-yes_no = Ja eller nej
question-label = Fråga
question-options = Svarsalternativ
question-options-hint = Ett alternativ per rad (för ett val eller flera val).
question-required = Svar krävs

registration-title = Anmälan
registration-who = Vem anmäler du?
registration-myself = Mig själv
registration-someone-else = Någon annan i organisationen (namn och e-post nedan)
registration-name = Namn
registration-name-hint = För någon annan än dig själv.
registration-email = E-postadress
registration-submit = Anmäl
registration-sign-in = Logga in för att anmäla dig
registration-closed = Anmälan är stängd.
registration-opens-at = Anmälan öppnar { $date }.
registration-closed-leader = Anmälan är stängd för andra; som processledare kan du fortfarande lägga till deltagare.
registration-event-cancelled = Evenemanget är inställt; det går inte att anmäla sig.
registration-you-are-confirmed = Du är anmäld och har en plats.
registration-you-are-waiting = Du står på väntelistan. Du får en plats automatiskt om någon avbokar.
registration-you-are-cancelled = Din anmälan är avbokad.
registration-yours-event-cancelled = Evenemanget är inställt, så din anmälan gäller inte just nu. Tas evenemanget upp igen gäller den som förut.
registration-cancel-mine = Avboka min anmälan
registration-cancel = Avboka
registration-own-organisation = Anmälda från din organisation
registration-status = Status
registration-status-confirmed = Plats
registration-status-waiting = Väntelista
registration-status-cancelled = Avbokad
registration-attended = Närvarade
registration-notice-confirmed = Anmälan är klar: platsen är bekräftad.
registration-notice-waiting = Evenemanget är fullt; anmälan står på väntelistan.
registration-queue-position = Du är nummer { $position } på väntelistan.
registration-notice-received = Tack! Vi har skickat ett e-postmeddelande med en länk till adressen du angav. Anmälan räknas när du har bekräftat den med länken.
registration-notice-already = Du var redan anmäld till evenemanget.
registration-notice-closed = Anmälan kunde inte bekräftas: evenemanget är inställt eller anmälan har stängt.
registration-honeypot = Lämna detta fält tomt
registration-notice-cancelled = Anmälan är avbokad.
registrations-title = Anmälningar
registrations-caption = { $count ->
    [one] { $count } anmälan
   *[other] { $count } anmälningar
}
registrations-csv = Ladda ned som CSV
registrations-per-organisation = Per organisation
registrations-count = Anmälda
registrations-save-attendance = Spara närvaro
registration-deactivated = konto avaktiverat
registrations-attendance-from-start = Närvaro markeras från evenemangets start, { $date }.

minutes-title = Dokumentation
minutes-none = Ingen dokumentation än.
minutes-draft = Utkast – visas bara för processledare och redaktörer.
minutes-written = Senast sparad av { $name }, { $date }.
minutes-revisions = { $count ->
    [one] { $count } version sparad
   *[other] { $count } versioner sparade
}
minutes-write = Minnesanteckningar och dokumentation
minutes-final = Slutlig version (visas för alla som ser evenemanget)
minutes-save = Spara ny version

my-events-title = Mina evenemang
my-events-caption = Evenemang du är anmäld till
my-events-notice = Meddelande
my-events-none = Du är inte anmäld till något evenemang.
my-events-feed = Din personliga kalenderadress
my-events-feed-help = Prenumerera på adressen i ditt kalenderprogram för att få dina evenemang, med länkar för digitalt deltagande. Adressen är hemlig: den som har den kan se dina evenemang.
my-events-feed-renew = Skapa ny adress (den gamla slutar fungera)
my-events-member-feeds = Hela kalendern som medlem
my-events-member-feeds-help = De öppna kalenderflödena visar bara evenemang öppna för alla. Med de här hemliga adresserna får du allt du som medlem kan se, också programmets egna evenemang för medlemmar. De gäller bara dig och slutar fungera när du skapar en ny adress.
my-events-feed-organisation = Din organisations evenemang
my-events-feed-programme = Hela programmet

error-choose = Välj ett alternativ.
error-number = Skriv ett heltal.
error-positive-number = Skriv ett heltal som är minst 1.
error-datetime = Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM.
error-datetime-nonexistent = Den tiden finns inte (sommartid börjar). Välj en annan.
error-ends-before-start = Sluttiden måste vara efter starttiden.
error-closes-before-opens = Anmälan måste stänga efter att den öppnar.
error-closes-after-event = Sista anmälningsdag kan inte vara efter evenemanget.
error-url = Skriv en fullständig adress som börjar med https://.
error-online-link-needed = Digitalt deltagande behöver en länk.
error-cap-above-capacity = Gränsen per organisation kan inte vara större än antalet platser.
error-outside-event = Tiden måste ligga inom evenemanget.
error-two-options = Skriv minst två svarsalternativ, ett per rad.
error-answer-invalid = Välj bland alternativen.
error-registration-closed = Anmälan är stängd.
error-person-deactivated = Personens konto är avaktiverat; hen kan inte anmälas.
error-too-many-registrations = För många anmälningar från samma adress. Försök igen om en stund.
error-event-cancelled = Evenemanget är inställt.
error-organisation-cap = Organisationen har redan så många anmälda som evenemanget tillåter.
error-already-registered = Personen är redan anmäld till evenemanget.
error-cancel-after-deadline = Sista dag för avbokning har passerat. Kontakta processledningen.
registration-no-organisation = Ingen organisation
error-status-change = Evenemanget kan inte ändras så i sitt nuvarande läge.
confirm-registration-title = Bekräfta anmälan
confirm-registration-text = Anmälan i namnet { $name } väntar på din bekräftelse. Först när du bekräftar räknas den, med plats eller på väntelistan.
confirm-registration-event = Evenemang
confirm-registration-when = Börjar
confirm-registration-button = Bekräfta anmälan
confirm-link-invalid-title = Länken gäller inte längre
confirm-link-invalid-text = Länken har redan använts eller har slutat gälla (den gäller i två dygn). Anmäl dig på nytt från evenemangets sida om du vill delta.
