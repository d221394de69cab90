# Framsyn: interface texts of the area "calendar", in English.
# Each key lives in one file, the same file in all three languages.

calendar-title = Shared calendar
calendar-list = List
calendar-month = Month
calendar-filters = Filter the calendar
calendar-all = All
calendar-filter = Filter
calendar-pending = Proposals awaiting approval
calendar-months = Previous and next month
calendar-previous-month = Previous month
calendar-next-month = Next month
calendar-coming = Upcoming events
calendar-past = Past events
calendar-later = Later
calendar-empty = No events to show.
calendar-feeds = Subscribe in your calendar
calendar-feeds-help = Add the address as a subscription (iCalendar) in Outlook, Google Calendar or Apple Calendar, and changes and cancelled events will be included automatically.
calendar-feed-programme = The whole programme (open events)
calendar-feed-phase = Phase: { $phase }
calendar-feed-personal = My events, with your personal address
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
