# E-mail to people (render::mail) and the outbox's page for administrators.
mail-greeting = Hej { $name }!
mail-greeting-anonymous = Hej!
mail-why-account = Du får det här meddelandet eftersom du har ett konto i { $programme }.
mail-why-registration = Du får det här meddelandet eftersom du är anmäld till ett evenemang i { $programme }.
mail-password-link-subject = Välj ditt lösenord till { $programme }
mail-password-link-lead = Du har ett konto i { $programme }. Välj ditt lösenord med länken nedan.
mail-password-link-once = Länken fungerar en gång. Har den slutat gälla kan en administratör skicka en ny.
mail-password-link-expires = Länken gäller till
mail-password-link-action = Välj lösenord
mail-registration-confirmed-subject = Anmälan bekräftad: { $event }
mail-registration-confirmed-lead = Du har en plats på { $event }.
mail-registration-waiting-subject = Du står på väntelistan: { $event }
mail-registration-waiting-lead = { $event } är fullt, och du står på väntelistan. Du får ett meddelande om en plats blir ledig.
mail-promoted-subject = Du har fått en plats: { $event }
mail-promoted-lead = En plats blev ledig på { $event }, och den är din.
mail-event-when = När
mail-event-where = Var
mail-event-online = Online
mail-event-change = Ändring
mail-event-calendar = Evenemanget finns som kalenderinbjudan i meddelandet, så att du kan lägga in det i din kalender.
mail-event-action = Se evenemanget
mail-calendar-file-name = inbjudan
mail-kind-password-link = Länk för lösenord
mail-kind-registration-confirmed = Anmälan bekräftad
mail-kind-registration-waiting = Väntelista
mail-kind-promoted = Plats från väntelistan
outbox-title = Utkorg
outbox-lead = Varje meddelande skrivs här i samma stund som ändringen som orsakar det, och skickas sedan över SMTP. Misslyckade försök görs om med allt längre mellanrum; efter tio försök markeras meddelandet som misslyckat.
outbox-unconfigured = Ingen SMTP-server är inställd, så inga meddelanden skickas. De väntar här tills en server anges (--smtp-host eller FRAMSYN_SMTP_HOST) och arbetsytan startas om.
outbox-filter = Visa meddelanden efter status
outbox-all = Alla
outbox-status-queued = Väntar
outbox-status-sent = Skickade
outbox-status-failed = Misslyckade
outbox-caption = De senaste meddelandena
outbox-caption-status = De senaste meddelandena: { $status }
outbox-written = Skrivet
outbox-kind = Meddelande
outbox-to = Till
outbox-status = Status
outbox-attempts = Försök
outbox-action = Åtgärd
outbox-next-attempt = Nästa försök { $at }
outbox-retry = Försök nu
outbox-empty = Inga meddelanden med den statusen.
nav-outbox = Utkorg
mail-event-changed-subject = Ändrat: { $event }
mail-event-changed-lead = { $event }, som du är anmäld till, har ändrats. Så här ser det ut nu.
mail-event-cancelled-subject = Inställt: { $event }
mail-event-cancelled-lead = { $event }, som du är anmäld till, är inställt.
mail-event-calendar-cancel = Kalenderfilen i meddelandet tar bort evenemanget ur din kalender.
mail-your-registration = Din anmälan
mail-seat-confirmed = Du har en plats
mail-seat-waiting = Du står på väntelistan
mail-kind-event-changed = Evenemang ändrat
mail-kind-event-cancelled = Evenemang inställt
mail-confirm-registration-subject = Bekräfta din anmälan: { $event }
mail-confirm-registration-lead = Någon, förhoppningsvis du, har anmält den här adressen till { $event }. Anmälan räknas först när du har bekräftat den med länken nedan.
mail-confirm-registration-else = Var det inte du? Då behöver du inte göra något: utan bekräftelse tas anmälan bort.
mail-confirm-registration-action = Bekräfta anmälan
mail-why-confirm = Du får det här meddelandet eftersom din adress angavs i en anmälan till ett evenemang i { $programme }.
mail-kind-confirm-registration = Bekräfta anmälan
mail-assignment-submitted-subject = Hemuppgift inlämnad: { $organisation }, { $phase }
mail-assignment-submitted-lead = { $organisation } har lämnat in sin hemuppgift för { $phase }. Den väntar på granskning: godkänn den, eller skicka tillbaka den med en kommentar.
mail-assignment-submitted-action = Granska hemuppgiften
mail-assignment-returned-subject = Hemuppgiften har skickats tillbaka: { $phase }
mail-assignment-returned-lead = Er hemuppgift för { $phase } har skickats tillbaka av processledningen. Se kommentaren, justera och lämna in igen.
mail-assignment-comment = Kommentar
mail-assignment-action = Öppna hemuppgiften
mail-assignment-accepted-subject = Hemuppgiften är godkänd: { $phase }
mail-assignment-accepted-lead = Er hemuppgift för { $phase } är godkänd av processledningen. Tack för ert arbete!
mail-why-leader = Du får det här meddelandet eftersom du är processledare i { $programme }.
mail-why-strategist = Du får det här meddelandet eftersom du är regional strateg i { $programme }.
mail-kind-assignment-submitted = Hemuppgift inlämnad
mail-kind-assignment-returned = Hemuppgift tillbakaskickad
mail-kind-assignment-accepted = Hemuppgift godkänd
mail-review-waiting-subject = Att granska: { $title }
mail-review-waiting-lead = Texten ”{ $title }” väntar på granskning av en annan redaktör än den som skrev den. Läs den och publicera den, eller skicka tillbaka den med en kommentar.
mail-review-waiting-action = Granska texten
mail-why-editor = Du får det här meddelandet eftersom du är redaktör i { $programme }.
mail-input-received-subject = Nytt inspel till { $programme }
mail-input-received-lead = Ett nytt inspel från allmänheten väntar på moderering.
mail-input-received-excerpt = Inspelet börjar
mail-input-received-action = Moderera inspelen
mail-why-moderator = Du får det här meddelandet eftersom du modererar inspel i { $programme }.
mail-kind-review-waiting = Text att granska
mail-kind-input-received = Nytt inspel
mail-unsubscribe = Avstå från meddelanden av typen ”{ $kind }”
mail-preferences = Välj vilka meddelanden du får
prefs-title = Dina meddelanden
prefs-lead = Här väljer du på vilket språk du får e-post från arbetsytan, och vilka av de valfria meddelandena du vill ha.
prefs-lang = Språk i meddelandena
prefs-lang-as-used = Samma som jag använder på sidorna
prefs-kinds = Valfria meddelanden
prefs-none-optional = Dina roller ger inga valfria meddelanden.
prefs-always = Meddelanden som svarar på något du själv har gjort eller som gäller din plats på en träff skickas alltid.
prefs-save = Spara
prefs-saved = Dina val är sparade.
unsubscribe-title = Avstå från meddelanden
unsubscribe-ask = Vill du sluta få meddelanden av typen ”{ $kind }”?
unsubscribe-button = Ja, sluta skicka dem
unsubscribe-done = Du får inte längre meddelanden av typen ”{ $kind }”.
unsubscribe-undo = Ångrat dig? Du kan slå på dem igen under
mail-kind-assignment-reminder = Påminnelse om hemuppgift
mail-kind-round-opened = Ny skattningsomgång
mail-kind-round-closing = Påminnelse om skattningsomgång
mail-kind-digest = Sammanfattning av det nya
mail-kind-announcement = Meddelande från processledningen
mail-assignment-reminder-subject = Påminnelse: hemuppgiften för { $phase } ska vara inlämnad senast den { $due }
mail-assignment-reminder-lead = { $days ->
    [0] Hemuppgiften för { $phase } ska vara inlämnad i dag, { $due }, och er organisation har inte lämnat in den än.
    [1] Hemuppgiften för { $phase } ska vara inlämnad senast i morgon, { $due }, och er organisation har inte lämnat in den än.
   *[other] Hemuppgiften för { $phase } ska vara inlämnad om { $days } dagar, senast den { $due }, och er organisation har inte lämnat in den än.
}
mail-assignment-reminder-ignore = Har någon annan i er organisation redan lämnat in den? Då kan du bortse från det här meddelandet.
mail-round-opened-subject = Ny skattningsomgång: { $title }
mail-round-opened-lead = Skattningsomgången ”{ $title }” är öppen. Skatta notiserna innan den stänger.
mail-round-closing-subject = Stänger snart: { $title }
mail-round-closing-lead = Skattningsomgången ”{ $title }” stänger inom ett dygn, och du har inte skattat något i den än.
mail-round-closes = Stänger
mail-round-action = Öppna skattningsomgången
mail-digest-daily-subject = Nytt i { $programme } det senaste dygnet
mail-digest-weekly-subject = Nytt i { $programme } den senaste veckan
mail-digest-daily-lead = Det här är nytt i arbetsytan sedan i går.
mail-digest-weekly-lead = Det här är nytt i arbetsytan sedan förra veckan.
mail-digest-section-bank = Nytt och ändrat i banken
mail-digest-section-calendar = Nytt och ändrat i kalendern
mail-digest-section-publications = Nya publiceringar
mail-digest-more = { $count ->
    [one] …och { $count } sak till.
   *[other] …och { $count } saker till.
}
mail-digest-action = Öppna arbetsytan
mail-why-digest = Du får den här sammanfattningen eftersom du har valt den i { $programme }.
mail-announcement-action = Öppna arbetsytan
mail-why-announcement = Meddelandet skickades av { $sender } till deltagarna i { $programme }.
prefs-digest = Sammanfattning av det nya
prefs-digest-hint = Det nya i banken, kalendern och publiceringarna i ett meddelande. Inget skickas när inget är nytt.
prefs-digest-none = Ingen sammanfattning
prefs-digest-daily = En gång om dagen
prefs-digest-weekly = En gång i veckan
nav-announcements = Meddelanden till deltagare
ann-title = Meddelande till deltagare
ann-lead = Skriv till alla deltagare, till organisationerna i en kategori, till de anmälda till ett evenemang eller till organisationer som inte har lämnat in en hemuppgift. Du ser meddelandet och antalet mottagare innan det skickas. Hälsningen och sidfoten skrivs på varje mottagares språk, texten går ut som du skrev den, och utskicket förs in i loggen.
ann-sent = { $count ->
    [one] Meddelandet är lagt i utkorgen till { $count } mottagare.
   *[other] Meddelandet är lagt i utkorgen till { $count } mottagare.
}
ann-audience = Mottagare
ann-audience-all = Alla deltagare
ann-audience-category = Organisationerna i en kategori
ann-audience-event = De anmälda till ett evenemang
ann-audience-not_submitted = Organisationer som inte har lämnat in en hemuppgift
ann-category = Kategori (för organisationerna i en kategori)
ann-event = Evenemang (för de anmälda)
ann-phase = Hemuppgift (för dem som inte har lämnat in)
ann-choose = Välj …
ann-registrants = { $count ->
    [one] { $count } anmäld
   *[other] { $count } anmälda
}
ann-subject = Ämne
ann-body = Meddelande
ann-body-hint = Vanlig text. En tom rad börjar ett nytt stycke.
ann-preview = Förhandsgranska
ann-preview-title = Förhandsgranska meddelandet
ann-preview-lead = { $count ->
    [one] Meddelandet går till { $count } mottagare:
   *[other] Meddelandet går till { $count } mottagare:
}
ann-from = Från { $sender }
ann-send = { $count ->
    [one] Skicka till { $count } mottagare
   *[other] Skicka till { $count } mottagare
}
ann-edit = Ändra
error-announcement-audience = Välj vilka som ska få meddelandet.
error-announcement-event = Välj ett evenemang.
error-announcement-phase = Välj en hemuppgift.
error-announcement-preview = Förhandsgranska meddelandet innan det skickas.
ann-sent-again = Meddelandet var redan skickat, så det skickades inte en gång till.
