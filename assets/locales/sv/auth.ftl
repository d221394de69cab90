# Framsyn: interface texts of the area "auth", in Swedish.
# Each key lives in one file, the same file in all three languages.

login-title = Logga in
login-email = E-postadress
login-password = Lösenord
login-refused = Fel e-postadress eller lösenord.
login-throttled = För många misslyckade försök. Vänta en stund och försök igen.
login-password-set = Ditt lösenord är sparat. Logga in med det.
login-help = Har du inget konto? Administratören skapar det och ger dig en länk där du väljer lösenord.
set-password-title = Välj lösenord
set-password-for = Lösenord för { $name } ({ $email }).
set-password-new = Nytt lösenord
set-password-hint = Minst 8 tecken, inte ett vanligt lösenord och inte byggt av din e-postadress eller ditt namn. En lång lösenfras av flera ord är både säker och lätt att minnas.
set-password-repeat = Upprepa lösenordet
set-password-save = Spara lösenord
link-invalid-title = Länken fungerar inte
link-invalid-text = Länken har redan använts eller har gått ut. Be administratören om en ny länk.
