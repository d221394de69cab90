# The final publication as a PDF report (render::report, web::report).
report-contents = Innhold
report-figures = Figurer
report-tables = Tabeller
report-edition = Utgave
report-preview = Forhåndsversjon
report-page-number = Side { $page } av { $pages }
report-download = Last ned rapporten som PDF
report-edition-of = Utgave { $date }
report-no-edition = Ingen utgave av rapporten er publisert ennå.
report-preview-link = Forhåndsvis rapporten som PDF
report-publish = Publiser en ny utgave av rapporten
report-published = En ny utgave av rapporten er publisert.
report-missing-title = Rapporten finnes ikke ennå
report-missing-body = Sluttpublikasjonen har ennå ingen utgave som PDF. Les den på nettet i mellomtiden.
report-missing-link = Les sluttpublikasjonen
report-error-incomplete = Rapporten må bygges på svensk, norsk og engelsk på én gang.
