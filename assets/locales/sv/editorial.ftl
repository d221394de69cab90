# Framsyn: interface texts of the area "editorial", in Swedish.
# Each key lives in one file, the same file in all three languages.

editorial-title = Redaktionens texter
editorial-caption = { $count ->
    [one] { $count } text
   *[other] { $count } texter
}
editorial-none = Redaktionen har inte skrivit något ännu.
publication-new = Ny text
publication-edit = Ändra texten
publication-kind = Slag
publication-kind-output = Fasens redaktionella resultat
publication-kind-news = Nyhet
publication-status = Läge
publication-status-draft = Utkast
publication-status-in_review = För granskning
publication-status-published = Publicerad
publication-status-unpublished = Avpublicerad
publication-scheduled = schemalagd
publication-scheduled-at = publiceras { $date }
publication-updated = Senast ändrad
publication-output = Redaktionellt resultat
publication-output-hint = För fasens resultat: välj vilket av fasens redaktionella resultat texten är.
publication-no-output = Inget (nyhet)
publication-title = Rubrik
publication-body = Text
publication-preview = Förhandsgranska
publication-stale-help = { $name } sparade en nyare version { $date }. Inget skrevs över: jämför med deras text nedan, och spara igen.
publication-review-comment = Granskarens kommentar
publication-workflow = Arbetsgång
publication-submit = Skicka till granskning
publication-return = Skicka tillbaka med kommentar
publication-publish = Publicera
publication-publish-at = Publicera vid (valfritt)
publication-publish-at-hint = Lämna tomt för att publicera nu. Tiden är i programmets tidszon.
publication-unpublish = Avpublicera
publication-public-link = Visa som allmänheten ser den
publication-diff-from = Från version
publication-diff-to = Till version
publication-diff = Skillnader mellan version { $from } och { $to }
publication-no-diff = Inga skillnader att visa.
publication-revisions-caption = { $count ->
    [one] { $count } version
   *[other] { $count } versioner
}
publication-restore = Återställ
publication-action-save = Sparad
publication-action-restore = Återställd
publication-action-submit = Skickad till granskning
publication-action-return = Återsänd
publication-action-publish = Publicerad
publication-action-unpublish = Avpublicerad
diff-added = Tillagt:
diff-removed = Borttaget:
publications-title = Publicerat
publications-feed = Prenumerera (Atom)
feed-link-title = Publikationer och nyheter
publications-none = Inget är publicerat ännu.
error-publish-own = Programmet kräver ett andra par ögon: någon annan än den som senast skrev texten ska publicera den.
error-publication-step = Texten kan inte tas dit i sitt nuvarande läge.
error-publish-in-past = Tiden måste ligga framåt.
error-output-phase = Välj fasen som resultatet hör till.
error-output-unknown = Välj ett av fasens redaktionella resultat.

images-title = Bilder
images-help = Ladda upp bilder att använda i texterna: PNG, JPEG, WebP eller GIF, högst { $max } MB. Klistra sedan in bildens Markdown-rad i texten.
images-file = Bildfil
images-alt = Alternativtext
images-alt-hint = Beskriv vad bilden visar för den som inte ser den. Krävs.
images-upload = Ladda upp
images-caption = { $count ->
    [one] { $count } bild
   *[other] { $count } bilder
}
images-image = Bild
images-markdown = Att klistra in i texten
error-image-missing = Välj en bildfil.
error-image-too-large = Bilden är för stor.
error-image-type = Filen är ingen PNG-, JPEG-, WebP- eller GIF-bild.
error-image-pixels = Bilden är för stor i pixlar. Den får vara högst 5000 × 5000 pixlar; förminska den och försök igen.
error-image-broken = Filen kunde inte läsas som en bild. Den kan vara skadad; spara den på nytt och försök igen.
images-reencoded = Bilden sparas på nytt som bara bildpunkter: metadata som kamerans position tas bort. JPEG förblir JPEG, andra format blir PNG.
images-private = Bilderna syns för allmänheten först när en publicerad text visar dem.
publication-toc = Innehåll
publication-sources = Källor
publication-empty = Inget är publicerat ännu.
publication-download = Hämta som en HTML-fil
publication-print-hint = Skriv ut sidan för att få en PDF.
