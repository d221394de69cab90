# Framsyn: interface texts of the area "rating" (the rating sheet), in English.
# Each key lives in one file, the same file in all three languages.

rating-overview = How far you have come
rating-progress = { $rated } of { $total } rated
rating-rated-help = A note counts as rated when each of its criteria has an answer, a value or "Don't know".
rating-show-unrated = Show only those not yet rated
rating-show-all = Show all { $total } notes
rating-next-unrated = Next not yet rated
rating-all-rated = You have rated every note in the round.
rating-tag-rated = Rated
rating-tag-unrated = Not rated yet
rating-scale-ends = ({ $first } … { $last })
rating-none-mark = –
rating-reason-toggle = Reason
rating-save-later = Save and continue later
rating-save-help = What you have answered is saved even if you have not finished. You can continue and change your answers as long as the round is open.
