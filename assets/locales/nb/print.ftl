# Utskrift: sidetall i bunnteksten
print-page-number = Side { $page } av { $pages }
