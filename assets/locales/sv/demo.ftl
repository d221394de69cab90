# The demo of a programme in flight.
demo-banner = Det här är en demo med påhittade personer och uppgifter. Den spelar att det är { $day } i programmet; datumen är programmets egna.
