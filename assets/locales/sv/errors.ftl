# Framsyn: interface texts of the area "errors", in Swedish.
# Each key lives in one file, the same file in all three languages.

error-required = Fyll i fältet.
error-too-long = Texten är för lång.
error-email = Skriv en e-postadress, till exempel namn@region.se.
error-email-taken = Det finns redan en användare med den e-postadressen.
error-choose-organisation = Välj en organisation.
error-choose-category = Välj en kategori.
error-organisation-exists = Det finns redan en organisation med det namnet.
error-unknown-role = Välj bland rollerna i listan.
error-unknown-phase = Välj en fas i listan.
error-last-administrator = Det måste finnas minst en aktiv administratör.
error-password-short = Lösenordet måste ha minst 8 tecken.
error-password-long = Lösenordet får ha högst 1024 tecken.
error-password-mismatch = Lösenorden är inte likadana.

error-title-400 = Felaktig adress
error-text-400 = Adressen innehåller något som inte går att tolka. Kontrollera den, eller börja om från startsidan.
error-title-403 = Du har inte behörighet
error-text-403 = Sidan eller åtgärden kräver en annan roll eller tillhör en annan organisation.
error-reason-answer-first = Omgångens resultat visas när du har svarat. Svara i omgången först, så ser du sedan allas svar.
error-reason-after-close = Omgångens resultat visas när omgången har stängt.
error-title-404 = Sidan finns inte
error-text-404 = Kontrollera adressen, eller börja om från startsidan.
error-title-405 = Det går inte att göra så
error-text-405 = Sidan tar inte emot den sortens förfrågan.
error-title-408 = Det tog för lång tid
error-text-408 = Förfrågan tog för lång tid. Försök igen.
error-title-413 = För mycket data
error-text-413 = Det som skickades var för stort.
error-title-421 = Fel adress
error-text-421 = Den här tjänsten svarar inte på adressen som användes. Gå till tjänsten via dess vanliga adress.
error-title-422 = Förfrågan kunde inte läsas
error-text-422 = Formuläret kom fram ofullständigt. Gå tillbaka och försök igen.
error-title-500 = Något gick fel
error-text-500 = Ett fel uppstod hos oss. Det är loggat. Försök igen om en stund.
error-title-503 = Kunde inte sparas just nu
error-text-503 = Databasen kunde inte ta emot ändringen just nu, så ingenting sparades. Gå tillbaka och försök igen om en stund.
error-save-failed = Det du skrev kunde inte sparas just nu. Det står kvar i formuläret: försök igen om en stund.
error-password-guessable = Lösenordet är för lätt att gissa (till exempel ett vanligt lösenord, en följd av tangenter eller upprepade tecken). Välj en lösenfras av flera ord.
error-password-personal = Lösenordet får inte byggas av din e-postadress eller ditt namn.
