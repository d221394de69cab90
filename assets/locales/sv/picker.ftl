# Framsyn: interface texts of the area "picker" (fields that name notes or sources), in Swedish.
# Each key lives in one file, the same file in all three languages.

picker-hint-note = Skriv numret eller några ord ur titeln.
picker-hint-note-many = Skriv nummer eller några ord ur titlarna, åtskilda med komma.
picker-hint-source = Skriv källans nummer eller några ord ur titeln.
picker-hint-source-many = Skriv nummer eller några ord ur titlarna, åtskilda med komma.
picker-picked = Vald:
picker-picked-many = Valda (bocka ur för att ta bort)
picker-options = { $count ->
    [one] { $count } träff för ”{ $words }”: välj och spara igen
   *[other] { $count } träffar för ”{ $words }”: välj och spara igen
}
picker-none-note = Ingen notis matchar ”{ $words }”.
picker-none-source = Ingen källa matchar ”{ $words }”.
picker-suggestions = { $count ->
    [0] Inga förslag
    [one] { $count } förslag, välj med pil upp och ned
   *[other] { $count } förslag, välj med pil upp och ned
}
error-pick-choose = Välj bland träffarna under fältet, eller skriv ett nummer.
error-pick-none-note = Ingen notis matchar orden. Pröva andra ord eller skriv numret.
error-pick-none-source = Ingen källa matchar orden. Pröva andra ord eller skriv numret.
