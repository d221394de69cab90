//! Turning data into pages: the template environment, translations, dates, Markdown.
//!
//! Templates end in `.html` (auto-escaped) and undefined values are errors. The only
//! HTML ever marked safe is the output of [`markdown::to_safe_html`] (directly or
//! through its cache).

pub mod i18n;
pub mod links;
pub mod mail;
pub mod markdown;
pub mod print;
pub mod raster;
pub mod report;
pub mod table;

use std::fmt;

use chrono::{DateTime, Locale, NaiveDate};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value, ViaDeserialize};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, path_loader};

use crate::domain::lang::{Lang, Localized};
use crate::domain::privacy::former_participant_of;
use crate::files::Folder;

/// The stylesheet's file name in the assets.
const STYLESHEET: &str = "framsyn.css";

/// The template environment, built once at start.
pub struct Renderer {
    env: Environment<'static>,
    templates: Folder,
}

/// A template that does not load or render, with where it breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub template: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(
                f,
                "template {}, line {line}: {}",
                self.template, self.message
            ),
            None => write!(f, "template {}: {}", self.template, self.message),
        }
    }
}

impl std::error::Error for TemplateError {}

impl Renderer {
    /// The templates come from `templates`; the stylesheet in `assets` is included as
    /// `framsyn.css` by pages that must carry their own styles (the downloadable
    /// publication).
    pub fn new(templates: &Folder, assets: &Folder) -> Renderer {
        let mut env = Environment::new();
        let disk = match templates {
            Folder::Disk(dir) => Some(path_loader(dir)),
            Folder::Embedded { .. } => None,
        };
        let folder = templates.clone();
        let assets = assets.clone();
        env.set_loader(move |name| {
            if name == STYLESHEET {
                return assets.read_to_string(STYLESHEET).map(Some).map_err(|e| {
                    Error::new(ErrorKind::TemplateNotFound, "the stylesheet").with_source(e)
                });
            }
            match &disk {
                Some(load) => load(name),
                None => match folder.read(name) {
                    Ok(Some(bytes)) => {
                        String::from_utf8(bytes.into_owned())
                            .map(Some)
                            .map_err(|e| {
                                Error::new(ErrorKind::InvalidOperation, "not UTF-8 text")
                                    .with_source(e)
                            })
                    }
                    Ok(None) => Ok(None),
                    Err(e) => Err(Error::new(
                        ErrorKind::InvalidOperation,
                        "the template cannot be read",
                    )
                    .with_source(e)),
                },
            }
        });
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_formatter(person_formatter);
        env.add_function("t", translate);
        env.add_filter("markdown", markdown_filter);
        env.add_filter("tr", localized_filter);
        env.add_filter("trlang", localized_lang_filter);
        env.add_filter("date", date_filter);
        env.add_filter("datetime", datetime_filter);
        env.add_filter("month_year", month_year_filter);
        env.add_function("daterange", daterange);
        env.add_function("timerange", timerange);
        env.add_filter("clock", clock_filter);
        env.add_filter("day", day_filter);
        env.add_filter("num", number_filter);
        env.add_function("first", first_value);
        env.add_function("all_values", all_values);
        Renderer {
            env,
            templates: templates.clone(),
        }
    }

    /// Loads every template, then renders each once without data: a syntax error, an
    /// unknown block, filter, function or test, or a missing template is an error, so
    /// that a broken template stops start-up instead of reaching a page. What depends
    /// on the data a page gives (undefined values, types) is not checked here.
    /// Returns how many templates there are.
    pub fn check(&self) -> Result<usize, TemplateError> {
        let names = self.templates.list("html").map_err(|e| TemplateError {
            template: self.templates.to_string(),
            line: None,
            message: format!("cannot be read: {e}"),
        })?;
        if names.is_empty() {
            return Err(TemplateError {
                template: self.templates.to_string(),
                line: None,
                message: "no templates (*.html)".into(),
            });
        }
        for name in &names {
            self.env
                .get_template(name)
                .map_err(|e| template_error(name, &e))?;
        }
        let mut dry = self.env.clone();
        dry.set_undefined_behavior(UndefinedBehavior::Chainable);
        for name in &names {
            let template = dry
                .get_template(name)
                .map_err(|e| template_error(name, &e))?;
            if let Err(e) = template.render(minijinja::context! {}) {
                let inner = innermost(&e);
                if matches!(
                    inner.kind(),
                    ErrorKind::SyntaxError
                        | ErrorKind::TemplateNotFound
                        | ErrorKind::UnknownBlock
                        | ErrorKind::UnknownFilter
                        | ErrorKind::UnknownFunction
                        | ErrorKind::UnknownTest
                        | ErrorKind::BadEscape
                ) {
                    return Err(template_error(name, &e));
                }
            }
        }
        Ok(names.len())
    }

