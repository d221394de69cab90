# Framsyn: interface texts of the area "search", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

search-title = Søk i arbeidsrommet
search-label = Søk blant notater, kilder og metoder
search-notes = Notater
search-sources = Kilder
search-methods = Metoder
search-count = { $count } treff
search-all-notes = Alle treff blant notatene
search-all-sources = Alle treff blant kildene
