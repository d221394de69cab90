# Framsyn: interface texts of the area "calendar", in Swedish.
# Each key lives in one file, the same file in all three languages.

calendar-title = Gemensam kalender
calendar-list = Lista
calendar-month = Månad
calendar-filters = Filtrera kalendern
calendar-all = Alla
calendar-filter = Filtrera
calendar-pending = Förslag att godkänna
calendar-months = Föregående och nästa månad
calendar-previous-month = Föregående månad
calendar-next-month = Nästa månad
calendar-coming = Kommande evenemang
calendar-past = Tidigare evenemang
calendar-later = Senare
calendar-empty = Inga evenemang att visa.
calendar-feeds = Prenumerera i din kalender
calendar-feeds-help = Lägg till adressen som prenumeration (iCalendar) i Outlook, Google Kalender eller Apple Kalender, så kommer ändringar och inställda evenemang med automatiskt.
calendar-feed-programme = Hela programmet (öppna evenemang)
calendar-feed-phase = Fas: { $phase }
calendar-feed-personal = Mina evenemang, med din personliga adress
weekday-mon = Måndag
weekday-tue = Tisdag
weekday-wed = Onsdag
weekday-thu = Torsdag
weekday-fri = Fredag
weekday-sat = Lördag
weekday-sun = Söndag
