# Framsyn: interface texts of the area "organisations", in English.
# Each key lives in one file, the same file in all three languages.

organisations-title = Organisations
organisations-caption = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
organisation-new = New organisation
organisation-edit = Edit organisation
org-name = Name
org-category = Category
org-contact = Contact person
org-contact-name = Contact person
org-contact-email = Email
org-contact-phone = Telephone
org-postal-address = Postal address
org-address = Street address or PO box
org-postcode = Postcode
org-city = Town
org-members = Members
org-no-members = The organisation has no users yet.
category-metropolitan_region = Metropolitan region
category-region = Region
category-agency = Government agency / SKL
category-partner = Partner
category-board = Board
address-list-title = Address list
address-list-caption = { $count ->
    [one] Postal address of { $count } organisation
   *[other] Postal addresses of { $count } organisations
}
address-list-csv = Download as CSV
