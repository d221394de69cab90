# The final publication as a PDF report (render::report, web::report).
report-contents = Innehåll
report-figures = Figurer
report-tables = Tabeller
report-edition = Utgåva
report-preview = Förhandsversion
report-page-number = Sida { $page } av { $pages }
report-download = Ladda ner rapporten som PDF
report-edition-of = Utgåva { $date }
report-no-edition = Ingen utgåva av rapporten är publicerad ännu.
report-preview-link = Förhandsgranska rapporten som PDF
report-publish = Publicera en ny utgåva av rapporten
report-published = En ny utgåva av rapporten är publicerad.
report-missing-title = Rapporten finns inte ännu
report-missing-body = Slutpublikationen har ännu ingen utgåva som PDF. Läs den på webben under tiden.
report-missing-link = Läs slutpublikationen
report-error-incomplete = Rapporten måste byggas på svenska, norska och engelska på en gång.
