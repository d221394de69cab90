# Framsyn: interface texts of the area "organisations", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

organisations-title = Organisasjoner
organisations-caption = { $count ->
    [one] { $count } organisasjon
   *[other] { $count } organisasjoner
}
organisation-new = Ny organisasjon
organisation-edit = Endre organisasjon
org-name = Navn
org-category = Kategori
org-contact = Kontaktperson
org-contact-name = Kontaktperson
org-contact-email = E-post
org-contact-phone = Telefon
org-postal-address = Postadresse
org-address = Gate- eller postboksadresse
org-postcode = Postnummer
org-city = Poststed
org-members = Medlemmer
org-no-members = Organisasjonen har ingen brukere ennå.
category-metropolitan_region = Storbyregion
category-region = Region / fylkeskommune
category-agency = Myndighet / SKL
category-partner = Partner
category-board = Styre
address-list-title = Adresseliste
address-list-caption = { $count ->
    [one] Postadresse til { $count } organisasjon
   *[other] Postadresser til { $count } organisasjoner
}
address-list-csv = Last ned som CSV
