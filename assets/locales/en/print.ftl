# Printing: page numbers in the footer
print-page-number = Page { $page } of { $pages }
