# Framsyn: interface texts of the area "picker" (fields that name notes or sources), in English.
# Each key lives in one file, the same file in all three languages.

picker-hint-note = Type the number or a few words of the title.
picker-hint-note-many = Type numbers or a few words of the titles, separated by commas.
picker-hint-source = Type the source's number or a few words of its title.
picker-hint-source-many = Type numbers or a few words of the titles, separated by commas.
picker-picked = Chosen:
picker-picked-many = Chosen (untick to remove)
picker-options = { $count ->
    [one] { $count } match for “{ $words }”: choose and save again
   *[other] { $count } matches for “{ $words }”: choose and save again
}
picker-none-note = No note matches “{ $words }”.
picker-none-source = No source matches “{ $words }”.
picker-suggestions = { $count ->
    [0] No suggestions
    [one] { $count } suggestion, choose with the up and down arrows
   *[other] { $count } suggestions, choose with the up and down arrows
}
error-pick-choose = Choose among the matches under the field, or type a number.
error-pick-none-note = No note matches the words. Try other words or type the number.
error-pick-none-source = No source matches the words. Try other words or type the number.
