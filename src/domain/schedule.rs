//! Which phase is active: by the dates, in the programme's time zone, unless a process
//! leader has overridden it.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::programme::Programme;

/// Today's date where the programme lives.
pub fn local_today(now: DateTime<Utc>, tz: Tz) -> NaiveDate {
    now.with_timezone(&tz).date_naive()
}

/// The phase the dates make active: the last phase that has started, as long as the
/// programme has not ended. Between two phases the earlier one is still active (its
/// home work goes on until the next shared event).
pub fn phase_by_date(programme: &Programme, today: NaiveDate) -> Option<&str> {
    if programme.ends().is_some_and(|end| today > end) {
        return None;
    }
    programme
        .phases
        .iter()
        .filter(|p| p.starts <= today)
        .max_by_key(|p| (p.starts, p.order))
        .map(|p| p.slug.as_str())
}

/// Why a phase is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActiveBy {
    Dates,
    Override,
}

/// Where the programme stands today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivePhase {
    /// The active phase's slug; `None` before the first phase and after the last.
    pub slug: Option<String>,
    pub by: ActiveBy,
    /// The state of the programme relative to its dates.
    pub stage: Stage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    NotStarted,
    Running,
    Ended,
}

/// The active phase given today's date and the latest override (a phase slug), if any.
/// An override naming a phase the programme no longer has is ignored.
pub fn active_phase(
    programme: &Programme,
    today: NaiveDate,
    override_slug: Option<&str>,
) -> ActivePhase {
    let stage = match (programme.starts(), programme.ends()) {
        (Some(start), _) if today < start => Stage::NotStarted,
        (_, Some(end)) if today > end => Stage::Ended,
        _ => Stage::Running,
    };
    if let Some(slug) = override_slug.filter(|s| programme.phase(s).is_some()) {
        return ActivePhase {
            slug: Some(slug.to_string()),
            by: ActiveBy::Override,
            stage,
        };
    }
    ActivePhase {
        slug: phase_by_date(programme, today).map(str::to_string),
        by: ActiveBy::Dates,
        stage,
    }
}
