# Framsyn: interface texts of the area "search", in English.
# Each key lives in one file, the same file in all three languages.

search-title = Search the workspace
search-label = Search the workspace
search-notes = Notes
search-sources = Sources
search-methods = Methods
search-count = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}
search-all-notes = All matching notes
search-all-sources = All matching sources
search-help = How to search
search-help-words = Several words: notes, sources and methods that have all the words (or words that begin so).
search-help-phrase = "in quotation marks": exactly that phrase, the words in that order.
search-help-not = -word or -"a phrase": without what has the word or the phrase.
search-help-or = OR in capitals between words: what has either, for example hydrogen OR "electric cars".
