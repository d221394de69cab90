# The demo of a programme in flight.
demo-banner = This is a demo with invented people and data. It acts as if it were { $day } in the programme; the dates are the programme's own.
