# Framsyn: interface texts of the area "picker" (fields that name notes or sources), in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

picker-hint-note = Skriv nummeret eller noen ord fra tittelen.
picker-hint-note-many = Skriv numre eller noen ord fra titlene, atskilt med komma.
picker-hint-source = Skriv kildens nummer eller noen ord fra tittelen.
picker-hint-source-many = Skriv numre eller noen ord fra titlene, atskilt med komma.
picker-picked = Valgt:
picker-picked-many = Valgt (fjern haken for å ta bort)
picker-options = { $count ->
    [one] { $count } treff for «{ $words }»: velg og lagre igjen
   *[other] { $count } treff for «{ $words }»: velg og lagre igjen
}
picker-none-note = Ingen notater passer til «{ $words }».
picker-none-source = Ingen kilder passer til «{ $words }».
picker-suggestions = { $count ->
    [0] Ingen forslag
    [one] { $count } forslag, velg med pil opp og ned
   *[other] { $count } forslag, velg med pil opp og ned
}
error-pick-choose = Velg blant treffene under feltet, eller skriv et nummer.
error-pick-none-note = Ingen notater passer til ordene. Prøv andre ord eller skriv nummeret.
error-pick-none-source = Ingen kilder passer til ordene. Prøv andre ord eller skriv nummeret.
