# Personal data: the privacy page, one's own data, anonymising a person.
privacy-link = How we handle personal data
privacy-form-notice = What you send here is kept as our privacy notice describes.
privacy-title = Personal data
privacy-intro = What personal data { $programme } keeps, why, for how long, and how to find out what it holds about you.
privacy-controller-heading = Data controller
privacy-controller = The data controller is { $controller }.
privacy-contact = Write about your data to
privacy-stored-heading = What we keep
privacy-stored-caption = Personal data, why it is kept and for how long
privacy-what = Data
privacy-why = Why
privacy-how-long = How long
privacy-accounts = Accounts: name, e-mail, organisation and roles
privacy-accounts-why = So that you can sign in and work in the process for your organisation.
privacy-accounts-how-long = As long as you take part; an administrator can anonymise you once you have left.
privacy-registrations = Registrations for events: name, e-mail and answers
privacy-registrations-why = To plan the event and reach the participants.
privacy-registrations-how-long = { $months ->
    [one] The name and e-mail of someone who registered without an account are removed { $months } month after the event.
   *[other] The name and e-mail of someone who registered without an account are removed { $months } months after the event.
}
privacy-input = Input: the text, and your name and e-mail if you give them
privacy-input-why = To make use of your input and be able to answer you.
privacy-input-how-long = { $months ->
    [one] The contact details are removed { $months } month after the input was handled; the text stays.
   *[other] The contact details are removed { $months } months after the input was handled; the text stays.
}
privacy-sessions = Sign-ins and set-password links
privacy-sessions-why = To keep your account safe.
privacy-sessions-how-long = Deleted once they have expired.
privacy-contributions = Contributions: notes, ratings, home assignments, texts
privacy-contributions-why = They are the process's shared results.
privacy-contributions-how-long = As long as the process exists; after anonymisation they are shown as a former participant's of the organisation.
privacy-rights-heading = Your rights
privacy-rights-members = With an account you can download everything we keep about you at any time:
privacy-rights-download = your data as JSON.
privacy-rights-others = Without an account, or to have data corrected or removed, contact the data controller.
privacy-rights-erasure = Someone who no longer takes part can be anonymised: their name and e-mail are replaced, and their contributions stay as a former participant's.
privacy-former-participant = a former participant of { $organisation }
privacy-anonymised = Anonymised
account-title = Your data
account-data-heading = Everything we keep about you
account-data-text = Download your data as one file: your profile, your registrations and answers, ratings, notes, sources, consequences and comments, home assignments you wrote, input sent from your address, your sign-ins and the log entries about you.
account-data-download = Download my data (JSON)
account-privacy-link = How we handle personal data
account-my-events = My events
anonymise-heading = Anonymise
anonymise-help = Once someone has left, their name and e-mail can be removed; their contributions stay.
anonymise-start = Anonymise…
anonymise-title = Anonymise a person
anonymise-who = You are about to anonymise { $name } ({ $email }), { $organisation }.
anonymise-what-heading = What happens
anonymise-effect-name = The name is replaced: the person is shown as a former participant of { $organisation }.
anonymise-effect-email = The e-mail address is replaced by a placeholder that is no address.
anonymise-effect-access = The account is deactivated; sign-ins, set-password links and calendar feeds are deleted.
anonymise-effect-registrations = The name and e-mail in the person's registrations are replaced.
anonymise-effect-contributions = Notes, ratings, home assignments, texts and log entries stay, without a name.
anonymise-irreversible = This cannot be undone.
anonymise-confirm = I understand, anonymise this person
anonymise-submit = Anonymise
anonymise-already = This person is anonymised already: a former participant of { $organisation }.
anonymise-last-administrator = The last administrator cannot be anonymised. Give someone else the role first.
anonymised-refused = This person has been anonymised: the account cannot be changed or opened again.
privacy-messages = E-mail we send you: the recipient, what the message was about and when it was sent
privacy-messages-why = To see that messages arrive and send them again when needed.
privacy-messages-how-long = As long as the account or registration exists; links in messages are kept only until the message is sent. Unconfirmed registrations are removed after two days.
