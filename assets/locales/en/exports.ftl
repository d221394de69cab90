# Table exports: XLSX for spreadsheets beside CSV

export-xlsx = Excel (XLSX)
export-xlsx-label = Download as an Excel file (XLSX)

# Column headings of the bank's export (the CSV keeps the machine names the import reads)
bank-column-id = Number
bank-column-type = Type
bank-column-title = Title
bank-column-summary = Summary
bank-column-implications = Implications
bank-column-category = Category
bank-column-secondary = Other categories
bank-column-direction = Direction
bank-column-time_band = Time band
bank-column-scope = Geographic scope
bank-column-tags = Tags
bank-column-phase = Phase
bank-column-parent = Parent note
bank-column-status = Status
bank-column-public = Public
bank-column-organisation = Organisation
bank-column-author = Author
bank-column-created = Created
bank-column-updated = Updated
