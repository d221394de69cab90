# The demo of a programme in flight.
demo-banner = This is a demo with invented people and data. It shows the programme as it stands on { $day }; all dates are the programme's own.
