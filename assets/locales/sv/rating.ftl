# Framsyn: interface texts of the area "rating" (the rating sheet), in Swedish.
# Each key lives in one file, the same file in all three languages.

rating-overview = Hur långt du har kommit
rating-progress = { $rated } av { $total } bedömda
rating-rated-help = En notis räknas som bedömd när alla dess kriterier har ett svar, ett värde eller ”Vet inte”.
rating-show-unrated = Visa bara obedömda
rating-show-all = Visa alla { $total } notiser
rating-next-unrated = Nästa obedömda
rating-all-rated = Du har bedömt alla notiser i omgången.
rating-tag-rated = Bedömd
rating-tag-unrated = Inte bedömd än
rating-scale-ends = ({ $first } … { $last })
rating-none-mark = –
rating-reason-toggle = Motivering
rating-save-later = Spara och fortsätt senare
rating-save-help = Det du har besvarat sparas även om du inte är klar. Du kan fortsätta och ändra dina svar så länge omgången är öppen.