    /// Renders a template with `ctx`, which must hold `lang` (a language code) and
    /// `default_lang` and `tz` for the programme.
    pub fn render(&self, name: &str, ctx: Value) -> Result<String, Error> {
        self.env.get_template(name)?.render(ctx)
    }
}

/// The innermost template error in `error`'s chain: the one that says where it breaks.
fn innermost(error: &Error) -> &Error {
    let mut inner = error;
    let mut source = std::error::Error::source(error);
    while let Some(next) = source {
        if let Some(e) = next.downcast_ref::<Error>() {
            inner = e;
        }
        source = next.source();
    }
    inner
}

fn template_error(name: &str, error: &Error) -> TemplateError {
    let inner = innermost(error);
    let message = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    TemplateError {
        template: inner.name().unwrap_or(name).to_string(),
        line: inner.line(),
        message,
    }
}

fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

fn default_lang_of(state: &State) -> Lang {
    state
        .lookup("default_lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or_default()
}

fn tz_of(state: &State) -> Tz {
    state
        .lookup("tz")
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or(Tz::Europe__Stockholm)
}

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Sv => Locale::sv_SE,
        Lang::Nb => Locale::nb_NO,
        Lang::En => Locale::en_GB,
    }
}

/// A person's name as pages show it: the name, or for an anonymised person (as storage
/// reads them, see [`crate::domain::privacy::FORMER_PARTICIPANT`]) "a former participant
/// of ORGANISATION" in `lang`.
pub fn person_name(lang: Lang, name: &str) -> String {
    match former_participant_of(name) {
        Some(organisation) => i18n::text_with(
            lang,
            "privacy-former-participant",
            &[("organisation", FluentValue::from(organisation.to_string()))],
        ),
        None => name.to_string(),
    }
}

/// Every `{{ value }}` printed (escaped as ever): an anonymised person's name in the
/// reader's language (see [`person_name`]), anything else as it is.
fn person_formatter(
    out: &mut minijinja::Output,
    state: &State,
    value: &Value,
) -> Result<(), Error> {
    match value
        .as_str()
        .filter(|s| former_participant_of(s).is_some())
    {
        Some(name) => {
            let shown = Value::from(person_name(lang_of(state), name));
            minijinja::escape_formatter(out, state, &shown)
        }
        None => minijinja::escape_formatter(out, state, value),
    }
}

/// `t(key, name=value, …)`: the interface text in the page's language.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, Error> {
    let lang = lang_of(state);
    let mut args: Vec<(&str, FluentValue<'static>)> = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let value = if let Some(n) = value.as_i64() {
            FluentValue::from(n)
        } else if let Some(text) = value.as_str() {
            FluentValue::from(person_name(lang, text))
        } else {
            FluentValue::from(value.to_string())
        };
        args.push((name, value));
    }
    Ok(if args.is_empty() {
        i18n::text(lang, key)
    } else {
        i18n::text_with(lang, key, &args)
    })
}

fn markdown_filter(text: &str) -> Value {
    Value::from_safe_string(markdown::to_safe_html_cached(text).to_string())
}

/// `x|tr`: a text given in several languages, in the page's language or the programme's.
fn localized_filter(state: &State, text: Option<ViaDeserialize<Localized>>) -> String {
    text.map(|t| t.pick(lang_of(state), default_lang_of(state)).to_string())
        .unwrap_or_default()
}

