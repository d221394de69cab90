# Framsyn: interface texts of the area "sources", in English.
# Each key lives in one file, the same file in all three languages.

sources-title = Source bank
sources-intro = Reports, forecasts, scenario studies, statistics and more that the notes in the bank rest on. Sources are for members.
sources-search = Search the sources
sources-count = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
sources-count-more = More than { $count } sources: narrow the search.
source-new = New source
source-edit = Edit source
source-number = No. { $number }
source-kind = Kind of source
source-kind-report = Report
source-kind-forecast = Forecast
source-kind-scenario_study = Scenario study
source-kind-statistics = Statistics
source-kind-article = Article
source-kind-dataset = Dataset
source-title = Title
source-publisher = Publisher
source-publisher-hint = Agency, organisation or publishing house, for example Statistics Sweden.
source-authors = Authors
source-year = Year of publication
source-year-hint = Four digits, for example 2024.
source-link = Link
source-link-hint = A web address starting with https://.
source-language = Language
source-language-hint = A language code, for example sv, nb, en, da, fi, de or fr.
source-added-by = Added by
source-added-by-organisation = Added by { $organisation }
source-citing-notes = Notes citing this source
source-no-citing-notes = No note you can see cites this source yet.
stance-supports = Supports
stance-contradicts = Contradicts
stance-context = Context
note-sources = Sources
note-no-sources = This note cites no source yet.
note-cite = Cite a source
note-cite-help = The source needs to be in the source bank; its number is shown there.
note-cite-find = Search the source bank
note-cite-number = Source number
note-cite-number-hint = The number shown with the source in the source bank, for example 12.
note-cite-stance = How the source relates to the note
note-cite-button = Add the source
note-uncite = Remove
error-source-kind = Choose a kind of source from the list.
error-source-year = Enter a year between 1900 and 2100, for example 2024.
error-source-link = Enter a full web address starting with https:// or http://.
error-source-language = Enter a language code of two or three letters, for example sv, nb or en.
error-source-number = Enter the source's number as a whole number, for example 12.
error-source-missing = There is no source with that number. Search the source bank to find the right one.
error-source-stale-edit = Someone else changed the source while you were writing.
