# The demo of a programme in flight.
demo-banner = Dette er en demo med oppdiktede personer og opplysninger. Den viser programmet slik det ser ut { $day }; alle datoer er programmets egne.
