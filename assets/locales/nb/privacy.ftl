# Personal data: the privacy page, one's own data, anonymising a person.
privacy-link = Slik behandler vi personopplysninger
privacy-form-notice = Vi lagrer det du sender her i tråd med personvernerklæringen vår.
privacy-title = Personopplysninger
privacy-intro = Her står hvilke personopplysninger { $programme } lagrer, hvorfor, hvor lenge, og hvordan du får vite hva som finnes om deg.
privacy-controller-heading = Behandlingsansvarlig
privacy-controller = Behandlingsansvarlig er { $controller }.
privacy-contact = Spørsmål om opplysningene dine sender du til
privacy-stored-heading = Hva vi lagrer
privacy-stored-caption = Personopplysninger, hvorfor de lagres og hvor lenge
privacy-what = Opplysninger
privacy-why = Hvorfor
privacy-how-long = Hvor lenge
privacy-accounts = Kontoer: navn, e-post, organisasjon og roller
privacy-accounts-why = For at du skal kunne logge inn og arbeide i prosessen for organisasjonen din.
privacy-accounts-how-long = Så lenge du deltar; en administrator kan anonymisere deg når du har sluttet.
privacy-registrations = Påmeldinger til samlinger: navn, e-post og svar
privacy-registrations-why = For å planlegge samlingen og kontakte deltakerne.
privacy-registrations-how-long = { $months ->
    [one] Navn og e-post for den som meldte seg på uten konto slettes { $months } måned etter samlingen.
   *[other] Navn og e-post for den som meldte seg på uten konto slettes { $months } måneder etter samlingen.
}
privacy-input = Innspill: tekst, navn og e-post hvis du oppgir dem
privacy-input-why = For å ta vare på innspillet og kunne svare deg.
privacy-input-how-long = { $months ->
    [one] Kontaktopplysningene slettes { $months } måned etter at innspillet er behandlet; teksten blir stående.
   *[other] Kontaktopplysningene slettes { $months } måneder etter at innspillet er behandlet; teksten blir stående.
}
privacy-sessions = Innlogginger og lenker for å velge passord
privacy-sessions-why = For å holde kontoen din sikker.
privacy-sessions-how-long = Slettes når de er utløpt.
privacy-contributions = Bidrag: notater, vurderinger, hjemmeoppgaver, tekster
privacy-contributions-why = De er prosessens felles resultater.
privacy-contributions-how-long = Så lenge prosessen finnes; etter anonymisering står de som en tidligere deltakers i organisasjonen.
privacy-rights-heading = Rettighetene dine
privacy-rights-members = Har du en konto, kan du når som helst laste ned alt vi lagrer om deg:
privacy-rights-download = opplysningene dine som JSON.
privacy-rights-others = Har du ingen konto, eller vil du at opplysninger skal rettes eller slettes, kontakt den behandlingsansvarlige.
privacy-rights-erasure = Den som ikke lenger deltar, kan anonymiseres: navn og e-post erstattes, og bidragene blir stående som en tidligere deltakers.
privacy-former-participant = en tidligere deltaker fra { $organisation }
privacy-anonymised = Anonymisert
account-title = Opplysningene dine
account-data-heading = Alt vi lagrer om deg
account-data-text = Last ned opplysningene dine som en fil: profilen din, påmeldinger og svar, vurderinger, notater, kilder, konsekvenser og kommentarer, hjemmeoppgaver du har skrevet, innspill sendt fra adressen din, innloggingene dine og loggføringer om deg.
account-data-download = Last ned opplysningene mine (JSON)
account-privacy-link = Slik behandler vi personopplysninger
account-my-events = Mine samlinger
anonymise-heading = Anonymiser
anonymise-help = Når noen har sluttet, kan navn og e-post fjernes; bidragene blir stående.
anonymise-start = Anonymiser…
anonymise-title = Anonymiser en person
anonymise-who = Du er i ferd med å anonymisere { $name } ({ $email }), { $organisation }.
anonymise-what-heading = Dette skjer
anonymise-effect-name = Navnet erstattes: personen vises som en tidligere deltaker fra { $organisation }.
anonymise-effect-email = E-postadressen erstattes med en plassholder som ikke er en adresse.
anonymise-effect-access = Kontoen deaktiveres; innlogginger, passordlenker og kalenderstrømmer slettes.
anonymise-effect-registrations = Navn og e-post i personens påmeldinger erstattes.
anonymise-effect-contributions = Notater, vurderinger, hjemmeoppgaver, tekster og loggføringer blir stående, uten navn.
anonymise-irreversible = Dette kan ikke angres.
anonymise-confirm = Jeg forstår, anonymiser personen
anonymise-submit = Anonymiser
anonymise-already = Personen er allerede anonymisert: en tidligere deltaker fra { $organisation }.
anonymise-last-administrator = Den siste administratoren kan ikke anonymiseres. Gi noen andre rollen først.
anonymised-refused = Personen er anonymisert: kontoen kan ikke endres eller åpnes igjen.
privacy-messages = E-post vi sender deg: mottaker, hva meldingen gjaldt og når den ble sendt
privacy-messages-why = For å se at meldinger kommer frem og sende dem på nytt om nødvendig.
privacy-messages-how-long = Så lenge kontoen eller påmeldingen finnes; lenker i meldingene lagres bare til meldingen er sendt. Ubekreftede påmeldinger slettes etter to døgn.
