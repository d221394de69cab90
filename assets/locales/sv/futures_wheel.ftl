# Framsyn: interface texts of the area "futures_wheel", in Swedish.
# Each key lives in one file, the same file in all three languages.

wheel-title = Framtidshjul
wheel-desc = { $count ->
    [one] Ett framtidshjul med en konsekvens kring förändringen i mitten. Första ordningens konsekvenser står på den inre ringen, andra och tredje ordningens längre ut, var och en förbunden med den den följer av. Varje konsekvens är märkt med sitt tecken: + möjlighet, − hot, ± både och, ? ej angiven.
   *[other] Ett framtidshjul med { $count } konsekvenser kring förändringen i mitten. Första ordningens konsekvenser står på den inre ringen, andra och tredje ordningens längre ut, var och en förbunden med den den följer av. Varje konsekvens är märkt med sitt tecken: + möjlighet, − hot, ± både och, ? ej angiven.
}
wheel-help = Hjulet visar vad som följer av förändringen i mitten: den första ordningens konsekvenser närmast, och vad som i sin tur följer av dem längre ut. Samma kedja står som lista bredvid.
wheel-to-consequences = Alla konsekvenser och att lägga till nya
wheel-key = Tecknet i varje ruta anger om konsekvensen är en möjlighet (+), ett hot (−), både och (±) eller ännu inte bedömd (?). Hela texten står i listan.
wheel-ring = Ring
wheel-ring-1 = 1:a ordningen
wheel-ring-2 = 2:a ordningen
wheel-ring-3 = 3:e ordningen
wheel-total = Totalt
wheel-valence-opportunity = Möjlighet
wheel-valence-threat = Hot
wheel-valence-mixed = Blandad
wheel-valence-unset = Ej angiven
wheel-list = Kedjan som lista
wheel-empty = Inga konsekvenser ännu.
wheel-table-caption = Konsekvenser per ring och värdering
wheel-organisation = Visa också en organisations egna
wheel-shared-only = Bara de gemensamma
wheel-show = Visa
wheel-showing = De gemensamma konsekvenserna och { $organisation }s egna.
wheel-showing-shared = De gemensamma konsekvenserna från workshoppen.
wheel-scenarios = Scenarier
wheel-bank = Banken
wheel-embed-hint = Framtidshjul: [[futures-wheel:7]] (scenario 7:s gemensamma konsekvenser, när setets konsekvenser är publicerade).
wheel-embed-not-public = scenariots konsekvenser är inte publicerade för besökare. Publicera setets konsekvenser eller ta bort inbäddningen.
