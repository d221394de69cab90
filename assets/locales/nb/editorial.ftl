# Framsyn: interface texts of the area "editorial", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

editorial-title = Redaksjonens tekster
editorial-caption = { $count ->
    [one] { $count } tekst
   *[other] { $count } tekster
}
editorial-none = Redaksjonen har ikke skrevet noe ennå.
publication-new = Ny tekst
publication-edit = Endre teksten
publication-kind = Type
publication-kind-output = Fasens redaksjonelle resultat
publication-kind-news = Nyhet
publication-status = Status
publication-status-draft = Utkast
publication-status-in_review = Til gjennomgang
publication-status-published = Publisert
publication-status-unpublished = Avpublisert
publication-scheduled = planlagt
publication-scheduled-at = publiseres { $date }
publication-updated = Sist endret
publication-output = Redaksjonelt resultat
publication-output-hint = For fasens resultat: velg hvilket av fasens redaksjonelle resultater teksten er.
publication-no-output = Ingen (nyhet)
publication-title = Tittel
publication-body = Tekst
publication-preview = Forhåndsvis
publication-stale-help = { $name } lagret en nyere versjon { $date }. Ingenting ble overskrevet: sammenlign med teksten deres nedenfor, og lagre igjen.
publication-review-comment = Kommentar fra den som gjennomgår
publication-workflow = Arbeidsgang
publication-submit = Send til gjennomgang
publication-return = Send tilbake med kommentar
publication-publish = Publiser
publication-publish-at = Publiser ved (valgfritt)
publication-publish-at-hint = La stå tomt for å publisere nå. Tiden er i programmets tidssone.
publication-unpublish = Avpubliser
publication-public-link = Vis slik allmennheten ser den
publication-diff-from = Fra versjon
publication-diff-to = Til versjon
publication-diff = Forskjeller mellom versjon { $from } og { $to }
publication-no-diff = Ingen forskjeller å vise.
publication-revisions-caption = { $count ->
    [one] { $count } versjon
   *[other] { $count } versjoner
}
publication-restore = Gjenopprett
publication-action-save = Lagret
publication-action-restore = Gjenopprettet
publication-action-submit = Sendt til gjennomgang
publication-action-return = Sendt tilbake
publication-action-publish = Publisert
publication-action-unpublish = Avpublisert
diff-added = Lagt til:
diff-removed = Fjernet:
publications-title = Publisert
publications-feed = Abonner (Atom)
feed-link-title = Publikasjoner og nyheter
publications-none = Ingenting er publisert ennå.
error-publish-own = Programmet krever et ekstra par øyne: en annen enn den som skrev teksten sist, skal publisere den.
error-publication-step = Teksten kan ikke flyttes dit i sin nåværende status.
error-publish-in-past = Tiden må ligge fram i tid.
error-output-phase = Velg fasen resultatet hører til.
error-output-unknown = Velg et av fasens redaksjonelle resultater.

images-title = Bilder
images-help = Last opp bilder til bruk i tekstene: PNG, JPEG, WebP eller GIF, høyst { $max } MB. Lim deretter inn bildets Markdown-linje i teksten.
images-file = Bildefil
images-alt = Alternativ tekst
images-alt-hint = Beskriv hva bildet viser for den som ikke ser det. Påkrevd.
images-upload = Last opp
images-caption = { $count ->
    [one] { $count } bilde
   *[other] { $count } bilder
}
images-image = Bilde
images-markdown = Til å lime inn i teksten
error-image-missing = Velg en bildefil.
error-image-too-large = Bildet er for stort.
error-image-type = Filen er ikke et PNG-, JPEG-, WebP- eller GIF-bilde.
error-image-pixels = Bildet er for stort i piksler. Det kan være høyst 5000 × 5000 piksler; forminsk det og prøv igjen.
error-image-broken = Filen kunne ikke leses som et bilde. Den kan være skadet; lagre den på nytt og prøv igjen.
images-reencoded = Bildet lagres på nytt som bare bildepunkter: metadata som kameraets posisjon fjernes. JPEG forblir JPEG, andre formater blir PNG.
images-private = Bildene blir synlige for allmennheten først når en publisert tekst viser dem.
publication-toc = Innhold
publication-sources = Kilder
publication-empty = Ingenting er publisert ennå.
publication-download = Last ned som én HTML-fil
publication-print-hint = Skriv ut siden for å få en PDF.
