# Framsyn: interface texts of the area "search", in Swedish.
# Each key lives in one file, the same file in all three languages.

search-title = Sök i arbetsrummet
search-label = Sök i arbetsytan
search-notes = Notiser
search-sources = Källor
search-methods = Metoder
search-count = { $count ->
    [one] { $count } träff
   *[other] { $count } träffar
}
search-all-notes = Alla träffar bland notiserna
search-all-sources = Alla träffar bland källorna
search-help = Så söker du
search-help-words = Flera ord: notiser, källor och metoder som har alla orden (eller ord som börjar så).
search-help-phrase = "inom citattecken": precis den frasen, orden i den ordningen.
search-help-not = -ord eller -"en fras": utan det som har ordet eller frasen.
search-help-or = OR med versaler mellan ord: det som har något av dem, till exempel vätgas OR elbilar.
