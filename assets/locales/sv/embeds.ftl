# Framsyn: interface texts of the area "embeds", in Swedish.
# Each key lives in one file, the same file in all three languages.

embed-hint = Material från arbetsytan bäddas in med en egen rad: [[note:12]] (ett kort för notis 12), [[radar:3]] eller [[driver-map:3]] (runda 3), [[heatmap:fas]] (fasens prioriteringskarta), [[event:5]] eller [[progress]]. När texten publiceras fryses siffrorna som de är då.
embed-hint-scenarios = Scenarier: [[scenarios:2]] (set 2:s kors och jämförelsetabell), [[scenario:7]] (ett kort för scenario 7) och [[scenario-assessment:2]] (organisationernas bedömning av set 2, när setet är slutligt).
error-embed-unreadable = En inbäddning går inte att läsa. Skriv till exempel [[radar:3]] på en egen rad.
embed-unreadable-list = Dessa inbäddningar går inte att läsa:
embed-problems-lead = Texten kan inte publiceras förrän detta är åtgärdat, eftersom besökare inte får se allt den visar:
embed-missing = det finns inget med den hänvisningen.
embed-not-public = notisen är inte publik. Gör den publik i banken eller ta bort inbäddningen.
embed-event-not-public = evenemanget är inte publicerat för alla.
embed-notes-not-public = diagrammet visar notiser som inte är publika. Gör dem publika i banken eller ta bort inbäddningen.
error-embeds-not-public = Texten visar material som besökare inte får se. Se listan nedan.
embed-frozen-at = Siffrorna i texten är frysta som de var vid publiceringen { $date }.
embed-live = Det inbäddade materialet visas som det är just nu. Siffrorna fryses när texten publiceras.
embed-missing-shown = Materialet { $reference } finns inte.
embed-round-figures-not-public = rundans resultat visas först när rundan har stängt. Publicera efter att rundan har stängt eller ta bort inbäddningen.
chart-left-out = { $count ->
    [one] En notis som har arkiverats sedan rundan är utelämnad.
   *[other] { $count } notiser som har arkiverats sedan rundan är utelämnade.
}
