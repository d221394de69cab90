//! Calendar feeds: events as an RFC 5545 iCalendar document that calendar programs
//! (Outlook, Google Calendar, Apple Calendar, Thunderbird) subscribe to.
//!
//! Times are written as local times of the programme's time zone (`DTSTART;TZID=…`), and the
//! feed carries a VTIMEZONE for that zone, made from chrono-tz's own data for the years of the
//! events, so that no program has to know the zone by name.
//!
//! The `icalendar` crate builds and writes every VEVENT and every content line: it escapes
//! TEXT values, folds lines at 75 octets and ends them with CRLF. The crate (0.17) has no
//! VTIMEZONE, and its generic component writer adds a DTSTAMP of the current time and a random
//! UID to every component without one: a VTIMEZONE, STANDARD or DAYLIGHT written that way would
//! carry properties RFC 5545 does not give them and make the feed differ on every request. So
//! the VTIMEZONE and the calendar's own lines are crate [`Property`] values written one after
//! the other here, and the VEVENTs are written by the crate as whole components.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, MappedLocalTime, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};
use icalendar::{CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

/// One event as a feed shows it.
#[derive(Debug, Clone)]
pub struct FeedEvent {
    /// Stable across edits, e.g. "event-42@framsyn".
    pub uid: String,
    /// Grows by one each time the event changes (RFC 5545 SEQUENCE).
    pub sequence: u32,
    /// The event's title (SUMMARY); line breaks become spaces.
    pub title: String,
    /// Plain text (may be Markdown source; written as plain text, not rendered to HTML).
    pub description: String,
    /// Absolute link back to the event page; appended to the description and set as URL.
    pub url: String,
    /// When the event starts.
    pub starts: DateTime<Utc>,
    /// When the event ends; DTEND is left out unless it is later than `starts`.
    pub ends: DateTime<Utc>,
    /// Venue and address, if any; its lines are joined with ", ".
    pub location: Option<String>,
    /// The online meeting link, written only when the feed's options allow it.
    pub online_link: Option<String>,
    /// Cancelled events stay in the feed with STATUS:CANCELLED, so subscribers see it.
    pub cancelled: bool,
    /// The last change of the event (LAST-MODIFIED).
    pub last_modified: DateTime<Utc>,
}

/// What kind of feed to write.
#[derive(Debug, Clone)]
pub struct FeedOptions {
    /// The calendar's name (X-WR-CALNAME).
    pub name: String,
    /// The programme's time zone: DTSTART/DTEND carry `TZID=<name>` and the feed contains a
    /// VTIMEZONE for it.
    pub time_zone: Tz,
    /// Only the personal feed includes online links (as an "Online: <link>" line of the
    /// description).
    pub include_online_links: bool,
    /// When the file is generated: every event's DTSTAMP (RFC 5545 §3.8.7.2), so the same
    /// input at the same moment gives the same feed.
    pub generated: DateTime<Utc>,
}

/// The PRODID of every feed (RFC 5545 §3.7.3).
const PRODID: &str = "-//Framsyn//Framsyn//EN";

/// How often calendar programs are asked to fetch a feed again: REFRESH-INTERVAL (RFC
/// 7986 §5.7) and X-PUBLISHED-TTL, which Outlook and Apple Calendar read instead.
const REFRESH: &str = "PT1H";

/// DATE-TIME in local time (RFC 5545 §3.3.5, form #1 and #3).
const LOCAL_FORMAT: &str = "%Y%m%dT%H%M%S";

/// Event years at most this far apart are covered by one VTIMEZONE span with every year
/// between them; farther apart (a mistyped year, say) they get spans of their own, so a feed
/// never scans centuries.
const MAX_YEAR_GAP: i32 = 10;

/// How far before a span to look for the offset change in effect when the span begins.
const LOOKBACK_DAYS: i64 = 3 * 366;

/// The whole VCALENDAR text, CRLF line endings, lines folded at 75 octets (the crate does
/// this). Events keep the order they are given in; the same input gives the same text.
pub fn calendar(events: &[FeedEvent], options: &FeedOptions) -> String {
    let tz = options.time_zone;
    let mut out = String::new();
    push_line(&mut out, Property::new("BEGIN", "VCALENDAR"));
    push_line(&mut out, Property::new("VERSION", "2.0"));
    push_line(&mut out, Property::new("PRODID", PRODID));
    push_line(&mut out, Property::new("CALSCALE", "GREGORIAN"));
    push_line(&mut out, Property::new("METHOD", "PUBLISH"));
    // X- properties are TEXT by default (RFC 5545 §3.8.8.2), but the crate only escapes the
    // properties it knows to be TEXT.
    push_line(
        &mut out,
        Property::new("X-WR-CALNAME", escape_text(&one_line(&options.name))),
    );
    push_line(
        &mut out,
        Property::new("X-WR-TIMEZONE", escape_text(tz.name())),
    );
    let mut refresh = Property::new("REFRESH-INTERVAL", REFRESH);
    refresh.add_parameter("VALUE", "DURATION");
    push_line(&mut out, refresh);
    push_line(&mut out, Property::new("X-PUBLISHED-TTL", REFRESH));
    // A feed with no events has no times to describe: no VTIMEZONE.
    if !events.is_empty() {
        push_vtimezone(&mut out, tz, &year_spans(events, tz));
    }
    for event in events {
        let vevent = vevent(event, options)
            .try_into_string()
            .expect("writing into a String cannot fail");
        out.push_str(&vevent);
    }
    push_line(&mut out, Property::new("END", "VCALENDAR"));
    out
}

/// Who an invitation is from and to: a name and an e-mail address.
#[derive(Debug, Clone, Copy)]
pub struct Party<'a> {
    pub name: &'a str,
    pub email: &'a str,
}

