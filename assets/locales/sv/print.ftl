# Utskrift: sidnummer i sidfoten
print-page-number = Sida { $page } av { $pages }
