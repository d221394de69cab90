# Framsyn: interface texts of the area "embeds", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

embed-hint = Materiale fra arbeidsflaten bygges inn med en egen linje: [[note:12]] (et kort for notat 12), [[radar:3]] eller [[driver-map:3]] (runde 3), [[heatmap:fase]] (fasens prioriteringskart), [[event:5]] eller [[progress]]. Når teksten publiseres, fryses tallene slik de er da.
embed-hint-scenarios = Scenarier: [[scenarios:2]] (krysset og sammenligningstabellen for sett 2), [[scenario:7]] (et kort for scenario 7) og [[scenario-assessment:2]] (organisasjonenes vurdering av sett 2, når settet er endelig).
error-embed-unreadable = En innbygging kan ikke leses. Skriv for eksempel [[radar:3]] på en egen linje.
embed-unreadable-list = Disse innbyggingene kan ikke leses:
embed-problems-lead = Teksten kan ikke publiseres før dette er rettet, fordi besøkende ikke får se alt den viser:
embed-missing = det finnes ingenting med den henvisningen.
embed-not-public = notatet er ikke offentlig. Gjør det offentlig i banken eller fjern innbyggingen.
embed-event-not-public = arrangementet er ikke publisert for alle.
embed-notes-not-public = diagrammet viser notater som ikke er offentlige. Gjør dem offentlige i banken eller fjern innbyggingen.
error-embeds-not-public = Teksten viser materiale som besøkende ikke får se. Se listen nedenfor.
embed-frozen-at = Tallene i teksten er frosset slik de var ved publiseringen { $date }.
embed-live = Det innbygde materialet vises slik det er akkurat nå. Tallene fryses når teksten publiseres.
embed-missing-shown = Materialet { $reference } finnes ikke.
embed-round-figures-not-public = rundens resultater vises først når runden er stengt. Publiser etter at runden er stengt, eller fjern innbyggingen.
chart-left-out = { $count ->
    [one] Ett notat som er arkivert siden runden, er utelatt.
   *[other] { $count } notater som er arkivert siden runden, er utelatt.
}
