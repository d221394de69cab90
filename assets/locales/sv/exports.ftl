# Tabellexporter: XLSX för kalkylprogram bredvid CSV

export-xlsx = Excel (XLSX)
export-xlsx-label = Hämta som Excel-fil (XLSX)

# Kolumnrubriker i bankens export (CSV-filen behåller sina maskinnamn, som importen läser)
bank-column-id = Nummer
bank-column-type = Typ
bank-column-title = Rubrik
bank-column-summary = Sammanfattning
bank-column-implications = Konsekvenser
bank-column-category = Kategori
bank-column-secondary = Andra kategorier
bank-column-direction = Riktning
bank-column-time_band = Tidsperiod
bank-column-scope = Geografisk räckvidd
bank-column-tags = Taggar
bank-column-phase = Fas
bank-column-parent = Överordnad notis
bank-column-status = Status
bank-column-public = Publik
bank-column-organisation = Organisation
bank-column-author = Författare
bank-column-created = Skapad
bank-column-updated = Ändrad
