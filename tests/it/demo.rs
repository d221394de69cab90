//! The demo of a programme in flight: it acts as a day of its programme and says so on
//! every page, holds the material every area needs, and every page reachable from the
//! home page, for a visitor and for every role, answers and shows content.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use axum::http::{StatusCode, header};

use super::helpers::*;
use framsyn::domain::bank::{Category, NoteType};
use framsyn::domain::rating::Criterion;
use framsyn::domain::stats::summarise;
use framsyn::storage::{audit, events, inputs, publications, rounds, submissions};

/// Pages of one kind (one path, any query) a crawl visits at most: enough for the
/// filters and pages of a list, not the endless months of a calendar.
const VARIANTS_PER_PATH: usize = 12;
/// Pages one crawl visits at most.
const PAGES_PER_CRAWL: usize = 1500;

/// The same-origin addresses a page links to, without fragments.
fn links(page: &TestResponse) -> Vec<String> {
    page.attrs("a[href]", "href")
        .into_iter()
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| match href.split_once('#') {
            Some((before, _)) => before.to_string(),
            None => href,
        })
        .filter(|href| !href.is_empty() && !href.starts_with("/assets/"))
        .collect()
}

fn path_of(url: &str) -> &str {
    url.split_once('?').map_or(url, |(path, _)| path)
}

/// Visits every page reachable by links from the start page and the home page (within
/// the bounds), and checks that each answers 200 or redirects, says it is the demo
/// acting as `day`, and shows no empty state. Returns how many pages it visited.
async fn crawl(app: &mut TestApp, who: &str, day: &str) -> usize {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut per_path: BTreeMap<String, usize> = BTreeMap::new();
    // The start page first: it is where signed-in people begin.
    let mut queue = VecDeque::from(["/start".to_string(), "/".to_string()]);
    let mut html_pages = 0;
    while let Some(url) = queue.pop_front() {
        if seen.len() >= PAGES_PER_CRAWL || seen.contains(&url) {
            continue;
        }
        let variants = per_path.entry(path_of(&url).to_string()).or_default();
        if *variants >= VARIANTS_PER_PATH {
            continue;
        }
        *variants += 1;
        seen.insert(url.clone());
        let page = app.get(&url).await;
        if page.status.is_redirection() {
            let to = page.location().to_string();
            assert!(to.starts_with('/'), "{who}: {url} redirects away to {to:?}");
            queue.push_back(to);
            continue;
        }
        assert_eq!(
            page.status,
            StatusCode::OK,
            "{who}: {url} answers {}",
            page.status
        );
        let html = page
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        // Downloads (feeds, exports, the final publication as a file) need only answer.
        let download = page
            .headers
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("attachment"));
        if !html || download {
            assert!(!page.body.is_empty(), "{who}: {url} is empty");
            continue;
        }
        html_pages += 1;
        assert_eq!(
            page.attrs(".demo-banner", "data-demo-day"),
            vec![day.to_string()],
            "{who}: {url} says it is the demo acting as {day}"
        );
        let empty = page.texts("[data-empty]");
        assert!(
            empty.is_empty(),
            "{who}: {url} shows an empty state: {empty:?}"
        );
        for link in links(&page) {
            if !seen.contains(&link) {
                queue.push_back(link);
            }
        }
    }
    html_pages
}

/// Signs in afresh (the chosen language stays).
async fn sign_in(app: &mut TestApp, email: &str, password: &str) {
    app.cookies.retain(|name, _| name == "framsyn_lang");
    let response = app
        .post("/login", &[("email", email), ("password", password)])
        .await;
    assert_eq!(
        response.status,
        StatusCode::SEE_OTHER,
        "{email} signs in with the demo password"
    );
}

/// Crawls as a visitor and as each of `people` (one per role).
async fn crawl_as_everyone(app: &mut TestApp, password: &str, people: &[&str], day: &str) {
    app.cookies.retain(|name, _| name == "framsyn_lang");
    let visitor = crawl(app, "a visitor", day).await;
    assert!(visitor >= 20, "a visitor reaches {visitor} pages");
    for email in people {
        sign_in(app, email, password).await;
        let pages = crawl(app, email, day).await;
        assert!(pages > visitor, "{email} reaches {pages} pages");
    }
}

