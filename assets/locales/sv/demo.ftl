# The demo of a programme in flight.
demo-banner = Det här är en demo med påhittade personer och uppgifter. Den visar programmet som det ser ut den { $day }; alla datum är programmets egna.
