# Personal data: the privacy page, one's own data, anonymising a person.
privacy-link = Så behandlar vi personuppgifter
privacy-form-notice = Vi sparar det du skickar här enligt vår integritetspolicy.
privacy-title = Personuppgifter
privacy-intro = Här står vilka personuppgifter { $programme } sparar, varför, hur länge, och hur du får veta vad som finns om dig.
privacy-controller-heading = Personuppgiftsansvarig
privacy-controller = Personuppgiftsansvarig är { $controller }.
privacy-contact = Frågor om dina uppgifter skickar du till
privacy-stored-heading = Vad vi sparar
privacy-stored-caption = Personuppgifter, varför de sparas och hur länge
privacy-what = Uppgifter
privacy-why = Varför
privacy-how-long = Hur länge
privacy-accounts = Konton: namn, e-post, organisation och roller
privacy-accounts-why = För att du ska kunna logga in och arbeta i processen för din organisation.
privacy-accounts-how-long = Så länge du deltar; en administratör kan avidentifiera dig när du har slutat.
privacy-registrations = Anmälningar till träffar: namn, e-post och svar
privacy-registrations-why = För att planera träffen och kontakta deltagarna.
privacy-registrations-how-long = { $months ->
    [one] Namn och e-post för den som anmält sig utan konto tas bort { $months } månad efter träffen.
   *[other] Namn och e-post för den som anmält sig utan konto tas bort { $months } månader efter träffen.
}
privacy-input = Inspel: text, namn och e-post om du lämnar dem
privacy-input-why = För att ta vara på inspelet och kunna svara dig.
privacy-input-how-long = { $months ->
    [one] Kontaktuppgifterna tas bort { $months } månad efter att inspelet har behandlats; texten finns kvar.
   *[other] Kontaktuppgifterna tas bort { $months } månader efter att inspelet har behandlats; texten finns kvar.
}
privacy-sessions = Inloggningar och länkar för att välja lösenord
privacy-sessions-why = För att hålla ditt konto säkert.
privacy-sessions-how-long = Tas bort när de har gått ut.
privacy-contributions = Bidrag: anteckningar, bedömningar, hemuppgifter, texter
privacy-contributions-why = De är processens gemensamma resultat.
privacy-contributions-how-long = Så länge processen finns; efter avidentifiering står de som en tidigare deltagares i organisationen.
privacy-rights-heading = Dina rättigheter
privacy-rights-members = Har du ett konto kan du när som helst ladda ner allt vi sparar om dig:
privacy-rights-download = dina uppgifter som JSON.
privacy-rights-others = Har du inget konto, eller vill du att uppgifter rättas eller tas bort, kontakta den personuppgiftsansvarige.
privacy-rights-erasure = Den som inte längre deltar kan avidentifieras: namn och e-post ersätts, och bidragen står kvar som en tidigare deltagares.
privacy-former-participant = en tidigare deltagare från { $organisation }
privacy-anonymised = Avidentifierad
account-title = Dina uppgifter
account-data-heading = Allt vi sparar om dig
account-data-text = Ladda ner dina uppgifter som en fil: din profil, dina anmälningar och svar, bedömningar, anteckningar, källor, konsekvenser och kommentarer, hemuppgifter du har skrivit, inspel skickade från din adress, dina inloggningar och loggposter om dig.
account-data-download = Ladda ner mina uppgifter (JSON)
account-privacy-link = Så behandlar vi personuppgifter
account-my-events = Mina träffar
anonymise-heading = Avidentifiera
anonymise-help = När någon har slutat kan hens namn och e-post tas bort; bidragen står kvar.
anonymise-start = Avidentifiera…
anonymise-title = Avidentifiera en person
anonymise-who = Du är på väg att avidentifiera { $name } ({ $email }), { $organisation }.
anonymise-what-heading = Det här händer
anonymise-effect-name = Namnet ersätts: personen visas som en tidigare deltagare från { $organisation }.
anonymise-effect-email = E-postadressen ersätts med en platshållare som inte är en adress.
anonymise-effect-access = Kontot inaktiveras; inloggningar, lösenordslänkar och kalenderflöden tas bort.
anonymise-effect-registrations = Namn och e-post i personens anmälningar ersätts.
anonymise-effect-contributions = Anteckningar, bedömningar, hemuppgifter, texter och loggposter står kvar, utan namn.
anonymise-irreversible = Det går inte att ångra.
anonymise-confirm = Jag förstår, avidentifiera personen
anonymise-submit = Avidentifiera
anonymise-already = Personen är redan avidentifierad: en tidigare deltagare från { $organisation }.
anonymise-last-administrator = Den sista administratören kan inte avidentifieras. Ge någon annan rollen först.
anonymised-refused = Personen är avidentifierad: kontot kan inte ändras eller öppnas igen.
privacy-messages = E-post vi skickar dig: mottagare, vad meddelandet gällde och när det skickades
privacy-messages-why = För att se att meddelanden kommer fram och skicka dem igen om det behövs.
privacy-messages-how-long = Så länge kontot eller anmälan finns; länkar i meddelandena sparas bara tills meddelandet har skickats. Obekräftade anmälningar tas bort efter två dygn.
