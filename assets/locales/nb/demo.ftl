# The demo of a programme in flight.
demo-banner = Dette er en demo med oppdiktede personer og opplysninger. Den spiller at det er { $day } i programmet; datoene er programmets egne.
