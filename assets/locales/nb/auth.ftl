# Framsyn: interface texts of the area "auth", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

login-title = Logg inn
login-email = E-postadresse
login-password = Passord
login-refused = Feil e-postadresse eller passord.
login-throttled = For mange mislykkede forsøk. Vent litt og prøv igjen.
login-password-set = Passordet ditt er lagret. Logg inn med det.
login-help = Har du ikke konto? Administratoren oppretter den og gir deg en lenke der du velger passord.
set-password-title = Velg passord
set-password-for = Passord for { $name } ({ $email }).
set-password-new = Nytt passord
set-password-hint = Minst 8 tegn, ikke et vanlig passord og ikke laget av e-postadressen eller navnet ditt. En lang passordfrase med flere ord er både sikker og lett å huske.
set-password-repeat = Gjenta passordet
set-password-save = Lagre passord
link-invalid-title = Lenken virker ikke
link-invalid-text = Lenken er allerede brukt eller har utløpt. Be administratoren om en ny lenke.
