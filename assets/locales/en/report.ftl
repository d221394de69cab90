# The final publication as a PDF report (render::report, web::report).
report-contents = Contents
report-figures = Figures
report-tables = Tables
report-edition = Edition
report-preview = Preview
report-page-number = Page { $page } of { $pages }
report-download = Download the report as PDF
report-edition-of = Edition of { $date }
report-no-edition = No edition of the report has been published yet.
report-preview-link = Preview the report as PDF
report-publish = Publish a new edition of the report
report-published = A new edition of the report has been published.
report-missing-title = The report does not exist yet
report-missing-body = The final publication has no PDF edition yet. Read it on the web meanwhile.
report-missing-link = Read the final publication
report-error-incomplete = The report must be built in Swedish, Norwegian and English at once.
