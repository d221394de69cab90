//! The programme's story up to the moment the demo acts as, told through the storage
//! functions and domain rules the application uses, each step on the day it happens.

mod backcasting;
mod consequences;
mod scenarios;

use crate::app::editorial::{self, StepInput, StepOutcome};
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use rusqlite::Transaction;

use super::{DemoFile, DemoReport, local_moment};
use crate::domain::assignment::{Action, Ranked, TrendRanking, transition};
use crate::domain::bank::{LinkKind, NoteStatus, NoteType, check_parent};
use crate::domain::credentials::hash_password;
use crate::domain::event::{Audience, EventKind, EventStatus, Mode, StatusAction, ValidEvent};
use crate::domain::input::{InputForm, InputStatus, redaction};
use crate::domain::programme::{ActivityKind, AssignmentPart, Programme};
use crate::domain::publication::{PublicationForm, Step};
use crate::domain::rating::{
    Answer, Criterion, RatingSheet, RoundForm, RoundState, can_follow, state,
};
use crate::domain::source::Stance;
use crate::domain::user::{Email, Role};
use crate::storage::audit::Actor;
use crate::storage::events::{Registered, Registrant};
use crate::storage::submissions::Draft;
use crate::storage::{
    Db, StorageError, audit, bank, events, inputs, organisations, overrides, publications, rounds,
    sources, submissions, users,
};

type Result<T> = anyhow::Result<T>;

/// A demo person, once stored.
#[derive(Debug, Clone)]
struct Person {
    id: i64,
    name: String,
    email: String,
    organisation: i64,
    roles: Vec<Role>,
}

/// What the story has made so far, by the keys the demo files use.
struct Cast<'a> {
    db: &'a Db,
    programme: &'a Programme,
    acts_as: DateTime<Utc>,
    people: Vec<Person>,
    /// Organisations in the order of the demo file, with their strategists.
    organisations: Vec<(i64, String, Vec<Person>)>,
    notes: HashMap<String, i64>,
    sources: HashMap<String, i64>,
    /// When each source came into the bank (a note cites it only after).
    source_added: HashMap<i64, DateTime<Utc>>,
    rounds: HashMap<String, i64>,
    events: HashMap<String, i64>,
    /// Scenario sets by phase.
    scenario_sets: HashMap<String, scenarios::Made>,
    /// Backcasting's shared visions by phase, and its actions by key.
    visions: HashMap<String, i64>,
    actions: HashMap<String, i64>,
}

