# Tabelleksporter: XLSX for regneark ved siden av CSV

export-xlsx = Excel (XLSX)
export-xlsx-label = Last ned som Excel-fil (XLSX)

# Kolonneoverskrifter i bankens eksport (CSV-filen beholder maskinnavnene som importen leser)
bank-column-id = Nummer
bank-column-type = Type
bank-column-title = Overskrift
bank-column-summary = Sammendrag
bank-column-implications = Konsekvenser
bank-column-category = Kategori
bank-column-secondary = Andre kategorier
bank-column-direction = Retning
bank-column-time_band = Tidsperiode
bank-column-scope = Geografisk rekkevidde
bank-column-tags = Stikkord
bank-column-phase = Fase
bank-column-parent = Overordnet notis
bank-column-status = Status
bank-column-public = Offentlig
bank-column-organisation = Organisasjon
bank-column-author = Forfatter
bank-column-created = Opprettet
bank-column-updated = Endret
