# Framsyn: interface texts of the area "calendar", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

calendar-title = Felles kalender
calendar-list = Liste
calendar-month = Måned
calendar-filters = Filtrer kalenderen
calendar-all = Alle
calendar-filter = Filtrer
calendar-pending = Forslag som skal godkjennes
calendar-months = Forrige og neste måned
calendar-previous-month = Forrige måned
calendar-next-month = Neste måned
calendar-coming = Kommende arrangementer
calendar-past = Tidligere arrangementer
calendar-later = Senere
calendar-empty = Ingen arrangementer å vise.
calendar-feeds = Abonner i kalenderen din
calendar-feeds-help = Legg til adressen som abonnement (iCalendar) i Outlook, Google Kalender eller Apple Kalender, så kommer endringer og avlyste arrangementer med automatisk.
calendar-feed-programme = Hele programmet (åpne arrangementer)
calendar-feed-phase = Fase: { $phase }
calendar-feed-personal = Mine arrangementer, med din personlige adresse
weekday-mon = Mandag
weekday-tue = Tirsdag
weekday-wed = Onsdag
weekday-thu = Torsdag
weekday-fri = Fredag
weekday-sat = Lørdag
weekday-sun = Søndag
