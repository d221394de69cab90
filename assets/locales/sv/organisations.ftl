# Framsyn: interface texts of the area "organisations", in Swedish.
# Each key lives in one file, the same file in all three languages.

organisations-title = Organisationer
organisations-caption = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisationer
}
organisation-new = Ny organisation
organisation-edit = Ändra organisation
org-name = Namn
org-category = Kategori
org-contact = Kontaktperson
org-contact-name = Kontaktperson
org-contact-email = E-post
org-contact-phone = Telefon
org-postal-address = Postadress
org-address = Gatu- eller boxadress
org-postcode = Postnummer
org-city = Ort
org-members = Medlemmar
org-no-members = Organisationen har inga användare än.
category-metropolitan_region = Storstadsregion
category-region = Region
category-agency = Myndighet / SKL
category-partner = Partner
category-board = Styrelse
address-list-title = Adresslista
address-list-caption = { $count ->
    [one] Postadress till { $count } organisation
   *[other] Postadresser till { $count } organisationer
}
address-list-csv = Ladda ned som CSV