/// `x|trlang`: the language code `x|tr` answers in, for a `lang` attribute.
fn localized_lang_filter(state: &State, text: Option<ViaDeserialize<Localized>>) -> String {
    let lang = lang_of(state);
    text.map(|t| t.lang_of(lang, default_lang_of(state)))
        .unwrap_or(lang)
        .code()
        .to_string()
}

/// `x|num`: a figure with at most two decimals, without trailing zeros, with the decimal
/// sign of the page's language (4,5 in Swedish and Norwegian, 4.5 in English); none is "–".
fn number_filter(state: &State, value: Option<f64>) -> String {
    match value {
        None => "–".to_string(),
        Some(v) => format_number(lang_of(state), v),
    }
}

/// A figure as the `num` filter writes it.
pub fn format_number(lang: Lang, value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let mut text = format!("{rounded:.2}");
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    if text == "-0" {
        text = "0".into();
    }
    let text = text.replace('-', "−");
    match lang {
        Lang::En => text,
        _ => text.replace('.', ","),
    }
}

fn parse_date(value: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|e| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("not a date: {value}: {e}"),
        )
    })
}

/// The kinds of date the pages write, each in one style per language. This is the one
/// place where dates are formatted for people: every filter and function below goes
/// through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    /// A whole date: "4 februari 2027", "4. februar 2027", "4 February 2027".
    Long,
    /// Day and month, the first half of a range within one year: "29 mars", "29. mars".
    DayMonth,
    /// The day alone, the first half of a range within one month: "8", "8.".
    Day,
    /// A month: "januari 2027", "januar 2027", "January 2027".
    MonthYear,
}

/// The `strftime` pattern of a date style in a language: Norwegian writes the day as an
/// ordinal, with a point.
fn date_pattern(lang: Lang, style: DateStyle) -> &'static str {
    match (style, lang) {
        (DateStyle::Long, Lang::Nb) => "%-d. %B %Y",
        (DateStyle::Long, _) => "%-d %B %Y",
        (DateStyle::DayMonth, Lang::Nb) => "%-d. %B",
        (DateStyle::DayMonth, _) => "%-d %B",
        (DateStyle::Day, Lang::Nb) => "%-d.",
        (DateStyle::Day, _) => "%-d",
        (DateStyle::MonthYear, _) => "%B %Y",
    }
}

fn format_styled(lang: Lang, date: NaiveDate, style: DateStyle) -> String {
    date.format_localized(date_pattern(lang, style), locale(lang))
        .to_string()
}

/// A whole date, as every page writes one.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    format_styled(lang, date, DateStyle::Long)
}

/// A moment (date and time of day), as every page writes one: "4 februari 2027, 09:30".
pub fn format_moment(lang: Lang, at: chrono::DateTime<Tz>) -> String {
    format!(
        "{}, {}",
        format_date(lang, at.date_naive()),
        at.format("%H:%M")
    )
}

/// `"2027-01-01"|month_year`: the month of a date, "januari 2027".
fn month_year_filter(state: &State, value: &str) -> Result<String, Error> {
    let lang = lang_of(state);
    Ok(format_styled(
        lang,
        parse_date(value)?,
        DateStyle::MonthYear,
    ))
}

/// `"2017-02-08"|date`: a long date in the page's language.
fn date_filter(state: &State, value: &str) -> Result<String, Error> {
    Ok(format_date(lang_of(state), parse_date(value)?))
}

/// `seconds|datetime`: a Unix time as date and time in the programme's time zone.
fn datetime_filter(state: &State, seconds: i64) -> Result<String, Error> {
    Ok(format_moment(lang_of(state), local(state, seconds)?))
}

/// `daterange(starts, ends)`: "8–9 februari 2017", "29 mars – 2 april 2017", or one date.
fn daterange(state: &State, starts: &str, ends: &str) -> Result<String, Error> {
    let lang = lang_of(state);
    let (a, b) = (parse_date(starts)?, parse_date(ends)?);
    use chrono::Datelike;
    Ok(if a == b {
        format_date(lang, a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!(
            "{}–{}",
            format_styled(lang, a, DateStyle::Day),
            format_date(lang, b)
        )
    } else if a.year() == b.year() {
        format!(
            "{} – {}",
            format_styled(lang, a, DateStyle::DayMonth),
            format_date(lang, b)
        )
    } else {
        format!("{} – {}", format_date(lang, a), format_date(lang, b))
    })
}

fn local(state: &State, seconds: i64) -> Result<chrono::DateTime<Tz>, Error> {
    Ok(DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "time out of range"))?
        .with_timezone(&tz_of(state)))
}

