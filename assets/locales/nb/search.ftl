# Framsyn: interface texts of the area "search", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

search-title = Søk i arbeidsrommet
search-label = Søk i arbeidsflaten
search-notes = Notater
search-sources = Kilder
search-methods = Metoder
search-count = { $count } treff
search-all-notes = Alle treff blant notatene
search-all-sources = Alle treff blant kildene
search-help = Slik søker du
search-help-words = Flere ord: notater, kilder og metoder som har alle ordene (eller ord som begynner slik).
search-help-phrase = "i anførselstegn": nøyaktig den frasen, ordene i den rekkefølgen.
search-help-not = -ord eller -"en frase": uten det som har ordet eller frasen.
search-help-or = OR med store bokstaver mellom ord: det som har ett av dem, for eksempel hydrogen OR elbiler.