impl Cast<'_> {
    /// Runs `f` in one write transaction at `moment`, which must come before the moment
    /// the demo acts as (or the story would tell of what has not happened yet).
    fn at<T>(&self, moment: DateTime<Utc>, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        anyhow::ensure!(
            moment <= self.acts_as,
            "a demo step at {moment} comes after the moment the demo acts as ({})",
            self.acts_as
        );
        self.db.clock().set(moment);
        // A failed step rolls its transaction back and reports its own error.
        let mut failure = None;
        let value = self.db.write_blocking(|tx| {
            f(tx).map_err(|e| {
                failure = Some(e);
                StorageError::Task("a demo step failed".into())
            })
        });
        value.map_err(|e| failure.unwrap_or_else(|| e.into()))
    }

    fn local(&self, text: &str) -> Result<DateTime<Utc>> {
        local_moment(self.programme, text)
    }

    fn with_role(&self, role: Role) -> Result<&Person> {
        self.people
            .iter()
            .find(|p| p.roles.contains(&role))
            .ok_or_else(|| anyhow::anyhow!("the demo has nobody with the role {role:?}"))
    }

    /// The second person with `role`, or the first when there is only one.
    fn person(&self, email: &str) -> Result<&Person> {
        self.people
            .iter()
            .find(|p| p.email == email)
            .ok_or_else(|| anyhow::anyhow!("the demo has nobody with the address {email}"))
    }

    fn second_with_role(&self, role: Role) -> Result<&Person> {
        let mut found = self.people.iter().filter(|p| p.roles.contains(&role));
        let first = found
            .next()
            .ok_or_else(|| anyhow::anyhow!("the demo has nobody with the role {role:?}"))?;
        Ok(found.next().unwrap_or(first))
    }

    /// The organisations that have a strategist, each with its first strategist.
    fn writers(&self) -> Vec<(i64, &str, &Person)> {
        self.organisations
            .iter()
            .filter_map(|(id, name, strategists)| {
                strategists.first().map(|p| (*id, name.as_str(), p))
            })
            .collect()
    }

    fn note(&self, key: &str) -> Result<i64> {
        self.notes
            .get(key)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("the demo names an unknown note {key:?}"))
    }

    fn phase_slugs(&self) -> Vec<&str> {
        self.programme
            .phases
            .iter()
            .map(|p| p.slug.as_str())
            .collect()
    }

    fn phase_start(&self, slug: &str) -> DateTime<Utc> {
        let phase = self.programme.phase(slug).or(self.programme.phases.first());
        let date = phase.map(|p| p.starts).unwrap_or_default();
        self.day_at(date, 9)
    }

    fn day_at(&self, date: chrono::NaiveDate, hour: u32) -> DateTime<Utc> {
        self.programme
            .time_zone
            .from_local_datetime(&date.and_hms_opt(hour, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }
}

fn actor(person: &Person) -> Actor {
    Actor {
        user_id: Some(person.id),
        address: None,
    }
}

/// Loads the demo into `db` (blocking; for the command line and tests). The database's
/// clock is moved through the story and left at the moment the demo acts as. A database
/// marked as a demo already is left as it is.
pub fn load(db: &Db, programme: &Programme, demo: &DemoFile) -> Result<DemoReport> {
    let acts_as = demo.acts_as(programme)?;
    if let Some(mark) = db.read_blocking(crate::storage::demo::mark)? {
        anyhow::ensure!(
            mark.programme == programme.slug,
            "the database holds the demo of {}, not of {}; load each demo into a database of its own",
            mark.programme,
            programme.slug
        );
        db.clock()
            .set(DateTime::from_timestamp(mark.acts_as, 0).unwrap_or(acts_as));
        return Ok(DemoReport {
            already_loaded: true,
            ..Default::default()
        });
    }
    let mut cast = Cast {
        db,
        programme,
        acts_as,
        people: Vec::new(),
        organisations: Vec::new(),
        notes: HashMap::new(),
        sources: HashMap::new(),
        source_added: HashMap::new(),
        rounds: HashMap::new(),
        events: HashMap::new(),
        scenario_sets: HashMap::new(),
        visions: HashMap::new(),
        actions: HashMap::new(),
    };
    let mut report = DemoReport::default();
    let start = programme
        .starts()
        .map(|d| cast.day_at(d, 9))
        .unwrap_or(acts_as)
        - Duration::days(60);
    people(&mut cast, demo, start, &mut report)?;
    phase_overrides(&cast, demo)?;
    schedule(&mut cast, demo, start, &mut report)?;
    bank_sources(&mut cast, demo, &mut report)?;
    bank_notes(&mut cast, demo, &mut report)?;
    registrations(&cast, demo)?;
    proposals(&cast, demo)?;
    rating_rounds(&mut cast, demo)?;
    scenarios::make(&mut cast, demo)?;
    let answered = consequences::tell(&cast, demo)?;
    let told = backcasting::tell(&cast, demo, &answered)?;
    cast.visions = told.visions;
    cast.actions = told.actions;
    assignments(&cast, demo)?;
    scenarios::settle(&cast, demo)?;
    texts(&cast, demo)?;
    input(&cast, demo)?;
    messages(&cast, demo)?;
    outbox(&cast)?;
    let slug = programme.slug.clone();
    cast.at(acts_as, |tx| {
        crate::storage::demo::set_mark(tx, &slug, acts_as.timestamp())?;
        audit::record(
            tx,
            &Actor::default(),
            "demo.load",
            None,
            Some(&format!("{report:?}")),
        )?;
        Ok(())
    })?;
    db.clock().set(acts_as);
    Ok(report)
}

/// The messages not caused by a change: the process leaders' messages to participants,
/// the digests of those who chose one, and the reminders of due dates and rating rounds
/// as the scheduled task would have written them at their moments.
fn messages(cast: &Cast, demo: &DemoFile) -> Result<()> {
    use crate::app::reminders;
    use crate::domain::mail::{self, AnnouncementForm, ROUND_CLOSING_NOTICE};
    for reader in &demo.digest_readers {
        let person = cast.person(&reader.email)?;
        let since = cast.local(&reader.since)?;
        cast.at(since, |tx| {
            crate::storage::reminders::set_digest(
                tx,
                person.id,
                Some(reader.period),
                since.timestamp(),
            )?;
            Ok(())
        })?;
    }
    let organisations = cast.db.read_blocking(crate::storage::organisations::all)?;
    let schedule = reminders::schedule_of(cast.programme, &organisations);
    let slugs: Vec<String> = schedule
        .assignments
        .iter()
        .map(|(slug, _)| slug.clone())
        .collect();
    for item in &demo.announcements {
        let sender = cast.person(&item.from)?;
        let form = AnnouncementForm {
            audience: item.audience.clone(),
            category: item.category.clone(),
            event: String::new(),
            phase: item.phase.clone(),
            subject: item.subject.clone(),
            body: item.body.clone(),
            token: String::new(),
        };
        let valid = form
            .validate(&slugs, &[])
            .map_err(|e| anyhow::anyhow!("demo announcement {:?}: {e:?}", item.subject))?;
        cast.at(cast.local(&item.sent)?, |tx| {
            crate::app::announcements::send_in(
                tx,
                &actor(sender),
                &sender.name,
                &valid,
                &schedule.organisers,
            )?;
            Ok(())
        })?;
    }
    // The scheduled task's passes: an hour into each reminder's day and each round's
    // notices, and each week of the last month (for the digests).
    let tz = schedule.tz;
    let hour = Duration::hours(1);
    let mut moments = Vec::new();
    for (_, due) in &schedule.assignments {
        for days in mail::REMINDER_DAYS {
            moments.push(mail::reminder_begins(*due, days, tz) + hour);
        }
    }
    let rounds = cast.db.read_blocking(crate::storage::rounds::all)?;
    for round in rounds {
        let at = |s: i64| DateTime::from_timestamp(s, 0).unwrap_or(cast.acts_as);
        moments.push(at(round.opens_at) + hour);
        moments.push(at(round.closes_at - ROUND_CLOSING_NOTICE) + hour);
    }
    for week in 0..5 {
        moments.push(cast.acts_as - Duration::days(7 * week) - hour);
    }
    moments.retain(|m| *m <= cast.acts_as);
    moments.sort();
    for moment in moments {
        cast.at(moment, |tx| {
            reminders::write_due_in(tx, &schedule, moment)?;
            Ok(())
        })?;
    }
    Ok(())
}

/// The outbox as a workspace with an SMTP server leaves it: what was written more than a
/// day ago went out a minute after it was written, except one (a guest's, where there
/// are guests), which the receiving server refused; the last day's messages, and at
/// least the two newest, wait (the demo is served without a server).
fn outbox(cast: &Cast) -> Result<()> {
    use crate::domain::mail::{Status, message_id};
    use crate::storage::outbox;
    let cutoff = (cast.acts_as - Duration::days(1)).timestamp();
    cast.at(cast.acts_as, |tx| {
        let mut waiting = outbox::list(tx, Some(Status::Queued), i64::MAX)?;
        waiting.sort_by_key(|m| m.id);
        // The last day's wait, and at least the two newest when the last day was quiet.
        let keep = waiting.len().saturating_sub(2);
        let settled: Vec<_> = waiting
            .iter()
            .enumerate()
            .filter(|(i, m)| m.created_at < cutoff && *i < keep)
            .map(|(_, m)| m)
            .collect();
        let refused = settled
            .iter()
            .filter(|m| m.user_id.is_none())
            .map(|m| m.id)
            .max()
            .or_else(|| settled.first().map(|m| m.id));
        for m in settled {
            outbox::set_message_id(tx, m.id, &message_id(&m.token, "framsyn.demo.test"))?;
            if Some(m.id) == refused {
                let error = format!(
                    "permanent error (550): 5.1.1 <{}>: Recipient address rejected: User unknown",
                    m.recipient
                );
                outbox::mark_failed_attempt(tx, m.id, &error, None)?;
            } else {
                outbox::mark_sent(tx, m.id, m.created_at + 60, &m.content.redacted())?;
            }
        }
        Ok(())
    })
}

fn people(
    cast: &mut Cast,
    demo: &DemoFile,
    at: DateTime<Utc>,
    report: &mut DemoReport,
) -> Result<()> {
    let hash = hash_password(demo.password());
    let mut orgs = Vec::new();
    for form in &demo.organisations {
        let valid = form
            .validate()
            .map_err(|e| anyhow::anyhow!("demo organisation {:?}: {e:?}", form.name))?;
        orgs.push(valid);
    }
    let mut checked = Vec::new();
    for user in &demo.users {
        let email = Email::parse(&user.email)
            .ok_or_else(|| anyhow::anyhow!("demo user {:?}: bad e-mail", user.email))?;
        checked.push((user, email));
    }
    let (people, organisations) = cast.at(at, |tx| {
        let mut ids = Vec::new();
        for org in &orgs {
            let id = match organisations::find_by_name(tx, &org.name)? {
                Some(id) => id,
                None => {
                    report.organisations_added += 1;
                    organisations::insert(tx, org)?
                }
            };
            ids.push((id, org.name.clone()));
        }
        let mut people = Vec::new();
        for (user, email) in &checked {
            let Some(org) = organisations::find_by_name(tx, &user.organisation)? else {
                anyhow::bail!(
                    "demo user {} names an unknown organisation {:?}",
                    email.as_str(),
                    user.organisation
                );
            };
            let id = match users::find_by_email(tx, email.as_str())? {
                Some(id) => id,
                None => {
                    let id = users::insert(tx, &user.name, email, org, &user.roles)?;
                    if !user.invited {
                        users::set_password_hash(tx, id, &hash)?;
                    }
                    report.users_added += 1;
                    id
                }
            };
            people.push(Person {
                id,
                name: user.name.clone(),
                email: email.as_str().to_string(),
                organisation: org,
                roles: user.roles.clone(),
            });
        }
        audit::record(
            tx,
            &Actor::default(),
            "demo.people",
            None,
            Some(&format!(
                "{} organisations, {} people",
                ids.len(),
                people.len()
            )),
        )?;
        Ok((people, ids))
    })?;
    cast.organisations = organisations
        .into_iter()
        .map(|(id, name)| {
            let strategists = people
                .iter()
                .filter(|p| p.organisation == id && p.roles.contains(&Role::Strategist))
                .cloned()
                .collect();
            (id, name, strategists)
        })
        .collect();
    cast.people = people;
    Ok(())
}

fn phase_overrides(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let Ok(leader) = cast.with_role(Role::ProcessLeader) else {
        return Ok(());
    };
    for change in &demo.phase_overrides {
        let at = cast.local(&change.at)?;
        let slug = cast.programme.slug.as_str();
        cast.at(at, |tx| {
            overrides::set(
                tx,
                slug,
                change.phase.as_deref(),
                Some(&change.reason),
                leader.id,
            )?;
            audit::record(
                tx,
                &actor(leader),
                "phase.override",
                change.phase.as_deref(),
                Some(&change.reason),
            )?;
            Ok(())
        })?;
    }
    Ok(())
}

/// The programme's shared events from its phase files, by activity slug, with what the
/// demo says about them (audience, registration window, contact).
fn programme_events(cast: &Cast, demo: &DemoFile) -> Result<Vec<(String, ValidEvent)>> {
    let programme = cast.programme;
    let tz = programme.time_zone;
    let lang = programme.default_language;
    let at = |date: chrono::NaiveDate, time: Option<NaiveTime>, default: u32| {
        let time =
            time.unwrap_or_else(|| NaiveTime::from_hms_opt(default, 0, 0).expect("a whole hour"));
        tz.from_local_datetime(&date.and_time(time))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    };
    let mut out = Vec::new();
    for phase in &programme.phases {
        for (kind, event) in phase.events() {
            let (Some(starts), Some(ends)) = (
                at(event.starts, event.start_time, 9),
                at(event.ends, event.end_time, 16),
            ) else {
                continue;
            };
            if ends <= starts {
                continue;
            }
            let kind = match kind {
                ActivityKind::Workshop => EventKind::Workshop,
                ActivityKind::PoliticiansSeminar => EventKind::PoliticiansSeminar,
                ActivityKind::LeadersThinktank => EventKind::LeadersThinktank,
                ActivityKind::Conference => EventKind::Conference,
                ActivityKind::Meeting => EventKind::Meeting,
                _ => EventKind::Other,
            };
            let mut valid = ValidEvent {
                kind,
                phase: Some(phase.slug.clone()),
                title: event.title.pick(lang, lang).to_string(),
                description: event
                    .description
                    .as_ref()
                    .map(|d| d.pick(lang, lang).to_string())
                    .unwrap_or_default(),
                starts,
                ends,
                venue: event.venue.clone(),
                address: None,
                mode: Mode::InPerson,
                online_link: None,
                capacity: event.participants,
                per_organisation_cap: event
                    .per_organisation_cap
                    .filter(|cap| event.participants.is_none_or(|p| *cap <= p)),
                registration_opens: None,
                registration_closes: None,
                contact_name: None,
                contact_email: None,
                audience: Audience::Members,
                change_note: None,
            };
            if let Some(extra) = demo.events.iter().find(|e| e.activity == event.slug) {
                if let Some(audience) = &extra.audience {
                    valid.audience = Audience::parse(audience)
                        .ok_or_else(|| anyhow::anyhow!("unknown audience {audience:?}"))?;
                }
                if let Some(mode) = &extra.mode {
                    valid.mode = Mode::parse(mode)
                        .ok_or_else(|| anyhow::anyhow!("unknown mode {mode:?}"))?;
                }
                valid.address = extra.address.clone();
                valid.online_link = extra.online_link.clone();
                valid.contact_name = extra.contact_name.clone();
                valid.contact_email = extra.contact_email.clone();
                if let Some(opens) = &extra.registration_opens {
                    valid.registration_opens = Some(cast.local(opens)?);
                }
                if let Some(closes) = &extra.registration_closes {
                    valid.registration_closes = Some(cast.local(closes)?);
                }
            }
            out.push((event.slug.clone(), valid));
        }
    }
    Ok(out)
}

fn schedule(
    cast: &mut Cast,
    demo: &DemoFile,
    at: DateTime<Utc>,
    report: &mut DemoReport,
) -> Result<()> {
    let scheduled = programme_events(cast, demo)?;
    let leader = cast.with_role(Role::ProcessLeader)?.clone();
    let tz = cast.programme.time_zone;
    let ids = cast.at(at, |tx| {
        let existing = events::list(
            tx,
            &events::EventFilter {
                members: true,
                limit: 10_000,
                ..Default::default()
            },
        )?;
        let mut ids = HashMap::new();
        for (slug, event) in &scheduled {
            let found = existing
                .iter()
                .find(|e| e.title == event.title && e.starts_at == event.starts.timestamp());
            let id = match found {
                Some(e) => e.id,
                None => {
                    report.events_added += 1;
                    let id =
                        events::insert(tx, event, EventStatus::Published, None, Some(leader.id))?;
                    audit::record(
                        tx,
                        &actor(&leader),
                        "event.create",
                        Some(&format!("event:{id}")),
                        Some(&event.title),
                    )?;
                    id
                }
            };
            if let Some(extra) = demo.events.iter().find(|e| &e.activity == slug)
                && events::agenda(tx, id)?.is_empty()
            {
                for item in &extra.agenda {
                    let valid = item.validate(tz, (event.starts, event.ends)).map_err(|e| {
                        anyhow::anyhow!("agenda of {slug}: {:?}: {e:?}", item.title)
                    })?;
                    events::add_agenda_item(tx, id, &valid)?;
                }
            }
            ids.insert(slug.clone(), id);
        }
        Ok(ids)
    })?;
    cast.events = ids;
    Ok(())
}

fn bank_sources(cast: &mut Cast, demo: &DemoFile, report: &mut DemoReport) -> Result<()> {
    let editor = cast.with_role(Role::Editor)?.clone();
    let first = cast.phase_start("");
    for (i, source) in demo.sources.iter().enumerate() {
        let valid = source
            .form
            .validate()
            .map_err(|e| anyhow::anyhow!("demo source {:?}: {e:?}", source.key))?;
        let at = match &source.added {
            Some(added) => cast.local(added)?,
            None => {
                let early = first - Duration::days(40) + Duration::days(3 * i as i64);
                let spring = valid
                    .year
                    .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, 3, 1))
                    .map(|d| cast.day_at(d, 9));
                spring.map_or(early, |spring| early.max(spring))
            }
        };
        let id = cast.at(at, |tx| {
            let id = sources::insert(tx, &valid, editor.organisation, editor.id)?;
            audit::record(
                tx,
                &actor(&editor),
                "source.create",
                Some(&format!("source:{id}")),
                Some(valid.kind.key()),
            )?;
            Ok(id)
        })?;
        report.sources_added += 1;
        cast.sources.insert(source.key.clone(), id);
        cast.source_added.insert(id, at);
    }
    Ok(())
}

