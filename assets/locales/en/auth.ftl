# Framsyn: interface texts of the area "auth", in English.
# Each key lives in one file, the same file in all three languages.

login-title = Sign in
login-email = Email address
login-password = Password
login-refused = Wrong email address or password.
login-throttled = Too many failed attempts. Please wait a while and try again.
login-password-set = Your password has been saved. Sign in with it.
login-help = No account? The administrator creates it and gives you a link where you choose a password.
set-password-title = Choose a password
set-password-for = Password for { $name } ({ $email }).
set-password-new = New password
set-password-hint = At least 8 characters, not a common password and not made from your e-mail address or name. A long passphrase of several words is both secure and easy to remember.
set-password-repeat = Repeat the password
set-password-save = Save password
link-invalid-title = The link does not work
link-invalid-text = The link has already been used or has expired. Ask the administrator for a new link.
