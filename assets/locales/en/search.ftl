# Framsyn: interface texts of the area "search", in English.
# Each key lives in one file, the same file in all three languages.

search-title = Search the workspace
search-label = Search notes, sources and methods
search-notes = Notes
search-sources = Sources
search-methods = Methods
search-count = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}
search-all-notes = All matching notes
search-all-sources = All matching sources
