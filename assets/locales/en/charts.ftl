# Framsyn: interface texts of the area "charts", in English.
# Each key lives in one file, the same file in all three languages.

radar-title = Trend radar
driver-map-title = Driver map

radar-no-band = No time band
radar-help = The sectors are the STEEP+V categories and the rings the time bands, the nearest innermost. The larger the marker, the larger the median impact; the shape shows the note type. The numbers refer to the table below the picture.
radar-desc = { $count ->
    [one] Trend radar of { $count } note by category and time band. The same information is in the table below the picture.
   *[other] Trend radar of { $count } notes by category and time band. The same information is in the table below the picture.
}
radar-table-caption = The notes on the radar
radar-median-impact = Median impact
chart-number = No.
shape-circle = Circle
shape-square = Square
shape-triangle = Triangle
shape-diamond = Diamond
shape-hexagon = Hexagon
shape-star = Star
shape-cross = Cross
quadrant-critical_uncertainties = Critical uncertainties
quadrant-predetermined = Predetermined trends
quadrant-wild_cards_to_watch = To watch
quadrant-background = Background
driver-map-needs-criteria = The driver map needs the round to rate both impact and uncertainty.
driver-map-help = Each note stands at its median impact (across) and uncertainty (up); the lines show the interquartile range. The notes at the top right, high impact and high uncertainty, are the candidates for scenario axes.
driver-map-desc = { $count ->
    [one] Driver map of { $count } note by impact and uncertainty. The same information is in the table below the picture.
   *[other] Driver map of { $count } notes by impact and uncertainty. The same information is in the table below the picture.
}
driver-table-caption = The notes on the driver map
driver-impact-median = Impact, median
driver-impact-quartiles = Impact, quartiles
driver-uncertainty-median = Uncertainty, median
driver-uncertainty-quartiles = Uncertainty, quartiles
driver-quadrant = Quadrant
driver-not-placed = Not rated yet
round-note-in-bank = The note in the bank
round-distribution-link = distribution
distribution-title = Distribution of answers: { $criterion }
distribution-desc = { $n ->
    [one] { $n } answer on the scale, median { $median }, IQR { $iqr }, { $dont_know } don't know. The count per scale point is in the table.
   *[other] { $n } answers on the scale, median { $median }, IQR { $iqr }, { $dont_know } don't know. The count per scale point is in the table.
}
distribution-own = Your answer: { $answer } (marked in the picture).
distribution-table = { $criterion }: answers per scale point and organisation
driver-impact-n = Impact, answers (n)
driver-uncertainty-n = Uncertainty, answers (n)
driver-map-midline = A median exactly on the midline (3) counts as low: only a median above 3 counts as high impact or high uncertainty.
chart-not-rated = Not rated yet
chart-legend = Legend
radar-size-key = The larger the marker, the larger the median impact. A dashed, hollow marker is not rated yet.
radar-list = The notes as a list, by ring and sector
chart-download-svg = Download SVG
chart-download-png = Download PNG