/// `seconds|clock`: the local time of day, `09:30`.
fn clock_filter(state: &State, seconds: i64) -> Result<String, Error> {
    Ok(local(state, seconds)?.format("%H:%M").to_string())
}

/// `seconds|day`: the local date, long form.
fn day_filter(state: &State, seconds: i64) -> Result<String, Error> {
    Ok(format_date(
        lang_of(state),
        local(state, seconds)?.date_naive(),
    ))
}

/// `timerange(starts, ends)` (Unix seconds): "17 maj 2017, 10:00–16:00" or, over several
/// days, "29 mars 2017, 09:30 – 30 mars 2017, 16:00", in the programme's time zone.
fn timerange(state: &State, starts: i64, ends: i64) -> Result<String, Error> {
    let lang = lang_of(state);
    let (a, b) = (local(state, starts)?, local(state, ends)?);
    Ok(if a.date_naive() == b.date_naive() {
        format!("{}–{}", format_moment(lang, a), b.format("%H:%M"))
    } else {
        format!("{} – {}", format_moment(lang, a), format_moment(lang, b))
    })
}

/// `first(values, key, default)`: the first value sent for a form field, or `default`
/// (for forms that come back with what was typed).
fn first_value(values: Value, key: &str, default: Option<String>) -> Result<Value, Error> {
    let found = values.get_attr(key)?;
    if found.is_undefined() || found.is_none() {
        return Ok(Value::from(default.unwrap_or_default()));
    }
    match found.try_iter() {
        Ok(mut items) if found.as_str().is_none() => {
            Ok(items.next().unwrap_or_else(|| Value::from("")))
        }
        _ => Ok(found),
    }
}