/// One event as an invitation to one person (RFC 5546 iTIP, METHOD:REQUEST), for an
/// e-mail's calendar attachment: the event with its ORGANIZER and the person as its
/// ATTENDEE, accepted for a seat, tentative on the waiting list (then the event too is
/// TENTATIVE). The same UID and a higher SEQUENCE later update the copy a calendar
/// program keeps; a cancelled event withdraws it (METHOD:CANCEL, STATUS:CANCELLED).
pub fn invitation(
    event: &FeedEvent,
    options: &FeedOptions,
    organizer: Party<'_>,
    attendee: Party<'_>,
    tentative: bool,
) -> String {
    let tz = options.time_zone;
    let mut out = String::new();
    push_line(&mut out, Property::new("BEGIN", "VCALENDAR"));
    push_line(&mut out, Property::new("VERSION", "2.0"));
    push_line(&mut out, Property::new("PRODID", PRODID));
    push_line(&mut out, Property::new("CALSCALE", "GREGORIAN"));
    let method = if event.cancelled { "CANCEL" } else { "REQUEST" };
    push_line(&mut out, Property::new("METHOD", method));
    push_vtimezone(&mut out, tz, &year_spans(std::slice::from_ref(event), tz));
    let mut vevent = vevent(event, options);
    if tentative && !event.cancelled {
        vevent.status(EventStatus::Tentative);
    }
    let mut from = Property::new("ORGANIZER", format!("mailto:{}", one_line(organizer.email)));
    from.add_parameter("CN", &parameter(organizer.name));
    vevent.append_property(from);
    let mut to = Property::new("ATTENDEE", format!("mailto:{}", one_line(attendee.email)));
    to.add_parameter("CN", &parameter(attendee.name))
        .add_parameter("ROLE", "REQ-PARTICIPANT")
        .add_parameter("PARTSTAT", if tentative { "TENTATIVE" } else { "ACCEPTED" })
        .add_parameter("RSVP", "FALSE");
    vevent.append_multi_property(to);
    let text = vevent
        .done()
        .try_into_string()
        .expect("writing into a String cannot fail");
    out.push_str(&text);
    push_line(&mut out, Property::new("END", "VCALENDAR"));
    out
}

/// A parameter value (RFC 5545 §3.2): quoted, without the characters it may not hold.
fn parameter(text: &str) -> String {
    let clean: String = one_line(text).chars().filter(|c| *c != '"').collect();
    format!("\"{clean}\"")
}

/// Writes one content line: the crate escapes the value by its type, folds and adds CRLF.
fn push_line(out: &mut String, property: Property) {
    let line: String = property
        .try_into()
        .expect("writing into a String cannot fail");
    out.push_str(&line);
}