fn count(app: &TestApp, sql: &str) -> i64 {
    app.db
        .read_blocking(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .unwrap()
}

#[tokio::test]
async fn the_regionerna_demo_runs_in_the_policy_phase_and_every_page_has_content() {
    let (mut app, demo) = spawn_demo("regionerna-2050");
    let now = app.clock.now();
    let programme = regionerna();
    let acts_as = demo.acts_as(&programme).unwrap();
    assert!(
        now >= acts_as && (now - acts_as).num_seconds() < 60,
        "the clock acts as {acts_as}"
    );
    let day = acts_as
        .with_timezone(&programme.time_zone)
        .format("%Y-%m-%d")
        .to_string();

    // Its story ends at the moment it acts as.
    assert_eq!(
        count(&app, "SELECT max(at) FROM audit_log"),
        acts_as.timestamp()
    );
    assert!(count(&app, "SELECT max(updated_at) FROM notes") < acts_as.timestamp());
    assert!(count(&app, "SELECT min(at) FROM audit_log") < acts_as.timestamp() - 500 * 86_400);

    // The programme keeps its real dates: the policy phase is active by them.
    let home = app.get("/").await;
    home.assert_contains("12 september 2018");
    assert_eq!(
        home.attrs(".demo-banner", "data-demo-day"),
        vec![day.clone()]
    );
    let policy = app.get("/phases/policyutveckling").await;
    assert_eq!(policy.status, StatusCode::OK);

    // The bank: notes of every type and category, with parents, links, tags and sources.
    assert!(count(&app, "SELECT count(*) FROM notes") >= 80);
    for t in NoteType::ALL {
        let n = count(
            &app,
            &format!("SELECT count(*) FROM notes WHERE note_type = '{}'", t.key()),
        );
        assert!(n >= 1, "notes of type {t:?}");
    }
    for c in Category::ALL {
        let n = count(
            &app,
            &format!("SELECT count(*) FROM notes WHERE category = '{}'", c.key()),
        );
        assert!(n >= 1, "notes of category {c:?}");
    }
    assert!(
        count(
            &app,
            "SELECT count(*) FROM notes WHERE parent_id IS NOT NULL"
        ) >= 40
    );
    assert!(count(&app, "SELECT count(*) FROM notes WHERE tags <> ''") >= 80);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM notes WHERE id NOT IN (SELECT from_id FROM note_links UNION SELECT to_id FROM note_links)"
        ),
        0,
        "every note bears on another"
    );
    assert!(count(&app, "SELECT count(*) FROM sources") >= 20);

    // The outbox: confirmations went out, one guest's address was refused, and the
    // last day's wait for a server.
    let by_status = |status: &str| {
        count(
            &app,
            &format!("SELECT count(*) FROM outbox WHERE status = '{status}'"),
        )
    };
    assert!(by_status("sent") >= 20, "sent: {}", by_status("sent"));
    assert_eq!(by_status("failed"), 1);
    assert!(by_status("queued") >= 1, "queued: {}", by_status("queued"));
    // Messages not caused by a change: the process leaders' to participants, the
    // reminders of due dates and rounds, and the digests of those who chose one.
    let of_kind = |kind: &str| {
        count(
            &app,
            &format!("SELECT count(*) FROM outbox WHERE kind = '{kind}'"),
        )
    };
    assert!(of_kind("announcement") >= 40, "{}", of_kind("announcement"));
    for kind in [
        "assignment-reminder",
        "round-opened",
        "round-closing",
        "digest",
    ] {
        assert!(of_kind(kind) >= 1, "{kind}: {}", of_kind(kind));
    }
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM sources WHERE id NOT IN (SELECT source_id FROM note_sources)"
        ),
        0,
        "every source is cited"
    );
    assert_eq!(
        count(&app, "SELECT count(DISTINCT stance) FROM note_sources"),
        3
    );

    // Workshop 1's round: closed, answered by 20 organisations or more, with consensus on
    // some notes and dissent on others; and its Delphi second round.
    let all_rounds = app.db.read_blocking(rounds::all).unwrap();
    let first = all_rounds
        .iter()
        .find(|r| r.phase_slug.as_deref() == Some("omvarlden") && r.previous_id.is_none())
        .expect("workshop 1's round");
    assert!(first.closes_at < now.timestamp(), "the round is closed");
    let organisations = count(
        &app,
        &format!(
            "SELECT count(DISTINCT organisation_id) FROM ratings WHERE round_id = {}",
            first.id
        ),
    );
    assert!(
        organisations >= 20,
        "{organisations} organisations answered"
    );
    let ratings = app
        .db
        .read_blocking(|c| rounds::ratings(c, first.id, Some(Criterion::Impact), None, None))
        .unwrap();
    let mut by_note: BTreeMap<i64, Vec<Option<i32>>> = BTreeMap::new();
    for r in &ratings {
        by_note.entry(r.note_id).or_default().push(r.value);
    }
    let consensus: Vec<Option<bool>> = by_note
        .values()
        .map(|values| summarise(values, Criterion::Impact.scale(), first.min_answers).consensus)
        .collect();
    assert!(consensus.contains(&Some(true)), "consensus on some notes");
    assert!(consensus.contains(&Some(false)), "dissent on others");
    assert!(
        all_rounds
            .iter()
            .any(|r| r.previous_id == Some(first.id) && r.raters >= 10),
        "the Delphi second round"
    );

    // Home assignment 1 in every state, with rankings; 2 and 3 with free-text answers.
    let first_work = app
        .db
        .read_blocking(|c| submissions::of_phase(c, "omvarlden"))
        .unwrap();
    let states: BTreeSet<&str> = first_work.iter().map(|s| s.status.key()).collect();
    assert_eq!(
        states,
        BTreeSet::from(["accepted", "draft", "returned", "submitted"])
    );
    assert!(first_work.iter().any(
        |s| s.status.key() == "returned" && s.comment.as_deref().is_some_and(|c| !c.is_empty())
    ));
    let organisations = count(&app, "SELECT count(*) FROM organisations") as usize;
    assert!(
        first_work.len() < organisations,
        "some have not started, past the due date"
    );
    assert!(
        first_work
            .iter()
            .filter(|s| s.parts["trend_ranking"]["most"]
                .as_array()
                .is_some_and(|m| !m.is_empty()))
            .count()
            >= 20
    );
    let firsts: BTreeSet<i64> = first_work
        .iter()
        .filter_map(|s| s.parts["trend_ranking"]["most"][0]["note"].as_i64())
        .collect();
    assert!(
        firsts.len() >= 3,
        "the organisations differ in what they rank first"
    );
    for phase in ["scenarier", "regionalisering"] {
        let work = app
            .db
            .read_blocking(|c| submissions::of_phase(c, phase))
            .unwrap();
        assert!(work.len() >= 20, "{phase}");
        assert!(
            work.iter()
                .all(|s| s.answers.as_object().is_some_and(|a| !a.is_empty()))
        );
    }

    // Editorial: the summaries of phases 1-4 published with frozen charts, news, one
    // text in review and one draft.
    let texts = app.db.read_blocking(publications::all).unwrap();
    for phase in [
        "omvarlden",
        "scenarier",
        "regionalisering",
        "policyutveckling",
    ] {
        assert!(
            texts.iter().any(|t| t.phase_slug.as_deref() == Some(phase)
                && t.kind.key() == "output"
                && t.status.key() == "published"
                && t.snapshot.is_some()),
            "the summary of {phase}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|t| t.kind.key() == "news" && t.status.key() == "published")
    );
    assert!(texts.iter().any(|t| t.status.key() == "in_review"));
    assert!(texts.iter().any(|t| t.status.key() == "draft"));
    let frozen = texts
        .iter()
        .find(|t| t.body.contains("[[radar:"))
        .and_then(|t| t.snapshot.clone())
        .expect("a published text with a radar");
    assert!(frozen.contains("radar"), "its radar is frozen");
    // The policy summary freezes the backcasting timeline, the stress test and a thread
    // that reaches back past the action, none of them refused.
    let policy = texts
        .iter()
        .find(|t| t.phase_slug.as_deref() == Some("policyutveckling") && t.snapshot.is_some())
        .expect("the policy summary");
    let material: framsyn::domain::embed::Snapshot =
        serde_json::from_str(policy.snapshot.as_deref().unwrap()).unwrap();
    let kinds: BTreeSet<&str> = material
        .keys()
        .filter_map(|k| k.split_once(':').map(|(kind, _)| kind))
        .collect();
    for kind in ["backcasting", "stress-test", "thread"] {
        assert!(kinds.contains(kind), "{kind} in {kinds:?}");
    }
    assert!(framsyn::domain::embed::problems(&material).is_empty());
    let thread = material
        .values()
        .find_map(|e| match e {
            framsyn::domain::embed::Embedded::Thread(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert!(thread.view.steps.len() > 2, "{:?}", thread.view.steps);

    // Input waiting for moderation, and published.
    let waiting = app
        .db
        .read_blocking(|c| inputs::queue(c, Some(framsyn::domain::input::InputStatus::New)))
        .unwrap();
    assert!(!waiting.is_empty());
    assert!(!app.db.read_blocking(inputs::published).unwrap().is_empty());

    // Events: the final conference is open to everyone, open for registration, full, with
    // a waiting list; members' proposals wait for approval; past events have minutes.
    let upcoming = app
        .db
        .read_blocking(move |c| {
            events::list(
                c,
                &events::EventFilter {
                    from: Some(now.timestamp()),
                    limit: 100,
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let conference = upcoming
        .iter()
        .find(|e| e.kind.key() == "conference")
        .expect("the final conference is in a visitor's calendar");
    assert!(conference.registration_open(now.timestamp()));
    eprintln!(
        "conference: {} confirmed, {} waiting",
        conference.confirmed, conference.waiting
    );
    assert_eq!(Some(conference.confirmed), conference.capacity);
    assert!(conference.waiting > 0);
    assert!(
        count(
            &app,
            "SELECT count(*) FROM events WHERE status = 'proposed'"
        ) >= 1
    );
    assert!(
        count(
            &app,
            &format!(
                "SELECT count(DISTINCT event_id) FROM event_minutes WHERE final = 1 AND event_id IN (SELECT id FROM events WHERE ends_at < {})",
                now.timestamp()
            )
        ) >= 5
    );
    assert!(
        count(
            &app,
            "SELECT count(*) FROM registrations WHERE attended = 1"
        ) >= 100
    );
    // It is in a visitor's calendar and in the public feed.
    let calendar = app.get("/calendar").await;
    assert!(calendar.texts(".events a").contains(&conference.title));
    let feed = app.get("/calendar.ics").await;
    assert_eq!(feed.status, StatusCode::OK);
    feed.assert_contains("SUMMARY:Slutkonferens");

    // The audit log tells the story.
    assert!(app.db.read_blocking(audit::count).unwrap() >= 500);

    crawl_as_everyone(
        &mut app,
        demo.password(),
        &[
            "admin@demo.test",
            "processledare@demo.test",
            "redaktor@demo.test",
            "strateg.ostergotland@demo.test",
        ],
        &day,
    )
    .await;
}
#[tokio::test]
async fn the_dialogarena_demo_is_norwegian_and_every_page_has_content() {
    let (mut app, demo) = spawn_demo("dialogarena");
    let programme =
        framsyn::domain::programme::Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    let acts_as = demo.acts_as(&programme).unwrap();
    let day = acts_as
        .with_timezone(&programme.time_zone)
        .format("%Y-%m-%d")
        .to_string();
    // Its people read it in Norwegian.
    app.set_lang("nb");
    let home = app.get("/").await;
    assert_eq!(home.attrs("html", "lang"), vec!["nb".to_string()]);
    home.assert_contains("Dette er en demo");
    // The counties of the address list, and the ministry's process leader.
    assert!(
        count(
            &app,
            "SELECT count(*) FROM organisations WHERE name LIKE '%fylkeskommune'"
        ) >= 18
    );
    assert!(
        count(
            &app,
            "SELECT count(*) FROM users u JOIN organisations o ON o.id = u.organisation_id JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'process_leader' AND o.name LIKE '%departement%'"
        ) >= 1
    );
    // No scenarios: none of its phases asks for them.
    assert_eq!(count(&app, "SELECT count(*) FROM scenario_sets"), 0);
    // Its meetings with agendas and registrations, at most two per county.
    assert!(count(&app, "SELECT count(DISTINCT event_id) FROM agenda_items") >= 3);
    assert!(count(&app, "SELECT count(DISTINCT event_id) FROM registrations") >= 3);
    assert_eq!(
        count(
            &app,
            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM registrations WHERE status <> 'cancelled' GROUP BY event_id, organisation_id)"
        ),
        2
    );
    // The ministry's messages to the counties, and the reminder of the input on
    // coordination that is due within the week, still waiting in the outbox.
    assert!(
        count(
            &app,
            "SELECT count(*) FROM outbox WHERE kind = 'announcement'"
        ) >= 20
    );
    assert!(
        count(
            &app,
            "SELECT count(*) FROM outbox WHERE kind = 'assignment-reminder' AND status = 'queued'"
        ) >= 1
    );
    crawl_as_everyone(
        &mut app,
        demo.password(),
        &[
            "admin@dialog.demo.test",
            "prosessleder@dialog.demo.test",
            "redaktor@dialog.demo.test",
            "radgiver.finnmark@dialog.demo.test",
        ],
        &day,
    )
    .await;
}

/// The median of `criterion` over a round's answers on `note`.
fn median(app: &TestApp, round: i64, note: i64, criterion: Criterion) -> f64 {
    let values: Vec<Option<i32>> = app
        .db
        .read_blocking(|c| rounds::ratings(c, round, Some(criterion), None, None))
        .unwrap()
        .into_iter()
        .filter(|r| r.note_id == note)
        .map(|r| r.value)
        .collect();
    summarise(&values, criterion.scale(), 1)
        .median
        .expect("a median")
}

#[test]
fn the_regionerna_demo_has_workshop_2s_scenarios_assessed_by_every_organisation() {
    use framsyn::domain::chart::Quadrant as Field;
    use framsyn::domain::scenario::{
        DESIRABILITY, INTEREST, MOST_MAX, Method, PLAUSIBILITY, Quadrant, ScenarioAssessment,
        SetStatus,
    };
    use framsyn::storage::{bank, scenarios};
    let (app, _) = spawn_demo("regionerna-2050");

    // One set in the scenario phase, settled once home assignment 2 was reviewed (the
    // demo acts as a day in the policy phase), and public.
    let sets = app.db.read_blocking(|c| scenarios::sets(c, None)).unwrap();
    assert_eq!(sets.len(), 1);
    let set = &sets[0];
    assert_eq!(set.phase_slug, "scenarier");
    assert_eq!(set.status, SetStatus::Final);
    assert!(set.public, "made public by the editor");
    assert_eq!(set.method, Method::TwoAxes);
    assert_eq!(set.horizon, 2050);
    assert!(!set.focal_question.is_empty());

    // Its axes are the critical uncertainties of the driver map it was made from, and its
    // predetermined elements that map's predetermined trends.
    let round = set.round_id.expect("made from a driver map");
    assert_eq!(set.axes.len(), 2);
    let field = |note: i64| {
        Field::of(
            median(&app, round, note, Criterion::Impact),
            median(&app, round, note, Criterion::Uncertainty),
        )
    };
    for axis in &set.axes {
        let brief = app
            .db
            .read_blocking(|c| bank::brief(c, axis.note))
            .unwrap()
            .expect("the axis's note");
        assert_eq!(brief.note_type, NoteType::Uncertainty);
        assert_eq!(field(axis.note), Field::CriticalUncertainties);
        assert!(!axis.low.is_empty() && !axis.high.is_empty() && !axis.definition.is_empty());
    }
    assert!(!set.predetermined.is_empty());
    for note in &set.predetermined {
        assert_eq!(field(*note), Field::Predetermined, "note {note}");
    }

    // Four scenarios, one per quadrant, written out in full after the workshop's sketch.
    let list = app
        .db
        .read_blocking(|c| scenarios::scenarios(c, set.id))
        .unwrap();
    assert_eq!(list.len(), 4);
    let quadrants: BTreeSet<Quadrant> = list.iter().filter_map(|s| s.quadrant).collect();
    assert_eq!(quadrants.len(), 4);
    let chosen: BTreeSet<i64> = set.chosen().into_iter().collect();
    for s in &list {
        assert!(!s.name.is_empty() && !s.tagline.is_empty(), "{}", s.name);
        assert!(s.narrative.split("\n\n").count() >= 3, "{}", s.name);
        assert!((4..=6).contains(&s.characteristics.len()), "{}", s.name);
        let states: BTreeSet<i64> = s.driver_states.iter().map(|d| d.note).collect();
        assert_eq!(states, chosen, "{}: a state for every chosen note", s.name);
        assert!((3..=4).contains(&s.signposts.len()), "{}", s.name);
        let revisions = app
            .db
            .read_blocking(|c| scenarios::scenario_revisions(c, s.id))
            .unwrap();
        assert!(
            revisions.len() >= 2,
            "{}: sketched, then written out",
            s.name
        );
    }
    let signposts: Vec<_> = list.iter().flat_map(|s| &s.signposts).collect();
    assert!(signposts.iter().any(|p| p.note.is_some()));
    assert!(signposts.iter().any(|p| p.indicator.is_some()));
    assert!(signposts.iter().any(|p| p.note.is_none()));
    let commented = list
        .iter()
        .filter(|s| {
            !app.db
                .read_blocking(|c| scenarios::comments(c, s.id))
                .unwrap()
                .is_empty()
        })
        .count();
    assert_eq!(commented, 4, "strategists commented while it was open");

    // Every organisation's assessment, in every state of the submission.
    let work = app
        .db
        .read_blocking(|c| submissions::of_phase(c, "scenarier"))
        .unwrap();
    let states: BTreeSet<&str> = work.iter().map(|s| s.status.key()).collect();
    assert_eq!(
        states,
        BTreeSet::from(["accepted", "draft", "returned", "submitted"])
    );
    let ids: Vec<i64> = list.iter().map(|s| s.id).collect();
    let mut chosen_most: BTreeMap<i64, usize> = BTreeMap::new();
    for submission in &work {
        let assessment: ScenarioAssessment =
            serde_json::from_value(submission.parts["scenario_rating"].clone())
                .expect("the part scenario_rating");
        assert_eq!(assessment.set, set.id);
        for j in &assessment.judgements {
            assert!(ids.contains(&j.scenario));
            assert!(INTEREST.contains(j.interest.unwrap()));
            assert!(PLAUSIBILITY.contains(j.plausibility.unwrap()));
            assert!(DESIRABILITY.contains(j.desirability.unwrap()));
        }
        if submission.status.key() == "draft" {
            assert!(
                assessment.judgements.len() < ids.len(),
                "a draft is partial"
            );
        } else {
            assert_eq!(assessment.judgements.len(), ids.len());
            assert!((1..=MOST_MAX).contains(&assessment.most.len()));
        }
        for m in &assessment.most {
            *chosen_most.entry(*m).or_default() += 1;
        }
    }
    assert_eq!(chosen_most.len(), 4, "each scenario is someone's choice");
    assert!(
        work.iter()
            .flat_map(|s| s.parts["scenario_rating"]["judgements"].as_array().unwrap())
            .filter(|j| j["reason"].as_str().is_some_and(|r| !r.is_empty()))
            .count()
            >= 20,
        "with reasons"
    );
}

#[tokio::test]
async fn the_demos_summary_of_workshop_2_shows_the_cross_two_cards_and_the_assessment() {
    let (mut app, _) = spawn_demo("regionerna-2050");
    let list = app.get("/publications").await;
    let links = list.attrs("main a[href^='/publications/']", "href");
    let titles = list.texts("main a[href^='/publications/']");
    let at = titles
        .iter()
        .position(|t| t == "Fyra scenarier för regionerna 2050")
        .expect("the summary of workshop 2 is published");
    let text = app.get(&links[at]).await;
    assert_eq!(text.status, StatusCode::OK);
    assert_eq!(
        text.texts(".embed-scenarios svg.chart-scenario-cross")
            .len(),
        1
    );
    assert_eq!(
        text.texts(".embed-scenarios svg.chart-scenario-comparison")
            .len(),
        1
    );
    assert_eq!(text.texts(".embed-scenario").len(), 2);
    assert!(!text.texts(".embed-scenario_assessment table").is_empty());
    // The set is final, so the cross counts the organisations' choices.
    let counts: usize = text
        .attrs(".embed-scenarios svg text[data-count]", "data-count")
        .iter()
        .map(|c| c.parse::<usize>().unwrap())
        .sum();
    assert!(counts >= 20, "{counts} choices");
}

#[test]
fn a_demo_database_holds_one_programme_and_loading_it_again_adds_nothing() {
    let (app, demo) = spawn_demo("regionerna-2050");
    let notes = count(&app, "SELECT count(*) FROM notes");
    let again = framsyn::demo::load(&app.db, &regionerna(), &demo).unwrap();
    assert!(again.already_loaded);
    assert_eq!(count(&app, "SELECT count(*) FROM notes"), notes);
    let other_dir = programme_dir("dialogarena");
    let other = framsyn::domain::programme::Programme::load_dir(&other_dir).unwrap();
    let other_demo = framsyn::demo::read(&other_dir.clone().into()).unwrap();
    let refused = framsyn::demo::load(&app.db, &other, &other_demo).unwrap_err();
    assert!(refused.to_string().contains("regionerna-2050"), "{refused}");
}

#[test]
fn the_regionerna_demo_has_workshop_3s_consequences_and_every_organisations_own() {
    use framsyn::domain::assignment::SubmissionStatus;
    use framsyn::domain::consequence::{ConsequencePart, Valence};
    use framsyn::storage::{consequences, scenarios};
    let (app, _) = spawn_demo("regionerna-2050");
    let programme = &app.state.programme;
    let sets = app.db.read_blocking(|c| scenarios::sets(c, None)).unwrap();
    let set = &sets[0];
    assert!(
        set.consequences_public,
        "the set's consequences are published"
    );
    let list = app
        .db
        .read_blocking(|c| scenarios::scenarios(c, set.id))
        .unwrap();
    let all = app
        .db
        .read_blocking(|c| consequences::of_set(c, set.id))
        .unwrap();

    // The workshop's: 2–4 at every level of every scenario, with 2nd and 3rd order
    // chains, every valence, and themes and timings throughout.
    let shared: Vec<_> = all.iter().filter(|c| c.organisation_id.is_none()).collect();
    for scenario in &list {
        for level in &programme.consequence_levels {
            let n = shared
                .iter()
                .filter(|c| c.scenario() == Some(scenario.id) && c.level == level.slug)
                .count();
            assert!(
                (2..=4).contains(&n),
                "{} at {}: {n}",
                scenario.name,
                level.slug
            );
        }
        for order in 1..=3 {
            assert!(
                shared
                    .iter()
                    .any(|c| c.scenario() == Some(scenario.id) && c.order == order),
                "{} has consequences of order {order}",
                scenario.name
            );
        }
    }
    for valence in Valence::ALL {
        assert!(shared.iter().any(|c| c.valence == Some(*valence)));
    }
    assert!(
        shared
            .iter()
            .all(|c| c.theme.is_some() && c.timing.is_some())
    );

    // Every organisation's own, in every state of its submission; some taken from the
    // workshop's.
    let subs = app
        .db
        .read_blocking(|c| submissions::of_phase(c, "regionalisering"))
        .unwrap();
    for status in SubmissionStatus::ALL {
        assert!(
            subs.iter().any(|s| s.status == *status),
            "a submission {status:?}"
        );
    }
    assert!(subs.iter().any(|s| s.status == SubmissionStatus::Returned
        && s.comment.as_deref().is_some_and(|c| !c.is_empty())));
    let organisations = app
        .db
        .read_blocking(framsyn::storage::organisations::all)
        .unwrap();
    assert!(subs.len() < organisations.len(), "a few have not started");
    for s in &subs {
        let part: ConsequencePart =
            serde_json::from_value(s.parts["consequences"].clone()).expect("the part");
        assert_eq!(part.set, set.id);
        for scenario in &list {
            assert!(
                part.items.iter().any(|i| i.scenario == scenario.id),
                "{} has its own for {}",
                s.organisation_name,
                scenario.name
            );
        }
    }
    assert!(
        all.iter()
            .any(|c| c.organisation_id.is_some() && c.based_on.is_some())
    );
}