/// Where a note type stands when notes are stored: parents before the notes under them.
fn storing_order(note_type: &str) -> u8 {
    match NoteType::parse(note_type) {
        Some(NoteType::Megatrend) => 0,
        Some(NoteType::Trend) => 1,
        Some(NoteType::Signal) => 3,
        _ => 2,
    }
}

fn bank_notes(cast: &mut Cast, demo: &DemoFile, report: &mut DemoReport) -> Result<()> {
    let editor = cast.with_role(Role::Editor)?.clone();
    let writers: Vec<(i64, Person)> = cast
        .writers()
        .into_iter()
        .map(|(id, _, p)| (id, p.clone()))
        .collect();
    anyhow::ensure!(
        !writers.is_empty(),
        "the demo has no strategists to write notes"
    );
    let phases: Vec<String> = cast.phase_slugs().iter().map(|s| s.to_string()).collect();
    let phase_refs: Vec<&str> = phases.iter().map(String::as_str).collect();
    let mut order: Vec<(usize, &super::DemoNote)> = demo.notes.iter().enumerate().collect();
    order.sort_by_key(|(i, n)| (storing_order(&n.form.note_type), *i));
    let mut created: HashMap<String, DateTime<Utc>> = HashMap::new();
    for (i, note) in order {
        let mut form = note.form.clone();
        if let Some(parent) = &note.under {
            form.parent = cast.note(parent)?.to_string();
        }
        let valid = form
            .validate(&phase_refs)
            .map_err(|e| anyhow::anyhow!("demo note {:?}: {e:?}", note.key))?;
        let status = match note.status.as_deref() {
            None => NoteStatus::Curated,
            Some(key) => NoteStatus::parse(key)
                .ok_or_else(|| anyhow::anyhow!("demo note {:?}: status {key:?}", note.key))?,
        };
        let (org, author) = &writers[i % writers.len()];
        let phase_start = cast.phase_start(valid.phase.as_deref().unwrap_or(""));
        let mut at = match &note.created {
            Some(created) => cast.local(created)?,
            None => phase_start - Duration::days(12) + Duration::hours(5 * (i as i64 % 40)),
        };
        if let Some(parent) = &note.under
            && let Some(parent_at) = created.get(parent)
        {
            at = at.max(*parent_at + Duration::hours(2));
        }
        let id = cast.at(at, |tx| {
            if let Some(parent) = valid.parent {
                let brief = bank::brief(tx, parent)?.map(|b| (b.note_type, b.status));
                check_parent(None, valid.note_type, parent, brief)
                    .map_err(|m| anyhow::anyhow!("demo note {:?}: {m}", note.key))?;
            }
            let first = if status == NoteStatus::Draft {
                NoteStatus::Draft
            } else {
                NoteStatus::Submitted
            };
            let id = bank::insert(tx, &valid, first, *org, author.id)?;
            audit::record(
                tx,
                &actor(author),
                "note.create",
                Some(&format!("note:{id}")),
                Some(first.key()),
            )?;
            Ok(id)
        })?;
        created.insert(note.key.clone(), at);
        let public = note.public.unwrap_or(matches!(
            status,
            NoteStatus::Curated | NoteStatus::Submitted
        ));
        if matches!(status, NoteStatus::Curated | NoteStatus::Archived) || public {
            cast.at(at + Duration::days(2), |tx| {
                if matches!(status, NoteStatus::Curated | NoteStatus::Archived) {
                    bank::set_status(tx, id, status, editor.id)?;
                    audit::record(
                        tx,
                        &actor(&editor),
                        "note.status",
                        Some(&format!("note:{id}")),
                        Some(status.key()),
                    )?;
                }
                if public && bank::set_public(tx, id, true, editor.id)? {
                    audit::record(
                        tx,
                        &actor(&editor),
                        "note.public",
                        Some(&format!("note:{id}")),
                        Some("public"),
                    )?;
                }
                Ok(())
            })?;
        }
        report.notes_added += 1;
        cast.notes.insert(note.key.clone(), id);
    }
    // Links and citations, once every note and source is there.
    for note in &demo.notes {
        let id = cast.note(&note.key)?;
        let mut at = created[&note.key] + Duration::days(3);
        let mut links = Vec::new();
        for link in &note.links {
            let (kind, to) = link
                .split_once(':')
                .ok_or_else(|| anyhow::anyhow!("demo note {:?}: link {link:?}", note.key))?;
            let kind = LinkKind::parse(kind)
                .ok_or_else(|| anyhow::anyhow!("demo note {:?}: link kind {kind:?}", note.key))?;
            links.push((kind, cast.note(to)?));
        }
        let mut cites = Vec::new();
        for cite in &note.cites {
            let (key, stance) = cite
                .split_once(':')
                .ok_or_else(|| anyhow::anyhow!("demo note {:?}: citation {cite:?}", note.key))?;
            let stance = Stance::parse(stance)
                .ok_or_else(|| anyhow::anyhow!("demo note {:?}: stance {stance:?}", note.key))?;
            let source = *cast.sources.get(key).ok_or_else(|| {
                anyhow::anyhow!("demo note {:?}: unknown source {key:?}", note.key)
            })?;
            if let Some(added) = cast.source_added.get(&source) {
                at = at.max(*added + Duration::days(1));
            }
            cites.push((source, stance));
        }
        if links.is_empty() && cites.is_empty() {
            continue;
        }
        cast.at(at, |tx| {
            for (kind, to) in &links {
                if bank::add_link(tx, id, *to, *kind, editor.id)? {
                    audit::record(
                        tx,
                        &actor(&editor),
                        "note.link",
                        Some(&format!("note:{id}")),
                        Some(&format!("{} note:{to}", kind.key())),
                    )?;
                }
            }
            for (source, stance) in &cites {
                sources::link(tx, id, *source, *stance, editor.id)?;
                audit::record(
                    tx,
                    &actor(&editor),
                    "note.cite",
                    Some(&format!("note:{id}")),
                    Some(&format!("source:{source} {}", stance.key())),
                )?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Guests' names: first names and family names combined, each pair once.
fn guests(demo: &DemoFile) -> Vec<(String, String)> {
    let (first, family) = (&demo.guest_first_names, &demo.guest_family_names);
    let mut out = Vec::new();
    if first.is_empty() || family.is_empty() {
        return out;
    }
    // Every pair once, the family names shifted per first name so neighbours differ.
    for i in 0..first.len() * family.len() {
        let a = i % first.len();
        let b = (i / first.len() + a * 7) % family.len();
        let name = format!("{} {}", first[a], family[b]);
        let email = format!("{}.{}@demo.test", ascii(&first[a]), ascii(&family[b]));
        out.push((name, email));
    }
    out
}

fn ascii(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .flat_map(|c| match c {
            'å' | 'ä' | 'á' | 'à' => "a".chars().collect::<Vec<_>>(),
            'ö' | 'ø' | 'ó' => vec!['o'],
            'æ' => vec!['a', 'e'],
            'é' | 'è' => vec!['e'],
            'ü' => vec!['u'],
            c if c.is_ascii_alphanumeric() => vec![c],
            _ => vec!['-'],
        })
        .collect()
}

/// A moment `k + 1` parts of `n + 1` along from `from` to `to`.
fn along(from: DateTime<Utc>, to: DateTime<Utc>, k: usize, n: usize) -> DateTime<Utc> {
    let span = (to - from).num_seconds().max(0);
    from + Duration::seconds(span * (k as i64 + 1) / (n as i64 + 1))
}

fn registrations(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let leader = cast.with_role(Role::ProcessLeader)?;
    // Members in turn: the first strategist of every organisation, then the second, then
    // everyone else.
    let mut members: Vec<&Person> = Vec::new();
    let most = cast
        .organisations
        .iter()
        .map(|o| o.2.len())
        .max()
        .unwrap_or(0);
    for round in 0..most {
        for (_, _, strategists) in &cast.organisations {
            if let Some(p) = strategists.get(round) {
                members.push(p);
            }
        }
    }
    for p in &cast.people {
        if !members.iter().any(|m| m.id == p.id) {
            members.push(p);
        }
    }
    let guests = guests(demo);
    for extra in &demo.events {
        let Some(&id) = cast.events.get(&extra.activity) else {
            anyhow::bail!(
                "demo event {:?} is not an event of the programme",
                extra.activity
            );
        };
        let event = cast
            .db
            .read_blocking(|c| events::get(c, id))?
            .ok_or_else(|| anyhow::anyhow!("event {id} vanished"))?;
        let public = event.audience == Audience::Public;
        let mut people: Vec<Registrant> = members
            .iter()
            .map(|p| Registrant {
                user_id: Some(p.id),
                name: p.name.clone(),
                email: p.email.clone(),
                organisation_id: Some(p.organisation),
            })
            .collect();
        if public {
            people.extend(guests.iter().map(|(name, email)| Registrant {
                user_id: None,
                name: name.clone(),
                email: email.clone(),
                organisation_id: None,
            }));
        }
        let opens = event
            .registration_opens
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .unwrap_or(event.starts() - Duration::days(35));
        let closes = event
            .registration_closes
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .unwrap_or(event.starts())
            .min(cast.acts_as)
            - Duration::hours(1);
        let count = extra.registrants.min(people.len());
        let mut confirmed = Vec::new();
        for (k, person) in people.iter().take(count).enumerate() {
            let at = along(opens, closes, k, count);
            let registered = cast.at(at, |tx| {
                let registered = events::register(tx, id, person, &[], person.user_id, true)?;
                crate::app::events::tell_registrant(tx, id, person, registered, None)?;
                if let Registered::Confirmed(r) | Registered::Waiting(r) = registered {
                    audit::record(
                        tx,
                        &Actor {
                            user_id: person.user_id,
                            address: None,
                        },
                        "event.register",
                        Some(&format!("event:{id}")),
                        Some(&format!("registration:{r}")),
                    )?;
                }
                Ok(registered)
            })?;
            if let Registered::Confirmed(r) = registered {
                confirmed.push(r);
            }
        }
        if event.ends() < cast.acts_as {
            let after = event.ends() + Duration::days(6);
            cast.at(after, |tx| {
                for (k, r) in confirmed.iter().enumerate() {
                    events::set_attended(tx, id, *r, Some(k % 9 != 4))?;
                }
                audit::record(
                    tx,
                    &actor(leader),
                    "event.attendance",
                    Some(&format!("event:{id}")),
                    None,
                )?;
                if let Some(minutes) = &extra.minutes {
                    events::save_minutes(tx, id, minutes.trim(), true, leader.id)?;
                    audit::record(
                        tx,
                        &actor(leader),
                        "event.minutes",
                        Some(&format!("event:{id}")),
                        Some("final"),
                    )?;
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

fn proposals(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let leader = cast.with_role(Role::ProcessLeader)?;
    let phases = cast.phase_slugs();
    for proposal in &demo.proposals {
        let valid = proposal
            .form
            .validate(cast.programme.time_zone, &phases)
            .map_err(|e| anyhow::anyhow!("demo proposal {:?}: {e:?}", proposal.form.title))?;
        let (org, _, strategists) = cast
            .organisations
            .iter()
            .find(|o| o.1 == proposal.organisation)
            .ok_or_else(|| {
                anyhow::anyhow!("demo proposal of unknown {:?}", proposal.organisation)
            })?;
        let by = strategists
            .first()
            .ok_or_else(|| anyhow::anyhow!("{:?} has no strategist", proposal.organisation))?;
        let at = cast.local(&proposal.proposed)?;
        let tz = cast.programme.time_zone;
        let id = cast.at(at, |tx| {
            let id = events::insert(tx, &valid, EventStatus::Proposed, Some(*org), Some(by.id))?;
            for item in &proposal.agenda {
                let item = item
                    .validate(tz, (valid.starts, valid.ends))
                    .map_err(|e| anyhow::anyhow!("agenda of {:?}: {e:?}", valid.title))?;
                events::add_agenda_item(tx, id, &item)?;
            }
            audit::record(
                tx,
                &actor(by),
                "event.propose",
                Some(&format!("event:{id}")),
                Some(&valid.title),
            )?;
            Ok(id)
        })?;
        if proposal.status == "published" {
            cast.at(at + Duration::days(2), |tx| {
                if events::set_status(tx, id, StatusAction::Approve, None)? {
                    audit::record(
                        tx,
                        &actor(leader),
                        "event.approve",
                        Some(&format!("event:{id}")),
                        None,
                    )?;
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

/// A point on a criterion's scale from a level 0..=4.
fn on_scale(criterion: Criterion, level: usize) -> i32 {
    let (min, max) = criterion.range();
    min + ((max - min) * level.min(4) as i32 + 2) / 4
}

/// The fixed pattern of the demo's ratings: most notes are rated alike by everyone
/// (consensus), every fourth splits the organisations in two camps (dissent). In a second
/// round two of three organisations in a split move towards the middle.
///
/// A note the organisations lean on alike (`lean`, the level of this criterion) is never
/// split: each organisation varies a little around the level.
fn rating(
    org: usize,
    note: usize,
    criterion: usize,
    second: bool,
    lean: Option<usize>,
) -> Option<usize> {
    if !second && (org * 7 + note * 3 + criterion).is_multiple_of(29) {
        return None;
    }
    let base = lean.unwrap_or((note * 3 + criterion * 2 + note / 3) % 5);
    if lean.is_none() && note % 4 == 1 {
        let camp = if (org + criterion).is_multiple_of(2) {
            0
        } else {
            4
        };
        if second && !org.is_multiple_of(3) {
            return Some((base + camp) / 2);
        }
        return Some(camp);
    }
    let delta = [0i32, 1, 0, -1, 0][(org + note + criterion) % 5];
    Some((base as i32 + delta).clamp(0, 4) as usize)
}

fn rating_rounds(cast: &mut Cast, demo: &DemoFile) -> Result<()> {
    let leader = cast.with_role(Role::ProcessLeader)?.clone();
    let writers: Vec<(i64, Person)> = cast
        .writers()
        .into_iter()
        .map(|(id, _, p)| (id, p.clone()))
        .collect();
    let phases: Vec<String> = cast.phase_slugs().iter().map(|s| s.to_string()).collect();
    let phase_refs: Vec<&str> = phases.iter().map(String::as_str).collect();
    for round in &demo.rounds {
        let mut numbers = Vec::new();
        for key in &round.notes {
            numbers.push(cast.note(key)?.to_string());
        }
        let previous = match &round.previous {
            Some(key) => Some(*cast.rounds.get(key).ok_or_else(|| {
                anyhow::anyhow!("demo round {:?}: unknown previous round", round.key)
            })?),
            None => None,
        };
        let form = RoundForm {
            title: round.title.clone(),
            description: round.description.clone(),
            phase: round.phase.clone(),
            notes: numbers.join(" "),
            criteria: round.criteria.clone(),
            opens_at: round.opens_at.clone(),
            closes_at: round.closes_at.clone(),
            anonymity: round.anonymity.clone(),
            feedback: round.feedback.clone(),
            previous: previous.map(|p| p.to_string()).unwrap_or_default(),
            min_answers: String::new(),
        };
        let valid = form
            .validate(&phase_refs, cast.programme.time_zone)
            .map_err(|e| anyhow::anyhow!("demo round {:?}: {e:?}", round.key))?;
        let (opens, closes) = (valid.opens_at, valid.closes_at);
        let id = cast.at(opens - Duration::days(2), |tx| {
            if let Some(p) = previous {
                let first = rounds::get(tx, p)?
                    .ok_or_else(|| anyhow::anyhow!("demo round {:?}: no first round", round.key))?;
                let now = crate::storage::now_seconds();
                anyhow::ensure!(
                    can_follow(state(first.opens_at, first.closes_at, now)),
                    "demo round {:?} starts before its first round has closed",
                    round.key
                );
            }
            let mut notes = match previous {
                Some(p) => rounds::note_ids(tx, p)?,
                None => Vec::new(),
            };
            for n in &valid.notes {
                if !notes.contains(n) {
                    notes.push(*n);
                }
            }
            for n in &notes {
                let usable = bank::brief(tx, *n)?.is_some_and(|b| {
                    matches!(b.status, NoteStatus::Submitted | NoteStatus::Curated)
                });
                anyhow::ensure!(
                    usable,
                    "demo round {:?}: note {n} may not be rated",
                    round.key
                );
            }
            let id = rounds::insert(tx, &valid, &notes, leader.id)?;
            audit::record(
                tx,
                &actor(&leader),
                "round.create",
                Some(&format!("round:{id}")),
                Some(&valid.title),
            )?;
            Ok(id)
        })?;
        cast.rounds.insert(round.key.clone(), id);
        let notes = cast.db.read_blocking(|c| rounds::note_ids(c, id))?;
        let mut leaning: HashMap<i64, &Vec<usize>> = HashMap::new();
        for (key, levels) in &round.leaning {
            anyhow::ensure!(
                levels.len() == valid.criteria.len() && levels.iter().all(|l| *l <= 4),
                "demo round {:?}: the leaning of {key:?} needs a level 0..=4 per criterion",
                round.key
            );
            leaning.insert(cast.note(key)?, levels);
        }
        let answering = round.answered_by.min(writers.len());
        let until = closes.min(cast.acts_as);
        for (o, (org, person)) in writers.iter().take(answering).enumerate() {
            let at = along(opens, until, o, answering);
            let mut sheet = RatingSheet::default();
            // A partly rated sheet: the first half of the notes, one criterion of the next.
            let (whole, part) = if o < round.partly {
                (notes.len() / 2, 1)
            } else {
                (notes.len(), 0)
            };
            for (j, note) in notes.iter().enumerate().take(whole + part) {
                let criteria = if j < whole {
                    valid.criteria.len()
                } else {
                    part
                };
                for (c, criterion) in valid.criteria.iter().enumerate().take(criteria) {
                    let lean = leaning.get(note).map(|levels| levels[c]);
                    let answer = match rating(o, j, c, previous.is_some(), lean) {
                        Some(level) => Answer::Value(on_scale(*criterion, level)),
                        None => Answer::DontKnow,
                    };
                    sheet.answers.insert((*note, *criterion), answer);
                }
                if !round.reasons.is_empty() && (o + j) % 4 == 0 {
                    let reason = &round.reasons[(o * 3 + j) % round.reasons.len()];
                    sheet.reasons.insert(*note, reason.clone());
                }
            }
            cast.at(at, |tx| {
                let now = crate::storage::now_seconds();
                anyhow::ensure!(
                    state(opens.timestamp(), closes.timestamp(), now) == RoundState::Open,
                    "demo round {:?} is not open when {} answers",
                    round.key,
                    person.email
                );
                rounds::save_sheet(tx, id, person.id, *org, &sheet)?;
                audit::record(
                    tx,
                    &actor(person),
                    "round.rate",
                    Some(&format!("round:{id}")),
                    None,
                )?;
                Ok(())
            })?;
        }
    }
    Ok(())
}

/// The trend ranking of organisation `o`: every organisation leans the same way (the
/// first trends of the list most often on top) with its own variations.
fn ranking(o: usize, trends: &[i64], reasons: &[String]) -> TrendRanking {
    let n = trends.len();
    let mut scored: Vec<(usize, usize)> = (0..n)
        .map(|j| ((n - j) * 2 + (o * 5 + j * 3 + (o * j) % 5) % 11, j))
        .collect();
    scored.sort_by(|a, b| b.cmp(a));
    let reason = |k: usize| {
        if reasons.is_empty() || !(o + k).is_multiple_of(3) {
            String::new()
        } else {
            reasons[(o + k) % reasons.len()].clone()
        }
    };
    let most = scored
        .iter()
        .take(crate::domain::assignment::RANK_MOST.min(n))
        .enumerate()
        .map(|(k, (_, j))| Ranked {
            note: trends[*j],
            reason: reason(k),
        })
        .collect::<Vec<_>>();
    let least = scored
        .iter()
        .rev()
        .take(crate::domain::assignment::RANK_LEAST.min(n.saturating_sub(most.len())))
        .enumerate()
        .map(|(k, (_, j))| Ranked {
            note: trends[*j],
            reason: reason(k + 5),
        })
        .collect();
    TrendRanking { most, least }
}

fn assignments(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let leaders = [
        cast.with_role(Role::ProcessLeader)?,
        cast.second_with_role(Role::ProcessLeader)?,
    ];
    for work in &demo.assignments {
        let (phase, assignment) = cast
            .programme
            .phases
            .iter()
            .find_map(|p| {
                p.home_assignment()
                    .filter(|a| a.slug == work.activity)
                    .map(|a| (p, a))
            })
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "demo assignment {:?} is not a home assignment",
                    work.activity
                )
            })?;
        anyhow::ensure!(
            !work.states.is_empty(),
            "demo assignment {:?} has no states",
            work.activity
        );
        let trends: Vec<i64> = work
            .ranking
            .iter()
            .map(|k| cast.note(k))
            .collect::<Result<_>>()?;
        let due_end = crate::domain::assignment::due_end(assignment.due, cast.programme.time_zone);
        let end = due_end.min(cast.acts_as - Duration::days(2));
        for (o, (org, org_name, person)) in cast.writers().into_iter().enumerate() {
            let target = work.states[o % work.states.len()].as_str();
            if target == "none" {
                continue;
            }
            let mut answers = BTreeMap::new();
            for question in &assignment.questions {
                if let Some(pool) = work.answers.get(&question.key).filter(|p| !p.is_empty()) {
                    let text = pool[o % pool.len()].replace("{org}", org_name);
                    if !text.trim().is_empty() {
                        answers.insert(question.key.clone(), text.trim().to_string());
                    }
                }
            }
            let mut parts = serde_json::Map::new();
            if assignment.parts.contains(&AssignmentPart::TrendRanking) && !trends.is_empty() {
                let value = serde_json::to_value(ranking(o, &trends, &work.ranking_reasons))?;
                parts.insert(AssignmentPart::TrendRanking.key().to_string(), value);
            }
            if assignment.parts.contains(&AssignmentPart::ScenarioRating) {
                let most = if work.scenario_most.is_empty() {
                    Vec::new()
                } else {
                    work.scenario_most[o % work.scenario_most.len()].clone()
                };
                let draft = target == "draft";
                if let Some(assessment) =
                    scenarios::assessment(cast, demo, &phase.slug, o, org_name, &most, draft)?
                {
                    let value = serde_json::to_value(assessment)?;
                    parts.insert(AssignmentPart::ScenarioRating.key().to_string(), value);
                }
            }
            if let Some(part) = consequences::part(cast, &phase.slug, &assignment.parts, org)? {
                let value = serde_json::to_value(part)?;
                parts.insert(AssignmentPart::Consequences.key().to_string(), value);
            }
            if let Some(part) = backcasting::part(cast, &phase.slug, &assignment.parts, org)? {
                let value = serde_json::to_value(part)?;
                parts.insert(AssignmentPart::Milestones.key().to_string(), value);
            }
            let answers = serde_json::to_value(answers)?;
            let parts = serde_json::Value::Object(parts);
            let mut steps = vec![Action::Save];
            match target {
                "draft" => {}
                "submitted" => steps.push(Action::Submit),
                "returned" => steps.extend([Action::Submit, Action::Return]),
                "accepted" => steps.extend([Action::Submit, Action::Accept]),
                other => anyhow::bail!(
                    "demo assignment {:?}: unknown state {other:?}",
                    work.activity
                ),
            }
            // Most submit a few days before the due date; every seventh a little late.
            let saved = end - Duration::days(18) + Duration::hours(3 * o as i64);
            let submitted = if o % 7 == 3 && due_end < cast.acts_as {
                due_end + Duration::days(2)
            } else {
                end - Duration::days(4) + Duration::hours(2 * o as i64)
            };
            let reviewed = (submitted.max(due_end) + Duration::days(5) + Duration::hours(o as i64))
                .min(cast.acts_as - Duration::hours(2));
            let mut current = None;
            for action in steps {
                let next = transition(current, action)
                    .map_err(|m| anyhow::anyhow!("demo assignment {:?}: {m}", work.activity))?;
                let (at, by) = match action {
                    Action::Save => (saved, person),
                    Action::Submit => (submitted, person),
                    _ => (reviewed, leaders[o % 2]),
                };
                let pool = if action == Action::Return {
                    &work.return_comments
                } else {
                    &work.accept_comments
                };
                let comment = (!pool.is_empty()
                    && matches!(action, Action::Return | Action::Accept))
                .then(|| pool[o % pool.len()].replace("{org}", org_name));
                anyhow::ensure!(
                    action != Action::Return || comment.is_some(),
                    "demo assignment {:?}: a return needs a comment",
                    work.activity
                );
                cast.at(at, |tx| {
                    let existing = submissions::get(tx, &phase.slug, org)?;
                    match action {
                        Action::Save | Action::Submit => {
                            let written = submissions::write(
                                tx,
                                &Draft {
                                    phase: &phase.slug,
                                    organisation: org,
                                    base_version: existing.as_ref().map(|s| s.version),
                                    status: next,
                                    action,
                                    answers: &answers,
                                    parts: &parts,
                                },
                                by.id,
                            )?;
                            anyhow::ensure!(written.is_saved(), "a demo submission was stale");
                        }
                        Action::Return | Action::Accept => {
                            let s = existing
                                .ok_or_else(|| anyhow::anyhow!("no submission to review"))?;
                            let changed = submissions::review(
                                tx,
                                s.id,
                                s.version,
                                next,
                                action,
                                comment.as_deref(),
                                by.id,
                            )?;
                            anyhow::ensure!(changed, "a demo review was stale");
                        }
                    }
                    audit::record(
                        tx,
                        &actor(by),
                        &format!("assignment.{}", action.key()),
                        Some(&format!("organisation:{org}")),
                        Some(&phase.slug),
                    )?;
                    Ok(())
                })?;
                current = Some(next);
            }
        }
    }
    Ok(())
}

/// The body with the demo's keys (`[[note:@key]]` and the like) turned into numbers.
fn resolve_references(cast: &Cast, body: &str) -> Result<String> {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("[[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("]]") else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let inner = &after[..end];
        let resolved = match inner.split_once(":@") {
            Some((kind, key)) => {
                let id = match kind {
                    "note" => cast.note(key)?,
                    "radar" | "driver-map" => *cast.rounds.get(key).ok_or_else(|| {
                        anyhow::anyhow!("a demo text names an unknown round {key:?}")
                    })?,
                    "event" => *cast.events.get(key).ok_or_else(|| {
                        anyhow::anyhow!("a demo text names an unknown event {key:?}")
                    })?,
                    "scenarios" | "scenario-assessment" | "consequences" => {
                        cast.scenario_sets.get(key).map(|s| s.id).ok_or_else(|| {
                            anyhow::anyhow!("a demo text names no scenario set of phase {key:?}")
                        })?
                    }
                    "scenario" | "futures-wheel" => cast
                        .scenario_sets
                        .values()
                        .flat_map(|s| &s.scenarios)
                        .find(|(k, _)| k == key)
                        .map(|(_, id)| *id)
                        .ok_or_else(|| {
                            anyhow::anyhow!("a demo text names an unknown scenario {key:?}")
                        })?,
                    "backcasting" | "stress-test" => *cast.visions.get(key).ok_or_else(|| {
                        anyhow::anyhow!("a demo text names no shared vision of phase {key:?}")
                    })?,
                    "thread" => *cast.actions.get(key).ok_or_else(|| {
                        anyhow::anyhow!("a demo text names an unknown action {key:?}")
                    })?,
                    _ => anyhow::bail!("a demo text has an unknown reference {inner:?}"),
                };
                format!("{kind}:{id}")
            }
            None => inner.to_string(),
        };
        out.push_str("[[");
        out.push_str(&resolved);
        out.push_str("]]");
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn texts(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let first = cast.with_role(Role::Editor)?;
    let second = cast.second_with_role(Role::Editor)?;
    for text in &demo.texts {
        let (writer, reviewer) = if text.by_second_editor {
            (second, first)
        } else {
            (first, second)
        };
        let body = resolve_references(cast, &text.body)?;
        let form = PublicationForm {
            kind: text.kind.clone(),
            phase: text.phase.clone(),
            output: text.output.clone(),
            title: text.title.clone(),
            body,
            version: String::new(),
            action: "save".into(),
        };
        let valid = form
            .validate(cast.programme)
            .map_err(|e| anyhow::anyhow!("demo text {:?}: {e:?}", text.title))?;
        let written = cast.local(&text.written)?;
        let id = cast.at(written, |tx| {
            let id = publications::insert(tx, &valid, writer.id)?;
            audit::record(
                tx,
                &actor(writer),
                "publication.create",
                Some(&format!("publication:{id}")),
                None,
            )?;
            Ok(id)
        })?;
        let steps: &[(Step, i64)] = match text.state.as_str() {
            "draft" => &[],
            "in_review" => &[(Step::Submit, 1)],
            "published" => &[(Step::Submit, 1), (Step::Publish, 3)],
            other => anyhow::bail!("demo text {:?}: unknown state {other:?}", text.title),
        };
        for (chosen, days) in steps {
            let by = if *chosen == Step::Publish {
                reviewer
            } else {
                writer
            };
            cast.at(written + Duration::days(*days), |tx| {
                // The same use case an editor's click runs: the workflow's rules, and
                // publishing freezes the embedded material in this transaction.
                let user = crate::storage::users::get(tx, by.id)?
                    .ok_or_else(|| anyhow::anyhow!("demo person {} vanished", by.id))?;
                let input = StepInput {
                    step: *chosen,
                    version: None,
                    comment: String::new(),
                    publish_at: String::new(),
                };
                let outcome =
                    editorial::take_step_in(tx, cast.programme, &user, &actor(by), id, &input)
                        .map_err(|e| anyhow::anyhow!("demo text {:?}: {e}", text.title))?;
                anyhow::ensure!(
                    outcome == StepOutcome::Taken,
                    "demo text {:?}: the step {chosen:?} was not taken: {outcome:?}",
                    text.title
                );
                Ok(())
            })?;
        }
    }
    Ok(())
}

fn input(cast: &Cast, demo: &DemoFile) -> Result<()> {
    let moderator = cast.with_role(Role::ProcessLeader)?;
    let phases = cast.phase_slugs();
    for item in &demo.input {
        let form = InputForm {
            name: item.name.clone(),
            email: item.email.clone(),
            body: item.body.clone(),
            phase: item.phase.clone(),
            topic: item.topic.clone(),
            website: String::new(),
            name_public: item.name_public.then(|| "1".to_string()),
        };
        let valid = form
            .validate(&phases)
            .map_err(|e| anyhow::anyhow!("demo input {:?}: {e:?}", item.body))?;
        let status = match item.status.as_deref() {
            None => InputStatus::New,
            Some(key) => InputStatus::parse(key)
                .ok_or_else(|| anyhow::anyhow!("demo input: unknown status {key:?}"))?,
        };
        let note = item.note.as_deref().map(|k| cast.note(k)).transpose()?;
        let sent = cast.local(&item.sent)?;
        let id = cast.at(sent, |tx| {
            let id = inputs::insert(tx, &valid, "demo", u32::MAX)?
                .ok_or_else(|| anyhow::anyhow!("demo input refused"))?;
            audit::record(
                tx,
                &Actor::default(),
                "input.create",
                Some(&format!("input:{id}")),
                None,
            )?;
            Ok(id)
        })?;
        let version = match &item.public_body {
            Some(edited) => redaction(&valid.body, edited)
                .map_err(|e| anyhow::anyhow!("demo input {:?}: {e:?}", item.body))?,
            None => None,
        };
        if status != InputStatus::New || item.published {
            cast.at(sent + Duration::days(2), |tx| {
                let public = version.as_deref();
                inputs::moderate(tx, id, status, note, item.published, public, moderator.id)?;
                audit::record(
                    tx,
                    &actor(moderator),
                    "input.moderate",
                    Some(&format!("input:{id}")),
                    Some(status.key()),
                )?;
                Ok(())
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rating_pattern_agrees_on_most_notes_and_splits_on_every_fourth() {
        let levels = |note: usize, second: bool| -> Vec<usize> {
            (0..24)
                .filter_map(|org| rating(org, note, 0, second, None))
                .collect()
        };
        let first = levels(0, false);
        let spread = first.iter().max().unwrap() - first.iter().min().unwrap();
        assert!(spread <= 2, "consensus: {first:?}");
        let split = levels(1, false);
        assert!(
            split.contains(&0) && split.contains(&4),
            "dissent: {split:?}"
        );
        let moved = levels(1, true);
        assert!(
            moved.iter().filter(|l| **l == 0 || **l == 4).count() < split.len(),
            "a second round moves towards the middle: {moved:?}"
        );
        assert_eq!(levels(5, false), levels(5, false), "the same on every call");
    }

    #[test]
    fn points_on_a_scale_stay_on_it() {
        for criterion in Criterion::ALL {
            for level in 0..=4 {
                assert!(criterion.accepts(on_scale(*criterion, level)));
            }
        }
        assert_eq!(on_scale(Criterion::Desirability, 0), -2);
        assert_eq!(on_scale(Criterion::Impact, 4), 5);
    }

    #[test]
    fn guests_are_each_pair_of_names_once_with_plain_addresses() {
        let demo = DemoFile {
            guest_first_names: vec!["Åsa".into(), "Björn".into(), "Ali".into()],
            guest_family_names: vec!["Öberg".into(), "Jovanović".into()],
            ..Default::default()
        };
        let guests = guests(&demo);
        assert_eq!(guests.len(), 6);
        let emails: std::collections::BTreeSet<_> = guests.iter().map(|(_, e)| e).collect();
        assert_eq!(emails.len(), 6);
        assert!(emails.contains(&"asa.oberg@demo.test".to_string()));
        assert!(emails.iter().all(|e| e.is_ascii()));
    }

    #[test]
    fn rankings_put_the_agreed_trends_on_top_and_rank_each_once() {
        let trends: Vec<i64> = (1..=12).collect();
        for o in 0..25 {
            let r = ranking(o, &trends, &[]);
            assert_eq!(r.most.len(), 5);
            assert_eq!(r.least.len(), 3);
            let mut all: Vec<i64> = r.most.iter().chain(&r.least).map(|x| x.note).collect();
            all.sort();
            all.dedup();
            assert_eq!(all.len(), 8);
        }
        let firsts = (0..25)
            .filter(|o| ranking(*o, &trends, &[]).most.iter().any(|x| x.note == 1))
            .count();
        assert!(
            firsts >= 20,
            "the first trend is nearly always among the most important"
        );
    }
}
