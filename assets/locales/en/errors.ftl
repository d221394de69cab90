# Framsyn: interface texts of the area "errors", in English.
# Each key lives in one file, the same file in all three languages.

error-required = Please fill in this field.
error-too-long = The text is too long.
error-email = Enter an email address, for example name@region.se.
error-email-taken = There is already a user with that email address.
error-choose-organisation = Choose an organisation.
error-choose-category = Choose a category.
error-organisation-exists = There is already an organisation with that name.
error-unknown-role = Choose from the roles in the list.
error-unknown-phase = Choose a phase from the list.
error-last-administrator = There must be at least one active administrator.
error-password-short = The password must have at least 8 characters.
error-password-long = The password may have at most 1024 characters.
error-password-mismatch = The passwords do not match.

error-title-400 = Malformed address
error-text-400 = The address contains something that cannot be read. Check it, or start again from the home page.
error-title-403 = You do not have permission
error-text-403 = The page or action requires a different role or belongs to another organisation.
error-reason-answer-first = The round's results are shown once you have answered. Answer in the round first; then you will see everyone's answers.
error-reason-after-close = The round's results are shown once the round has closed.
error-title-404 = Page not found
error-text-404 = Check the address, or start again from the home page.
error-title-405 = That cannot be done
error-text-405 = The page does not accept that kind of request.
error-title-408 = It took too long
error-text-408 = The request took too long. Please try again.
error-title-413 = Too much data
error-text-413 = What was sent was too large.
error-title-421 = Wrong address
error-text-421 = This service does not answer at the address that was used. Go to the service by its usual address.
error-title-422 = The request could not be read
error-text-422 = The form arrived incomplete. Go back and try again.
error-title-500 = Something went wrong
error-text-500 = An error occurred on our side. It has been logged. Please try again in a moment.
error-title-503 = Could not be saved just now
error-text-503 = The database could not take the change just now, so nothing was saved. Go back and try again in a moment.
error-save-failed = What you wrote could not be saved just now. It is still in the form: try again in a moment.
error-password-guessable = This password is too easy to guess (a common password, a run of keys or repeated characters, for example). Choose a passphrase of several words.
error-password-personal = The password must not be made from your e-mail address or your name.
