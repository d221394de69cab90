# Framsyn: interface texts of the area "errors", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

error-required = Fyll ut feltet.
error-too-long = Teksten er for lang.
error-email = Skriv en e-postadresse, for eksempel navn@fylkeskommune.no.
error-email-taken = Det finnes allerede en bruker med denne e-postadressen.
error-choose-organisation = Velg en organisasjon.
error-choose-category = Velg en kategori.
error-organisation-exists = Det finnes allerede en organisasjon med dette navnet.
error-unknown-role = Velg blant rollene i listen.
error-unknown-phase = Velg en fase i listen.
error-last-administrator = Det må finnes minst én aktiv administrator.
error-password-short = Passordet må ha minst 8 tegn.
error-password-long = Passordet kan ha høyst 1024 tegn.
error-password-mismatch = Passordene er ikke like.

error-title-400 = Ugyldig adresse
error-text-400 = Adressen inneholder noe som ikke kan tolkes. Kontroller den, eller begynn på nytt fra startsiden.
error-title-403 = Du har ikke tilgang
error-text-403 = Siden eller handlingen krever en annen rolle eller tilhører en annen organisasjon.
error-reason-answer-first = Rundens resultater vises når du har svart. Svar i runden først, så ser du deretter alles svar.
error-reason-after-close = Rundens resultater vises når runden er lukket.
error-title-404 = Siden finnes ikke
error-text-404 = Kontroller adressen, eller begynn på nytt fra forsiden.
error-title-405 = Det går ikke an å gjøre det slik
error-text-405 = Siden tar ikke imot denne typen forespørsel.
error-title-408 = Det tok for lang tid
error-text-408 = Forespørselen tok for lang tid. Prøv igjen.
error-title-413 = For mye data
error-text-413 = Det som ble sendt, var for stort.
error-title-421 = Feil adresse
error-text-421 = Denne tjenesten svarer ikke på adressen som ble brukt. Gå til tjenesten via den vanlige adressen.
error-title-422 = Forespørselen kunne ikke leses
error-text-422 = Skjemaet kom ikke fram i sin helhet. Gå tilbake og prøv igjen.
error-title-500 = Noe gikk galt
error-text-500 = Det oppstod en feil hos oss. Feilen er logget. Prøv igjen om litt.
error-title-503 = Kunne ikke lagres nå
error-text-503 = Databasen kunne ikke ta imot endringen akkurat nå, så ingenting ble lagret. Gå tilbake og prøv igjen om litt.
error-save-failed = Det du skrev, kunne ikke lagres akkurat nå. Det står fortsatt i skjemaet: prøv igjen om litt.
error-password-guessable = Passordet er for lett å gjette (for eksempel et vanlig passord, en rekke taster eller gjentatte tegn). Velg en passordfrase av flere ord.
error-password-personal = Passordet kan ikke lages av e-postadressen eller navnet ditt.