fn vevent(event: &FeedEvent, options: &FeedOptions) -> Event {
    let tz = options.time_zone;
    let mut vevent = Event::new();
    vevent
        .uid(&one_line(&event.uid))
        .sequence(event.sequence)
        .timestamp(options.generated)
        .last_modified(event.last_modified)
        .summary(&one_line(&event.title))
        .description(&description(event, options.include_online_links))
        .starts(feed_time(event.starts, tz))
        .status(if event.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if event.ends > event.starts {
        vevent.ends(feed_time(event.ends, tz));
    }
    let url = uri(&event.url);
    if !url.is_empty() {
        vevent.url(&url);
    }
    if let Some(location) = event.location.as_deref().map(joined_lines)
        && !location.is_empty()
    {
        vevent.location(&location);
    }
    vevent.done()
}

/// The description, a blank line, the link to the event page and, in personal feeds, the
/// online meeting link.
fn description(event: &FeedEvent, include_online_links: bool) -> String {
    let mut links = vec![uri(&event.url)];
    if include_online_links
        && let Some(link) = event.online_link.as_deref().map(one_line)
        && !link.is_empty()
    {
        links.push(format!("Online: {link}"));
    }
    let links = links
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    [multi_line(&event.description), links]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The local time with TZID, or UTC for an instant in the second pass through a repeated
/// hour: RFC 5545 reads a local time that occurs twice as its first occurrence.
fn feed_time(at: DateTime<Utc>, tz: Tz) -> CalendarDateTime {
    let local = at.with_timezone(&tz).naive_local();
    match tz.from_local_datetime(&local) {
        MappedLocalTime::Ambiguous(first, _) if first.with_timezone(&Utc) != at => {
            CalendarDateTime::Utc(at)
        }
        _ => CalendarDateTime::from((local, tz)),
    }
}

/// Text of several lines: CRLF and CR become LF, other control characters (but tab) go.
fn multi_line(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Text of one line: line breaks become spaces.
fn one_line(text: &str) -> String {
    multi_line(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An address of several lines as one line, as calendar programs show and look up places.
fn joined_lines(text: &str) -> String {
    multi_line(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A URI has no white space or control characters; the crate writes URI values unescaped.
fn uri(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

/// RFC 5545 §3.3.11 escaping, for the X- properties the crate does not know to be TEXT.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            c => escaped.push(c),
        }
    }
    escaped
}

// ---------------------------------------------------------------------------------------
// VTIMEZONE

/// The spans of local years (first, last) the VTIMEZONE must describe: the years of the
/// events' starts and ends, with the years between them unless they lie far apart.
fn year_spans(events: &[FeedEvent], tz: Tz) -> Vec<(i32, i32)> {
    let years: BTreeSet<i32> = events
        .iter()
        .flat_map(|e| {
            let ends = (e.ends > e.starts).then_some(e.ends);
            std::iter::once(e.starts).chain(ends)
        })
        .map(|t| t.with_timezone(&tz).year())
        .collect();
    let mut spans: Vec<(i32, i32)> = Vec::new();
    for year in years {
        match spans.last_mut() {
            Some((_, last)) if year - *last <= MAX_YEAR_GAP => *last = year,
            _ => spans.push((year, year)),
        }
    }
    spans
}

/// A change of a zone's UTC offset (or of its name).
struct Change {
    /// The first second (UTC) of the new offset.
    at: NaiveDateTime,
    before: TzOffset,
    after: TzOffset,
}

/// A STANDARD or DAYLIGHT sub-component.
struct Observance {
    daylight: bool,
    /// The local time, before the change, when it begins.
    onset: NaiveDateTime,
    from: i32,
    to: i32,
    name: Option<String>,
    /// When it begins (UTC); orders the sub-components.
    at: NaiveDateTime,
}

impl Observance {
    fn of_change(change: &Change) -> Self {
        let from = total_offset(&change.before);
        Observance {
            // Summer time, or leaving the "negative summer time" of winter (Europe/Dublin).
            daylight: change.after.dst_offset() > TimeDelta::zero()
                || (change.after.dst_offset() == TimeDelta::zero()
                    && change.before.dst_offset() < TimeDelta::zero()),
            onset: shift(change.at, TimeDelta::seconds(i64::from(from))),
            from,
            to: total_offset(&change.after),
            name: change.after.abbreviation().map(str::to_owned),
            at: change.at,
        }
    }

    /// The offset in effect at `at` (UTC), as an observance that changes nothing.
    fn constant(tz: Tz, at: NaiveDateTime) -> Self {
        let offset = offset_at(tz, at);
        let total = total_offset(&offset);
        Observance {
            daylight: false,
            onset: shift(at, TimeDelta::seconds(i64::from(total))),
            from: total,
            to: total,
            name: offset.abbreviation().map(str::to_owned),
            at,
        }
    }
}

fn push_vtimezone(out: &mut String, tz: Tz, spans: &[(i32, i32)]) {
    push_line(out, Property::new("BEGIN", "VTIMEZONE"));
    push_line(out, Property::new("TZID", tz.name()));
    push_line(out, Property::new("X-LIC-LOCATION", escape_text(tz.name())));
    for observance in observances(tz, spans) {
        let kind = if observance.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        push_line(out, Property::new("BEGIN", kind));
        push_line(
            out,
            Property::new("DTSTART", observance.onset.format(LOCAL_FORMAT).to_string()),
        );
        push_line(
            out,
            Property::new("TZOFFSETFROM", utc_offset(observance.from)),
        );
        push_line(out, Property::new("TZOFFSETTO", utc_offset(observance.to)));
        if let Some(name) = observance.name {
            push_line(out, Property::new("TZNAME", name));
        }
        push_line(out, Property::new("END", kind));
    }
    push_line(out, Property::new("END", "VTIMEZONE"));
}

/// One sub-component per offset change in the spans, and before each span the one in effect
/// when it begins; a zone without changes gets one STANDARD with its fixed offset.
fn observances(tz: Tz, spans: &[(i32, i32)]) -> Vec<Observance> {
    let mut changes: Vec<Change> = Vec::new();
    let mut anchors: Vec<NaiveDateTime> = Vec::new();
    for &(first, last) in spans {
        // A day's margin on each side covers zones up to ±24 hours from UTC.
        let start = shift(year_start(first), TimeDelta::days(-1));
        let end = shift(year_start(last.saturating_add(1)), TimeDelta::days(1));
        match offset_changes(tz, shift(start, TimeDelta::days(-LOOKBACK_DAYS)), start).pop() {
            Some(in_effect) => changes.push(in_effect),
            None => anchors.push(start),
        }
        changes.extend(offset_changes(tz, start, end));
    }

    let fixed = anchors.first().copied().filter(|&first| {
        let offset = total_offset(&offset_at(tz, first));
        changes.is_empty()
            && anchors
                .iter()
                .all(|&a| total_offset(&offset_at(tz, a)) == offset)
    });
    if let Some(first) = fixed {
        let mut standard = Observance::constant(tz, first);
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)
            .expect("a valid date")
            .and_time(chrono::NaiveTime::MIN);
        standard.onset = standard.onset.min(epoch);
        return vec![standard];
    }

    let mut observances: Vec<Observance> = changes
        .iter()
        .map(Observance::of_change)
        .chain(anchors.into_iter().map(|a| Observance::constant(tz, a)))
        .collect();
    observances.sort_by_key(|o| o.at);
    observances.dedup_by_key(|o| o.at);
    observances
}

/// The changes of offset between `from` and `to` (UTC): sampled once a day, each change
/// found to the second by bisection.
fn offset_changes(tz: Tz, from: NaiveDateTime, to: NaiveDateTime) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut at = from;
    let mut current = offset_at(tz, at);
    while at < to {
        let next = shift(at, TimeDelta::days(1)).min(to);
        if next <= at {
            break;
        }
        if offset_at(tz, next) == current {
            at = next;
            continue;
        }
        let (mut before, mut after) = (at, next);
        while (after - before).num_seconds() > 1 {
            let middle = before + (after - before) / 2;
            if offset_at(tz, middle) == current {
                before = middle;
            } else {
                after = middle;
            }
        }
        let new = offset_at(tz, after);
        changes.push(Change {
            at: after,
            before: current,
            after: new,
        });
        at = after;
        current = new;
    }
    changes
}

fn offset_at(tz: Tz, utc: NaiveDateTime) -> TzOffset {
    tz.offset_from_utc_datetime(&utc)
}

/// Seconds east of UTC.
fn total_offset(offset: &TzOffset) -> i32 {
    let total = offset.base_utc_offset() + offset.dst_offset();
    i32::try_from(total.num_seconds()).unwrap_or(0)
}

/// RFC 5545 §3.3.14 UTC-OFFSET: "+0100", "-0500", "+011212".
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (hours, minutes, seconds) = (abs / 3600, abs % 3600 / 60, abs % 60);
    if seconds == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{seconds:02}")
    }
}

/// Midnight (UTC) starting the year.
fn year_start(year: i32) -> NaiveDateTime {
    match NaiveDate::from_ymd_opt(year, 1, 1) {
        Some(date) => date.and_time(chrono::NaiveTime::MIN),
        None if year > 0 => NaiveDateTime::MAX,
        None => NaiveDateTime::MIN,
    }
}

/// `at + delta`, held at the ends of chrono's range.
fn shift(at: NaiveDateTime, delta: TimeDelta) -> NaiveDateTime {
    at.checked_add_signed(delta)
        .unwrap_or(if delta < TimeDelta::zero() {
            NaiveDateTime::MIN
        } else {
            NaiveDateTime::MAX
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::{Offset, TimeZone};
    use chrono_tz::{America, Asia, Australia, Europe};
    use ical::parser::ical::component::{
        IcalCalendar, IcalEvent, IcalTimeZone, IcalTimeZoneTransitionType,
    };
    use ical::property::Property as IcalProperty;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn event(uid: &str, starts: DateTime<Utc>) -> FeedEvent {
        FeedEvent {
            uid: uid.to_owned(),
            sequence: 3,
            title: "Workshop".to_owned(),
            description: "Vi ses.".to_owned(),
            url: format!("https://framsyn.example/p/omvarld/events/{uid}"),
            starts,
            ends: starts + TimeDelta::hours(2),
            location: None,
            online_link: Some("https://meet.example/abc-def".to_owned()),
            cancelled: false,
            last_modified: utc(2017, 1, 15, 12, 0),
        }
    }

    fn options(tz: Tz) -> FeedOptions {
        FeedOptions {
            name: "Framtid 2040: Region Norr".to_owned(),
            time_zone: tz,
            include_online_links: false,
            generated: utc(2017, 2, 1, 8, 0),
        }
    }

    /// Parses with the independent `ical` crate.
    fn parse(ics: &str) -> IcalCalendar {
        let mut parser = ical::IcalParser::new(ics.as_bytes());
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none(), "only one calendar");
        calendar
    }

    fn prop<'a>(properties: &'a [IcalProperty], name: &str) -> Option<&'a IcalProperty> {
        properties.iter().find(|p| p.name == name)
    }

    /// The raw (escaped) value of the property.
    fn raw<'a>(properties: &'a [IcalProperty], name: &str) -> &'a str {
        prop(properties, name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .value
            .as_deref()
            .unwrap_or("")
    }

    /// The TEXT value, unescaped (the `ical` crate leaves escapes alone).
    fn unescaped(properties: &[IcalProperty], name: &str) -> String {
        unescape(raw(properties, name))
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {value:?}"),
            }
        }
        out
    }

    fn param<'a>(property: &'a IcalProperty, name: &str) -> Option<&'a [String]> {
        property
            .params
            .as_ref()?
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, values)| values.as_slice())
    }

    fn only_event(cal: &IcalCalendar) -> &IcalEvent {
        assert_eq!(cal.events.len(), 1);
        &cal.events[0]
    }

    fn only_timezone(cal: &IcalCalendar) -> &IcalTimeZone {
        assert_eq!(cal.timezones.len(), 1);
        &cal.timezones[0]
    }

    /// (daylight, DTSTART, TZOFFSETFROM, TZOFFSETTO, TZNAME) of each sub-component.
    fn observances_of(timezone: &IcalTimeZone) -> Vec<(bool, String, String, String, String)> {
        timezone
            .transitions
            .iter()
            .map(|t| {
                (
                    matches!(t.transition, IcalTimeZoneTransitionType::DAYLIGHT),
                    raw(&t.properties, "DTSTART").to_owned(),
                    raw(&t.properties, "TZOFFSETFROM").to_owned(),
                    raw(&t.properties, "TZOFFSETTO").to_owned(),
                    prop(&t.properties, "TZNAME")
                        .and_then(|p| p.value.clone())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn parse_offset(value: &str) -> i64 {
        let sign = if value.starts_with('-') { -1 } else { 1 };
        let digits = &value[1..];
        let hours: i64 = digits[0..2].parse().unwrap();
        let minutes: i64 = digits[2..4].parse().unwrap();
        let seconds: i64 = digits.get(4..6).map_or(0, |s| s.parse().unwrap());
        sign * (hours * 3600 + minutes * 60 + seconds)
    }

    /// The UTC offset the VTIMEZONE gives at an instant, as a program reading it would: the
    /// sub-component that began last before it.
    fn vtimezone_offset(timezone: &IcalTimeZone, at: DateTime<Utc>) -> Option<i64> {
        observances_of(timezone)
            .into_iter()
            .map(|(_, start, from, to, _)| {
                let local = NaiveDateTime::parse_from_str(&start, LOCAL_FORMAT).unwrap();
                let begins = local - TimeDelta::seconds(parse_offset(&from));
                (begins.and_utc(), parse_offset(&to))
            })
            .filter(|(begins, _)| *begins <= at)
            .max_by_key(|(begins, _)| *begins)
            .map(|(_, to)| to)
    }

    /// The VTIMEZONE agrees with chrono-tz every hour of the given years.
    fn assert_vtimezone_agrees(ics: &str, tz: Tz, years: std::ops::RangeInclusive<i32>) {
        let cal = parse(ics);
        let timezone = only_timezone(&cal);
        assert_eq!(raw(&timezone.properties, "TZID"), tz.name());
        let mut at = utc(*years.start(), 1, 1, 0, 0);
        let end = utc(*years.end() + 1, 1, 1, 0, 0);
        while at < end {
            let expected = i64::from(at.with_timezone(&tz).offset().fix().local_minus_utc());
            assert_eq!(
                vtimezone_offset(timezone, at),
                Some(expected),
                "{} at {at}",
                tz.name()
            );
            at += TimeDelta::hours(1);
        }
    }

    /// Where the DTSTART/DTEND says, read with the VTIMEZONE.
    fn read_time(timezone: &IcalTimeZone, property: &IcalProperty) -> DateTime<Utc> {
        let value = property.value.as_deref().unwrap();
        if let Some(utc) = value.strip_suffix('Z') {
            return NaiveDateTime::parse_from_str(utc, LOCAL_FORMAT)
                .unwrap()
                .and_utc();
        }
        let local = NaiveDateTime::parse_from_str(value, LOCAL_FORMAT).unwrap();
        // The first occurrence of a local time: try the offsets from the largest down.
        let mut candidates: Vec<i64> = observances_of(timezone)
            .iter()
            .flat_map(|(_, _, from, to, _)| [parse_offset(from), parse_offset(to)])
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .rev()
            .map(|offset| (local - TimeDelta::seconds(offset)).and_utc())
            .find(|&at| {
                let offset = vtimezone_offset(timezone, at).unwrap();
                (local - TimeDelta::seconds(offset)).and_utc() == at
            })
            .unwrap()
    }

    #[test]
    fn calendar_properties() {
        let ics = calendar(
            &[event("event-1@framsyn", utc(2017, 2, 8, 8, 30))],
            &options(Europe::Stockholm),
        );
        let cal = parse(&ics);
        let p = &cal.properties;
        assert_eq!(raw(p, "VERSION"), "2.0");
        assert!(raw(p, "PRODID").contains("Framsyn"));
        assert_eq!(raw(p, "CALSCALE"), "GREGORIAN");
        assert_eq!(raw(p, "METHOD"), "PUBLISH");
        assert_eq!(raw(p, "X-WR-CALNAME"), r"Framtid 2040: Region Norr");
        assert_eq!(raw(p, "X-WR-TIMEZONE"), "Europe/Stockholm");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let vtimezone = ics.find("BEGIN:VTIMEZONE").unwrap();
        assert!(
            vtimezone < ics.find("BEGIN:VEVENT").unwrap(),
            "VTIMEZONE first"
        );
    }

    #[test]
    fn calendar_name_is_escaped() {
        let mut opts = options(Europe::Stockholm);
        opts.name = "Omvärld, nu; sedan\\då\nnästa rad".to_owned();
        let ics = calendar(&[], &opts);
        let cal = parse(&ics);
        assert_eq!(
            raw(&cal.properties, "X-WR-CALNAME"),
            r"Omvärld\, nu\; sedan\\då nästa rad"
        );
        assert_eq!(
            unescaped(&cal.properties, "X-WR-CALNAME"),
            "Omvärld, nu; sedan\\då nästa rad"
        );
    }

    #[test]
    fn event_properties_round_trip() {
        let mut e = event("event-42@framsyn", utc(2017, 2, 8, 8, 30));
        e.sequence = 7;
        e.title = "Scenarier, del 2; vägval för Skåne – öppet möte".to_owned();
        e.description = "# Dagordning\r\n\r\n- Fika, 10 min\n- Gruppövning; *scenarier*\n\nTa med dator\\laddare.".to_owned();
        e.location = Some("Rådhuset, sal 3\nStora torget 1\n\n791 83 Falun".to_owned());
        e.last_modified = utc(2017, 1, 20, 14, 5);
        let ics = calendar(std::slice::from_ref(&e), &options(Europe::Stockholm));
        let cal = parse(&ics);
        let p = &only_event(&cal).properties;

        assert_eq!(raw(p, "UID"), "event-42@framsyn");
        assert_eq!(raw(p, "SEQUENCE"), "7");
        assert_eq!(
            raw(p, "SUMMARY"),
            r"Scenarier\, del 2\; vägval för Skåne – öppet möte"
        );
        assert_eq!(unescaped(p, "SUMMARY"), e.title);
        assert_eq!(
            unescaped(p, "DESCRIPTION"),
            "# Dagordning\n\n- Fika, 10 min\n- Gruppövning; *scenarier*\n\nTa med dator\\laddare.\n\n\
             https://framsyn.example/p/omvarld/events/event-42@framsyn"
        );
        assert_eq!(
            raw(p, "URL"),
            "https://framsyn.example/p/omvarld/events/event-42@framsyn"
        );
        assert_eq!(
            raw(p, "LOCATION"),
            r"Rådhuset\, sal 3\, Stora torget 1\, 791 83 Falun"
        );
        assert_eq!(
            raw(p, "DTSTAMP"),
            "20170201T080000Z",
            "when the file was made"
        );
        assert_eq!(raw(p, "LAST-MODIFIED"), "20170120T140500Z");
        assert_eq!(raw(p, "STATUS"), "CONFIRMED");
        assert!(!ics.contains('\t'));
    }

    #[test]
    fn title_and_uid_stay_on_one_line() {
        let mut e = event("event-1@framsyn", utc(2017, 2, 8, 8, 30));
        e.title = "Första\r\nandra\u{7}".to_owned();
        let cal = parse(&calendar(&[e], &options(Europe::Stockholm)));
        assert_eq!(
            unescaped(&only_event(&cal).properties, "SUMMARY"),
            "Första andra"
        );
    }

    #[test]
    fn local_times_with_tzid_in_winter_and_summer() {
        let winter = event("winter@framsyn", utc(2017, 2, 8, 8, 30));
        let summer = event("summer@framsyn", utc(2017, 5, 17, 8, 0));
        let ics = calendar(&[winter, summer], &options(Europe::Stockholm));
        let cal = parse(&ics);
        assert_eq!(cal.events.len(), 2);

        let expected = [
            ("20170208T093000", "20170208T113000"),
            ("20170517T100000", "20170517T120000"),
        ];
        for (event, (start, end)) in cal.events.iter().zip(expected) {
            let dtstart = prop(&event.properties, "DTSTART").unwrap();
            assert_eq!(dtstart.value.as_deref(), Some(start));
            assert_eq!(
                param(dtstart, "TZID"),
                Some(&["Europe/Stockholm".to_owned()][..])
            );
            let dtend = prop(&event.properties, "DTEND").unwrap();
            assert_eq!(dtend.value.as_deref(), Some(end));
            assert_eq!(
                param(dtend, "TZID"),
                Some(&["Europe/Stockholm".to_owned()][..])
            );
        }
        assert!(ics.contains("DTSTART;TZID=Europe/Stockholm:20170208T093000\r\n"));
    }

    #[test]
    fn vtimezone_has_the_2017_transitions() {
        let events = [
            event("winter@framsyn", utc(2017, 2, 8, 8, 30)),
            event("summer@framsyn", utc(2017, 5, 17, 8, 0)),
        ];
        let ics = calendar(&events, &options(Europe::Stockholm));
        let cal = parse(&ics);
        let timezone = only_timezone(&cal);
        assert_eq!(raw(&timezone.properties, "TZID"), "Europe/Stockholm");
        let observances = observances_of(timezone);
        let daylight = (
            true,
            "20170326T020000".to_owned(),
            "+0100".to_owned(),
            "+0200".to_owned(),
            "CEST".to_owned(),
        );
        let standard = (
            false,
            "20171029T030000".to_owned(),
            "+0200".to_owned(),
            "+0100".to_owned(),
            "CET".to_owned(),
        );
        assert!(observances.contains(&daylight), "{observances:?}");
        assert!(observances.contains(&standard), "{observances:?}");
        // The change before 2017 covers the winter event.
        assert_eq!(
            observances[0],
            (
                false,
                "20161030T030000".to_owned(),
                "+0200".to_owned(),
                "+0100".to_owned(),
                "CET".to_owned()
            )
        );
        assert_eq!(observances.len(), 3, "{observances:?}");
        assert_vtimezone_agrees(&ics, Europe::Stockholm, 2017..=2017);
        for (event, expected) in cal.events.iter().zip(&events) {
            let dtstart = prop(&event.properties, "DTSTART").unwrap();
            assert_eq!(read_time(timezone, dtstart), expected.starts);
        }
    }

    #[test]
    fn cancelled_events_stay_with_status_cancelled() {
        let mut cancelled = event("gone@framsyn", utc(2017, 3, 1, 12, 0));
        cancelled.cancelled = true;
        cancelled.sequence = 4;
        let kept = event("kept@framsyn", utc(2017, 3, 2, 12, 0));
        let cal = parse(&calendar(&[cancelled, kept], &options(Europe::Stockholm)));
        assert_eq!(cal.events.len(), 2);
        assert_eq!(raw(&cal.events[0].properties, "UID"), "gone@framsyn");
        assert_eq!(raw(&cal.events[0].properties, "STATUS"), "CANCELLED");
        assert_eq!(raw(&cal.events[0].properties, "SEQUENCE"), "4");
        assert_eq!(raw(&cal.events[1].properties, "STATUS"), "CONFIRMED");
    }

    #[test]
    fn online_link_only_in_the_personal_feed() {
        let e = event("event-1@framsyn", utc(2017, 3, 1, 12, 0));
        let link = "https://meet.example/abc-def";

        let public = calendar(std::slice::from_ref(&e), &options(Europe::Stockholm));
        assert!(!public.contains("meet.example"), "{public}");
        assert!(!public.contains("Online"));

        let mut personal_options = options(Europe::Stockholm);
        personal_options.include_online_links = true;
        let personal = calendar(std::slice::from_ref(&e), &personal_options);
        let cal = parse(&personal);
        assert_eq!(
            unescaped(&only_event(&cal).properties, "DESCRIPTION"),
            format!("Vi ses.\n\n{}\nOnline: {link}", e.url)
        );

        // No link, no line.
        let mut without = e;
        without.online_link = None;
        let personal = calendar(&[without], &personal_options);
        assert!(!personal.contains("Online"));
    }

    #[test]
    fn lines_end_in_crlf_and_are_folded_at_75_octets() {
        let mut e = event("event-1@framsyn", utc(2017, 3, 1, 12, 0));
        e.title = "Långt namn på en workshop om framtidens välfärd, äldreomsorg och åldrande befolkning i glesbygd".to_owned();
        e.description = "Åtta åländska ägg äts över ön; ".repeat(20) + "\n" + &"x".repeat(300);
        e.location = Some(
            "Ödeshögs bibliotek, Storgatan 12, 599 31 Ödeshög, ingång från gården bakom kyrkan"
                .to_owned(),
        );
        let mut opts = options(Europe::Stockholm);
        opts.include_online_links = true;
        let ics = calendar(std::slice::from_ref(&e), &opts);

        assert!(ics.ends_with("\r\n"));
        let lines: Vec<&str> = ics.split_terminator("\r\n").collect();
        for line in &lines {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "bare line break in {line:?}"
            );
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        assert!(
            lines.iter().any(|l| l.starts_with(' ')),
            "something was folded"
        );

        // Unfolded as RFC 5545 says (drop CRLF and one white space), the text is whole.
        let unfolded = ics.replace("\r\n ", "");
        let description = unfolded
            .split("\r\n")
            .find_map(|l| l.strip_prefix("DESCRIPTION:"))
            .unwrap();
        assert_eq!(
            unescape(description),
            format!(
                "{}\n\n{}\nOnline: https://meet.example/abc-def",
                e.description.trim(),
                e.url
            )
        );
        let summary = unfolded
            .split("\r\n")
            .find_map(|l| l.strip_prefix("SUMMARY:"))
            .unwrap();
        assert_eq!(unescape(summary), e.title);

        // And the independent parser reads it.
        let cal = parse(&ics);
        assert_eq!(raw(&only_event(&cal).properties, "UID"), "event-1@framsyn");
    }

    #[test]
    fn carriage_returns_in_input_do_not_break_lines() {
        let mut e = event("event-1@framsyn", utc(2017, 3, 1, 12, 0));
        e.description = "ett\rtvå\r\ntre\u{0}".to_owned();
        let ics = calendar(&[e], &options(Europe::Stockholm));
        assert!(ics.contains(r"DESCRIPTION:ett\ntvå\ntre\n\nhttps://"));
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    }

    #[test]
    fn output_is_deterministic() {
        let events = [
            event("a@framsyn", utc(2017, 2, 8, 8, 30)),
            event("b@framsyn", utc(2018, 6, 1, 10, 0)),
        ];
        let opts = options(Europe::Stockholm);
        assert_eq!(calendar(&events, &opts), calendar(&events, &opts));
        let ics = calendar(&events, &opts);
        assert_eq!(
            ics.matches("DTSTAMP:").count(),
            2,
            "only the events carry DTSTAMP"
        );
        assert_eq!(ics.matches("UID:").count(), 2, "only the events carry UID");
    }

    #[test]
    fn europe_oslo() {
        let events = [
            event("winter@framsyn", utc(2017, 2, 8, 8, 30)),
            event("summer@framsyn", utc(2017, 5, 17, 8, 0)),
        ];
        let ics = calendar(&events, &options(Europe::Oslo));
        let cal = parse(&ics);
        assert_eq!(raw(&cal.properties, "X-WR-TIMEZONE"), "Europe/Oslo");
        let dtstart = prop(&cal.events[1].properties, "DTSTART").unwrap();
        assert_eq!(dtstart.value.as_deref(), Some("20170517T100000"));
        assert_eq!(
            param(dtstart, "TZID"),
            Some(&["Europe/Oslo".to_owned()][..])
        );
        let observances = observances_of(only_timezone(&cal));
        assert!(
            observances
                .iter()
                .any(|o| o.0 && o.1 == "20170326T020000" && o.2 == "+0100" && o.3 == "+0200")
        );
        assert!(
            observances
                .iter()
                .any(|o| !o.0 && o.1 == "20171029T030000" && o.2 == "+0200" && o.3 == "+0100")
        );
        assert_vtimezone_agrees(&ics, Europe::Oslo, 2017..=2017);
    }

    #[test]
    fn zone_without_daylight_saving_time() {
        let e = event("event-1@framsyn", utc(2017, 5, 17, 8, 30));
        let ics = calendar(std::slice::from_ref(&e), &options(Asia::Tokyo));
        let cal = parse(&ics);
        let dtstart = prop(&only_event(&cal).properties, "DTSTART").unwrap();
        assert_eq!(dtstart.value.as_deref(), Some("20170517T173000"));
        assert_eq!(param(dtstart, "TZID"), Some(&["Asia/Tokyo".to_owned()][..]));
        assert_eq!(
            observances_of(only_timezone(&cal)),
            [(
                false,
                "19700101T000000".to_owned(),
                "+0900".to_owned(),
                "+0900".to_owned(),
                "JST".to_owned()
            )]
        );
        assert_vtimezone_agrees(&ics, Asia::Tokyo, 2017..=2017);
    }

    #[test]
    fn utc_zone() {
        let e = event("event-1@framsyn", utc(2017, 5, 17, 8, 30));
        let ics = calendar(&[e], &options(chrono_tz::UTC));
        let cal = parse(&ics);
        let dtstart = prop(&only_event(&cal).properties, "DTSTART").unwrap();
        assert_eq!(dtstart.value.as_deref(), Some("20170517T083000"));
        assert_eq!(param(dtstart, "TZID"), Some(&["UTC".to_owned()][..]));
        assert_eq!(
            observances_of(only_timezone(&cal)),
            [(
                false,
                "19700101T000000".to_owned(),
                "+0000".to_owned(),
                "+0000".to_owned(),
                "UTC".to_owned()
            )]
        );
    }

    #[test]
    fn vtimezone_covers_every_year_of_the_events() {
        // Southern hemisphere: summer time over the new year; events in three years.
        let events = [
            event("a@framsyn", utc(2016, 12, 20, 23, 0)),
            event("b@framsyn", utc(2018, 7, 1, 0, 0)),
        ];
        let ics = calendar(&events, &options(Australia::Sydney));
        assert_vtimezone_agrees(&ics, Australia::Sydney, 2016..=2018);
        let cal = parse(&ics);
        let timezone = only_timezone(&cal);
        for (event, expected) in cal.events.iter().zip(&events) {
            assert_eq!(
                read_time(timezone, prop(&event.properties, "DTSTART").unwrap()),
                expected.starts
            );
            assert_eq!(
                read_time(timezone, prop(&event.properties, "DTEND").unwrap()),
                expected.ends
            );
        }

        let events = [event("a@framsyn", utc(2019, 11, 3, 5, 30))];
        let ics = calendar(&events, &options(America::New_York));
        assert_vtimezone_agrees(&ics, America::New_York, 2019..=2019);

        // Irish Standard Time is the summer's, GMT the winter's (negative DST in the tzdb).
        let events = [event("a@framsyn", utc(2017, 6, 1, 9, 0))];
        let ics = calendar(&events, &options(Europe::Dublin));
        assert_vtimezone_agrees(&ics, Europe::Dublin, 2017..=2017);
        let cal = parse(&ics);
        let observances = observances_of(only_timezone(&cal));
        assert!(
            observances.contains(&(
                true,
                "20170326T010000".to_owned(),
                "+0000".to_owned(),
                "+0100".to_owned(),
                "IST".to_owned()
            )),
            "{observances:?}"
        );
        assert!(
            observances.contains(&(
                false,
                "20171029T020000".to_owned(),
                "+0100".to_owned(),
                "+0000".to_owned(),
                "GMT".to_owned()
            )),
            "{observances:?}"
        );
    }

    #[test]
    fn far_apart_years_get_spans_of_their_own() {
        let events = [
            event("a@framsyn", utc(2017, 2, 8, 8, 30)),
            event("b@framsyn", utc(2031, 7, 1, 8, 30)),
        ];
        assert_eq!(
            year_spans(&events, Europe::Stockholm),
            [(2017, 2017), (2031, 2031)]
        );
        let ics = calendar(&events, &options(Europe::Stockholm));
        assert_vtimezone_agrees(&ics, Europe::Stockholm, 2017..=2017);
        assert_vtimezone_agrees(&ics, Europe::Stockholm, 2031..=2031);
        let cal = parse(&ics);
        let timezone = only_timezone(&cal);
        for (event, expected) in cal.events.iter().zip(&events) {
            assert_eq!(
                read_time(timezone, prop(&event.properties, "DTSTART").unwrap()),
                expected.starts
            );
        }
    }

    #[test]
    fn repeated_local_hour() {
        // 2017-10-29 02:30 happens twice in Stockholm: at 00:30 and at 01:30 UTC.
        let first = event("first@framsyn", utc(2017, 10, 29, 0, 30));
        let second = event("second@framsyn", utc(2017, 10, 29, 1, 30));
        let ics = calendar(
            &[first.clone(), second.clone()],
            &options(Europe::Stockholm),
        );
        let cal = parse(&ics);
        let timezone = only_timezone(&cal);
        let first_start = prop(&cal.events[0].properties, "DTSTART").unwrap();
        assert_eq!(first_start.value.as_deref(), Some("20171029T023000"));
        let second_start = prop(&cal.events[1].properties, "DTSTART").unwrap();
        assert_eq!(second_start.value.as_deref(), Some("20171029T013000Z"));
        assert_eq!(read_time(timezone, first_start), first.starts);
        assert_eq!(read_time(timezone, second_start), second.starts);
    }

    #[test]
    fn no_dtend_unless_after_the_start() {
        let mut e = event("event-1@framsyn", utc(2017, 3, 1, 12, 0));
        e.ends = e.starts;
        let cal = parse(&calendar(&[e], &options(Europe::Stockholm)));
        assert!(prop(&only_event(&cal).properties, "DTEND").is_none());
    }

    #[test]
    fn an_empty_feed_has_no_placeholder_time_zone_and_every_feed_says_how_often_to_refresh() {
        let ics = calendar(&[], &options(Europe::Stockholm));
        let cal = parse(&ics);
        assert!(cal.events.is_empty());
        assert!(!ics.contains("BEGIN:VTIMEZONE"), "{ics}");
        for ics in [
            ics,
            calendar(
                &[event("a@framsyn", utc(2017, 2, 8, 8, 30))],
                &options(Europe::Stockholm),
            ),
        ] {
            assert!(ics.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
            assert!(ics.contains("\r\nX-PUBLISHED-TTL:PT1H\r\n"));
        }
    }

    #[test]
    fn utc_offsets() {
        assert_eq!(utc_offset(3600), "+0100");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-5 * 3600), "-0500");
        assert_eq!(utc_offset(-(3 * 3600 + 30 * 60)), "-0330");
        assert_eq!(utc_offset(4332), "+011212");
    }
}
