# Framsyn: interface texts of the area "charts", in Swedish.
# Each key lives in one file, the same file in all three languages.

radar-title = Trendradar
driver-map-title = Drivkraftskarta

radar-no-band = Ingen tidsperiod
radar-help = Sektorerna är STEEP+V-kategorierna och ringarna tidsperioderna, den närmaste innerst. Ju större markering, desto större medianpåverkan; formen visar notistypen. Numren hänvisar till tabellen under bilden.
radar-desc = { $count ->
    [one] Trendradar med { $count } notis ordnad efter kategori och tidsperiod. Samma uppgifter finns i tabellen under bilden.
   *[other] Trendradar med { $count } notiser ordnade efter kategori och tidsperiod. Samma uppgifter finns i tabellen under bilden.
}
radar-table-caption = Notiserna på radarn
radar-median-impact = Medianpåverkan
chart-number = Nr
shape-circle = Cirkel
shape-square = Kvadrat
shape-triangle = Triangel
shape-diamond = Romb
shape-hexagon = Sexhörning
shape-star = Stjärna
shape-cross = Kryss
quadrant-critical_uncertainties = Kritiska osäkerheter
quadrant-predetermined = Förutbestämda trender
quadrant-wild_cards_to_watch = Att bevaka
quadrant-background = Bakgrund
driver-map-needs-criteria = Drivkraftskartan behöver att omgången skattar både påverkan och osäkerhet.
driver-map-help = Varje notis står vid medianen för påverkan (vågrätt) och osäkerhet (lodrätt); strecken visar kvartilavståndet. Notiserna uppe till höger, stor påverkan och stor osäkerhet, är kandidater till scenarioaxlar.
driver-map-desc = { $count ->
    [one] Drivkraftskarta med { $count } notis efter påverkan och osäkerhet. Samma uppgifter finns i tabellen under bilden.
   *[other] Drivkraftskarta med { $count } notiser efter påverkan och osäkerhet. Samma uppgifter finns i tabellen under bilden.
}
driver-table-caption = Notiserna på drivkraftskartan
driver-impact-median = Påverkan, median
driver-impact-quartiles = Påverkan, kvartiler
driver-uncertainty-median = Osäkerhet, median
driver-uncertainty-quartiles = Osäkerhet, kvartiler
driver-quadrant = Fält
driver-not-placed = Inte skattad än
round-note-in-bank = Notisen i banken
round-distribution-link = fördelning
distribution-title = Svarens fördelning: { $criterion }
distribution-desc = { $n } svar på skalan, median { $median }, kvartilavstånd { $iqr }, { $dont_know } vet inte. Antalet per skalsteg finns i tabellen.
distribution-own = Ditt svar: { $answer } (markerat i bilden).
distribution-table = { $criterion }: antal svar per skalsteg och organisation
driver-impact-n = Påverkan, antal svar (n)
driver-uncertainty-n = Osäkerhet, antal svar (n)
driver-map-midline = En median exakt på mittlinjen (3) räknas som låg: bara en median över 3 räknas som hög påverkan eller hög osäkerhet.
chart-not-rated = Inte skattad än
chart-legend = Teckenförklaring
radar-size-key = Ju större markering, desto större medianpåverkan. En streckad, ofylld markering är inte skattad än.
radar-list = Notiserna som lista, per ring och sektor
chart-download-svg = Ladda ned SVG
chart-download-png = Ladda ned PNG