/// `all_values(values, key)`: every value sent for a form field (checkbox groups).
fn all_values(values: Value, key: &str) -> Result<Value, Error> {
    let found = values.get_attr(key)?;
    if found.is_undefined() || found.is_none() {
        Ok(Value::from(Vec::<Value>::new()))
    } else {
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chart::{self, DriverItem, RadarItem, Shape};
    use crate::domain::stats::{self, Scale};
    use minijinja::context;

    fn renderer() -> Renderer {
        Renderer::new(&Folder::shipped_templates(), &Folder::shipped_assets())
    }

    /// Renders `source` as an `.html` page would be (auto-escaped, strict) twice, and
    /// checks that both renders are the same text.
    fn render_twice(source: &str, ctx: Value) -> String {
        let renderer = renderer();
        let page = renderer
            .env
            .template_from_named_str("chart-test.html", source)
            .unwrap();
        let first = page.render(ctx.clone()).unwrap();
        let second = page.render(ctx).unwrap();
        assert_eq!(first, second);
        first
    }

    /// `source` rendered in each language, in the programme's time zone.
    fn in_each_language(source: &str) -> [String; 3] {
        ["sv", "nb", "en"].map(|lang| {
            render_twice(
                source,
                minijinja::context! { lang, default_lang => "sv", tz => "Europe/Stockholm" },
            )
        })
    }

    #[test]
    fn every_kind_of_date_has_one_style_per_language() {
        assert_eq!(
            in_each_language(r#"{{ "2027-02-04"|date }}"#),
            ["4 februari 2027", "4. februar 2027", "4 February 2027"]
        );
        // The month view's caption names the month, not its first day.
        assert_eq!(
            in_each_language(r#"{{ "2027-01-01"|month_year }}"#),
            ["januari 2027", "januar 2027", "January 2027"]
        );
        assert_eq!(
            in_each_language(r#"{{ daterange("2017-02-08", "2017-02-09") }}"#),
            [
                "8–9 februari 2017",
                "8.–9. februar 2017",
                "8–9 February 2017"
            ]
        );
        assert_eq!(
            in_each_language(r#"{{ daterange("2017-03-29", "2017-04-02") }}"#),
            [
                "29 mars – 2 april 2017",
                "29. mars – 2. april 2017",
                "29 March – 2 April 2017"
            ]
        );
        // 2027-02-04 08:30 UTC is 09:30 in Stockholm: a moment is its long date and time,
        // the same date style as everywhere else.
        let at = chrono::NaiveDate::from_ymd_opt(2027, 2, 4)
            .unwrap()
            .and_hms_opt(8, 30, 0)
            .unwrap()
            .and_utc()
            .timestamp();
        assert_eq!(
            in_each_language(&format!("{{{{ {at}|datetime }}}}")),
            [
                "4 februari 2027, 09:30",
                "4. februar 2027, 09:30",
                "4 February 2027, 09:30"
            ]
        );
        assert_eq!(
            in_each_language(&format!("{{{{ timerange({at}, {}) }}}}", at + 3600)),
            [
                "4 februari 2027, 09:30–10:30",
                "4. februar 2027, 09:30–10:30",
                "4 February 2027, 09:30–10:30"
            ]
        );
    }

    #[test]
    fn counts_take_the_plural_form_of_their_language() {
        let counted = |n: i64| {
            in_each_language(&format!(
                r#"{{{{ t("search-count", count={n}) }}}} / {{{{ t("bank-count", count={n}) }}}}"#
            ))
        };
        assert_eq!(
            counted(1),
            ["1 träff / 1 notis", "1 treff / 1 notat", "1 match / 1 note"]
        );
        assert_eq!(
            counted(2),
            [
                "2 träffar / 2 notiser",
                "2 treff / 2 notater",
                "2 matches / 2 notes"
            ]
        );
        assert_eq!(
            counted(0),
            [
                "0 träffar / 0 notiser",
                "0 treff / 0 notater",
                "0 matches / 0 notes"
            ]
        );
    }

    /// What every chart must be: one labelled image, without inline style or script, its
    /// shapes carrying their own colours.
    fn assert_accessible_svg(svg: &str, uid: &str) {
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("viewBox=\""));
        // Sized to the page: no fixed width or height on the chart itself.
        let root = svg.split("<svg").nth(1).unwrap().split('>').next().unwrap();
        assert!(
            !root.contains(" width=") && !root.contains(" height="),
            "{root}"
        );
        // The site's style sheet styles none of it.
        assert!(!root.contains("class=\"chart "), "{root}");
        assert!(svg.contains(&format!("aria-labelledby=\"{uid}-title {uid}-desc\"")));
        assert!(svg.contains(&format!("<title id=\"{uid}-title\">")));
        assert!(svg.contains(&format!("<desc id=\"{uid}-desc\">")));
        assert!(!svg.contains("style="));
        assert!(!svg.contains("<script"));
        // Each shape draws right without the style sheet: its colours are its own.
        for (shape, needs) in [
            ("<circle ", " fill=\""),
            ("<rect ", " fill=\""),
            ("<path ", " fill=\""),
        ]
        .into_iter()
        .chain([("<line ", " stroke=\""), ("<text ", " font-size=\"")])
        {
            for element in svg.split(shape).skip(1) {
                let element = element.split("/>").next().unwrap_or_default();
                assert!(element.contains(needs), "{shape}{element}");
            }
        }
    }

    #[test]
    fn the_radar_draws_one_marker_per_note() {
        let items: Vec<RadarItem> = (1..=25)
            .map(|id| RadarItem {
                id,
                number: id as usize,
                sector: id as usize % 6,
                ring: (id % 5 != 0).then_some(id as usize % 4),
                shape: Shape::for_index(id as usize),
                size: (id % 3 != 0).then_some(3.0),
            })
            .collect();
        let radar = chart::radar(&items, 6, 4, &chart::RadarText::NONE);
        let ctx = context! {
            r => Value::from_serialize(&radar),
            heading => "Trender <& radar>",
            about => "25 notes",
            sectors => vec!["S", "T", "E", "E", "P", "V"],
            rings => vec!["2030", "2040", "2050", "later", "no band"],
        };
        let svg = render_twice(
            "{% import 'charts.html' as c %}{{ c.radar(r, heading, about, sectors, rings, uid='tr') }}",
            ctx,
        );
        assert_accessible_svg(&svg, "tr");
        assert_eq!(svg.matches("class=\"chart-marker ").count(), 25);
        assert_eq!(svg.matches("class=\"chart-num\"").count(), 25);
        assert_eq!(svg.matches("chart-unrated").count(), 8);
        assert!(svg.contains("Trender &lt;&amp; radar&gt;"));
        assert!(svg.contains(">no band</text>"));
        assert_eq!(svg.matches("<circle class=\"chart-ring").count(), 5);
    }

    #[test]
    fn the_driver_map_draws_points_whiskers_and_quadrants() {
        let items: Vec<DriverItem> = (1..=4)
            .map(|id| DriverItem {
                id,
                number: id as usize,
                impact_median: 1.0 + id as f64,
                impact_q1: id as f64,
                impact_q3: 2.0 + id as f64,
                uncertainty_median: 3.0,
                uncertainty_q1: 2.0,
                uncertainty_q3: 4.0,
            })
            .collect();
        let map = chart::driver_map(&items);
        let ctx = context! {
            m => Value::from_serialize(&map),
            heading => "Drivers",
            about => "Four drivers",
            quadrants => context! {
                critical_uncertainties => "Critical",
                predetermined => "Predetermined",
                wild_cards_to_watch => "Watch",
                background => "Background",
            },
            x => "Impact",
            y => "Uncertainty",
        };
        let svg = render_twice(
            "{% import 'charts.html' as c %}{{ c.driver_map(m, heading, about, quadrants, x, y, uid='dm') }}",
            ctx,
        );
        assert_accessible_svg(&svg, "dm");
        assert_eq!(svg.matches("class=\"chart-point\"").count(), 4);
        assert_eq!(svg.matches("class=\"chart-whisker\"").count(), 8);
        assert_eq!(svg.matches("class=\"chart-quadrant ").count(), 4);
        for label in [">Critical<", ">Watch<", ">Impact<", ">Uncertainty<"] {
            assert!(svg.contains(label), "{label}");
        }
        assert!(svg.contains("transform=\"rotate(-90 "));
    }

    #[test]
    fn the_distribution_draws_bars_with_their_counts_and_the_scale_words() {
        let mut answers: Vec<Option<i32>> = vec![Some(1), Some(2), Some(2), None];
        answers.extend(std::iter::repeat_n(Some(4), 9));
        let summary = stats::summarise(&answers, Scale::ONE_TO_FIVE, stats::CONSENSUS_MIN_ANSWERS);
        let d = chart::distribution(&summary, Scale::ONE_TO_FIVE, Some(2));
        let ctx = context! {
            d => Value::from_serialize(&d),
            heading => "Impact",
            about => "12 answers",
            labels => vec![vec!["1", "Very low"], vec!["2", "Low"], vec!["3", "Middle"], vec!["4", "High"], vec!["5", "Very high"]],
        };
        let svg = render_twice(
            "{% import 'charts.html' as c %}{{ c.distribution(d, heading, about, labels, uid='q7') }}",
            ctx,
        );
        assert_accessible_svg(&svg, "q7");
        // Bars on 1, 2 and 4, and every point's count printed.
        assert_eq!(svg.matches("class=\"chart-bar\"").count(), 3);
        let counts: Vec<&str> = svg
            .split("data-count=\"")
            .skip(1)
            .map(|c| c.split('"').next().unwrap())
            .collect();
        assert_eq!(counts, ["1", "2", "0", "9", "0"]);
        assert!(svg.contains(">Very high</tspan>"));
        assert_eq!(svg.matches("class=\"chart-median\"").count(), 1);
        assert_eq!(svg.matches("class=\"chart-own\"").count(), 1);
        assert_eq!(svg.matches("class=\"chart-scale-label\"").count(), 5);
    }
}
