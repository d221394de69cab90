# Framsyn: interface texts of the area "sources", in Swedish.
# Each key lives in one file, the same file in all three languages.

sources-title = Källbanken
sources-intro = Rapporter, prognoser, scenariostudier, statistik och annat som notiserna i omvärldsbanken bygger på. Källorna är till för medlemmarna.
sources-search = Sök bland källorna
sources-count = { $count ->
    [one] { $count } källa
   *[other] { $count } källor
}
sources-count-more = Fler än { $count } källor: förfina sökningen.
source-new = Ny källa
source-edit = Ändra källa
source-number = Nr { $number }
source-kind = Typ av källa
source-kind-report = Rapport
source-kind-forecast = Prognos
source-kind-scenario_study = Scenariostudie
source-kind-statistics = Statistik
source-kind-article = Artikel
source-kind-dataset = Datamängd
source-title = Titel
source-publisher = Utgivare
source-publisher-hint = Myndighet, organisation eller förlag, till exempel Länsstyrelsen i Skåne eller SCB.
source-authors = Författare
source-year = Utgivningsår
source-year-hint = Fyra siffror, till exempel 2024.
source-link = Länk
source-link-hint = En webbadress som börjar med https://.
source-language = Språk
source-language-hint = En språkkod, till exempel sv, nb, en, da, fi, de eller fr.
source-added-by = Tillagd av
source-added-by-organisation = Tillagd av { $organisation }
source-citing-notes = Notiser som hänvisar till källan
source-no-citing-notes = Ingen notis som du kan se hänvisar till källan än.
stance-supports = Stöder
stance-contradicts = Motsäger
stance-context = Ger sammanhang
note-sources = Källor
note-no-sources = Notisen hänvisar inte till någon källa än.
note-cite = Hänvisa till en källa
note-cite-help = Källan behöver finnas i källbanken. Du hittar dess nummer där.
note-cite-find = Sök i källbanken
note-cite-number = Källans nummer
note-cite-number-hint = Numret står vid källan i källbanken, till exempel 12.
note-cite-stance = Hur källan förhåller sig till notisen
note-cite-button = Lägg till källan
note-uncite = Ta bort
error-source-kind = Välj en typ av källa i listan.
error-source-year = Skriv ett årtal mellan 1900 och 2100, till exempel 2024.
error-source-link = Skriv en fullständig webbadress som börjar med https:// eller http://.
error-source-language = Skriv en språkkod med två eller tre bokstäver, till exempel sv, nb eller en.
error-source-number = Skriv källans nummer som ett heltal, till exempel 12.
error-source-missing = Det finns ingen källa med det numret. Sök i källbanken för att hitta rätt nummer.
error-source-stale-edit = Någon annan har ändrat källan medan du skrev.
