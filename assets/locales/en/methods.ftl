# Framsyn: interface texts of the area "methods", in English.
# Each key lives in one file, the same file in all three languages.

methods-title = Method bank
methods-intro = Tried foresight methods for workshops and home assignments: purpose, steps, time and materials.
methods-caption = { $count ->
    [one] { $count } method
   *[other] { $count } methods
}
methods-none = The method bank is empty.
method-name = Method
method-family = Method family
method-duration = Time needed
method-group-size = Group size
method-phases = Suits the phases
method-purpose = Purpose
method-steps = How it is done
method-materials = Materials
method-tips = Tips and pitfalls
method-family-horizon_scanning = Horizon scanning
method-family-trend_analysis = Trend analysis
method-family-driver_mapping = Driver mapping
method-family-scenarios_2x2 = Scenario cross (2×2)
method-family-futures_wheel = Futures wheel
method-family-delphi = Delphi
method-family-visioning = Visioning
method-family-backcasting = Backcasting
method-family-three_horizons = Three horizons
method-family-wild_cards = Wild cards and weak signals
