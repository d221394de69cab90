# Framsyn: interface texts of the area "methods", in Swedish.
# Each key lives in one file, the same file in all three languages.

methods-title = Metodbanken
methods-intro = Beprövade framsynsmetoder för workshoppar och hemarbete: syfte, steg, tid och material.
methods-caption = { $count ->
    [one] { $count } metod
   *[other] { $count } metoder
}
methods-none = Metodbanken är tom.
method-name = Metod
method-family = Metodfamilj
method-duration = Tidsåtgång
method-group-size = Gruppstorlek
method-phases = Passar i faserna
method-purpose = Syfte
method-steps = Så går det till
method-materials = Material
method-tips = Tips och fallgropar
method-family-horizon_scanning = Omvärldsbevakning (horizon scanning)
method-family-trend_analysis = Trendanalys
method-family-driver_mapping = Drivkraftsanalys
method-family-scenarios_2x2 = Scenariokors (2×2)
method-family-futures_wheel = Framtidshjul
method-family-delphi = Delfimetoden
method-family-visioning = Visionsarbete
method-family-backcasting = Backcasting
method-family-three_horizons = Tre horisonter
method-family-wild_cards = Jokrar och svaga signaler
