# Framsyn: interface texts of the area "rating" (the rating sheet), in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

rating-overview = Hvor langt du har kommet
rating-progress = { $rated } av { $total } vurdert
rating-rated-help = Et notat regnes som vurdert når alle kriteriene har et svar, en verdi eller «Vet ikke».
rating-show-unrated = Vis bare dem som ikke er vurdert
rating-show-all = Vis alle { $total } notatene
rating-next-unrated = Neste som ikke er vurdert
rating-all-rated = Du har vurdert alle notatene i runden.
rating-tag-rated = Vurdert
rating-tag-unrated = Ikke vurdert ennå
rating-scale-ends = ({ $first } … { $last })
rating-none-mark = –
rating-reason-toggle = Begrunnelse
rating-save-later = Lagre og fortsett senere
rating-save-help = Det du har svart på, lagres selv om du ikke er ferdig. Du kan fortsette og endre svarene dine så lenge runden er åpen.
