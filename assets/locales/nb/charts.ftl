# Framsyn: interface texts of the area "charts", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

radar-title = Trendradar
driver-map-title = Drivkraftkart

radar-no-band = Ingen tidsperiode
radar-help = Sektorene er STEEP+V-kategoriene og ringene tidsperiodene, den nærmeste innerst. Jo større markering, desto større medianpåvirkning; formen viser notattypen. Numrene viser til tabellen under bildet.
radar-desc = { $count ->
    [one] Trendradar med { $count } notat ordnet etter kategori og tidsperiode. De samme opplysningene står i tabellen under bildet.
   *[other] Trendradar med { $count } notater ordnet etter kategori og tidsperiode. De samme opplysningene står i tabellen under bildet.
}
radar-table-caption = Notatene på radaren
radar-median-impact = Medianpåvirkning
chart-number = Nr.
shape-circle = Sirkel
shape-square = Kvadrat
shape-triangle = Trekant
shape-diamond = Rombe
shape-hexagon = Sekskant
shape-star = Stjerne
shape-cross = Kryss
quadrant-critical_uncertainties = Kritiske usikkerheter
quadrant-predetermined = Forutbestemte trender
quadrant-wild_cards_to_watch = Å følge med på
quadrant-background = Bakgrunn
driver-map-needs-criteria = Drivkraftkartet krever at runden vurderer både påvirkning og usikkerhet.
driver-map-help = Hvert notat står ved medianen for påvirkning (vannrett) og usikkerhet (loddrett); strekene viser kvartilavstanden. Notatene øverst til høyre, stor påvirkning og stor usikkerhet, er kandidater til scenarioakser.
driver-map-desc = { $count ->
    [one] Drivkraftkart med { $count } notat etter påvirkning og usikkerhet. De samme opplysningene står i tabellen under bildet.
   *[other] Drivkraftkart med { $count } notater etter påvirkning og usikkerhet. De samme opplysningene står i tabellen under bildet.
}
driver-table-caption = Notatene på drivkraftkartet
driver-impact-median = Påvirkning, median
driver-impact-quartiles = Påvirkning, kvartiler
driver-uncertainty-median = Usikkerhet, median
driver-uncertainty-quartiles = Usikkerhet, kvartiler
driver-quadrant = Felt
driver-not-placed = Ikke vurdert ennå
round-note-in-bank = Notatet i banken
round-distribution-link = fordeling
distribution-title = Svarenes fordeling: { $criterion }
distribution-desc = { $n } svar på skalaen, median { $median }, kvartilavstand { $iqr }, { $dont_know } vet ikke. Antallet per skalatrinn står i tabellen.
distribution-own = Ditt svar: { $answer } (markert i bildet).
distribution-table = { $criterion }: antall svar per skalatrinn og organisasjon
driver-impact-n = Påvirkning, antall svar (n)
driver-uncertainty-n = Usikkerhet, antall svar (n)
driver-map-midline = En median nøyaktig på midtlinjen (3) regnes som lav: bare en median over 3 regnes som stor påvirkning eller stor usikkerhet.
chart-not-rated = Ikke vurdert ennå
chart-legend = Tegnforklaring
radar-size-key = Jo større markering, desto større medianpåvirkning. En stiplet, tom markering er ikke vurdert ennå.
radar-list = Notatene som liste, per ring og sektor
chart-download-svg = Last ned SVG
chart-download-png = Last ned PNG
