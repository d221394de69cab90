# Framsyn: interface texts of the area "methods", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

methods-title = Metodebanken
methods-intro = Utprøvde framsynsmetoder for verksteder og hjemmearbeid: formål, trinn, tid og materiell.
methods-caption = { $count ->
    [one] { $count } metode
   *[other] { $count } metoder
}
methods-none = Metodebanken er tom.
method-name = Metode
method-family = Metodefamilie
method-duration = Tidsbruk
method-group-size = Gruppestørrelse
method-phases = Passer i fasene
method-purpose = Formål
method-steps = Slik gjør dere det
method-materials = Materiell
method-tips = Tips og fallgruver
method-family-horizon_scanning = Omverdensskanning (horizon scanning)
method-family-trend_analysis = Trendanalyse
method-family-driver_mapping = Drivkraftanalyse
method-family-scenarios_2x2 = Scenariokryss (2×2)
method-family-futures_wheel = Framtidshjul
method-family-delphi = Delfimetoden
method-family-visioning = Visjonsarbeid
method-family-backcasting = Backcasting
method-family-three_horizons = Tre horisonter
method-family-wild_cards = Jokere og svake signaler
