# Framsyn: interface texts of the area "search", in Swedish.
# Each key lives in one file, the same file in all three languages.

search-title = Sök i arbetsrummet
search-label = Sök bland notiser, källor och metoder
search-notes = Notiser
search-sources = Källor
search-methods = Metoder
search-count = { $count ->
    [one] { $count } träff
   *[other] { $count } träffar
}
search-all-notes = Alla träffar bland notiserna
search-all-sources = Alla träffar bland källorna
