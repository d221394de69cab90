//! The programme definitions in `phases/` load, and broken ones are refused with the
//! file, the field and what is wrong.

use axum::http::StatusCode;

use super::helpers::{programme_dir, spawn_with, test_config};
use framsyn::domain::programme::{ActivityKind, Programme};

const PROGRAMME: &str = r#"
slug = "prov"
time_zone = "Europe/Stockholm"
default_language = "sv"
[name]
sv = "Provprogram"
[organiser]
sv = "Provnätverket"
[purpose]
sv = "Att pröva."
"#;

fn phase(order: u32, slug: &str, starts: &str, ends: &str, activities: &str) -> String {
    format!(
        r#"
order = {order}
slug = "{slug}"
starts = "{starts}"
ends = "{ends}"
[title]
sv = "Fas {slug}"
[summary]
sv = "Om fasen."
[produces]
sv = "- något"
{activities}
"#
    )
}

const WORKSHOP: &str = r#"
[[activities]]
kind = "workshop"
slug = "ws"
starts = "2017-03-29"
ends = "2017-03-30"
[activities.title]
sv = "Workshop"
"#;

fn load(
    phases: &[(&str, String)],
) -> Result<Programme, framsyn::domain::programme::DefinitionError> {
    let texts: Vec<(&str, &str)> = phases.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Programme::from_texts(PROGRAMME, &texts)
}

#[track_caller]
fn refused(phases: &[(&str, String)], file: &str, field: &str, message_part: &str) {
    let error = load(phases).expect_err("the definition should be refused");
    assert_eq!(error.file.to_str().unwrap(), file, "{error}");
    assert_eq!(error.field, field, "{error}");
    assert!(error.message.contains(message_part), "{error}");
    let shown = error.to_string();
    assert!(shown.contains(file) && shown.contains(field), "{shown}");
}

#[test]
fn regionerna_2050_loads_with_six_phases_in_order() {
    let programme = Programme::load_dir(&programme_dir("regionerna-2050")).unwrap();
    let slugs: Vec<_> = programme.phases.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "startskott",
            "omvarlden",
            "scenarier",
            "regionalisering",
            "policyutveckling",
            "slutkonferens"
        ]
    );
    assert_eq!(programme.horizon, Some(2050));
    assert_eq!(programme.time_zone.name(), "Europe/Stockholm");
    let kickoff = &programme.phases[0];
    let (kind, conference) = kickoff.events().next().unwrap();
    assert_eq!(kind, ActivityKind::Conference);
    assert_eq!(conference.starts.to_string(), "2017-02-08");
    assert_eq!(conference.ends.to_string(), "2017-02-09");
    for phase in &programme.phases[1..5] {
        assert!(
            phase.home_assignment().is_some(),
            "{} has a home assignment",
            phase.slug
        );
        assert!(
            phase.events().any(|(k, _)| k == ActivityKind::Workshop),
            "{} has a workshop",
            phase.slug
        );
    }
    for phase in &programme.phases {
        assert!(phase.title.sv.is_some() && phase.title.nb.is_some() && phase.title.en.is_some());
    }
}

#[test]
fn the_dialogarena_loads_three_one_day_meetings_for_two_per_county() {
    let programme = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    assert_eq!(programme.phases.len(), 3);
    assert_eq!(programme.time_zone.name(), "Europe/Oslo");
    for phase in &programme.phases {
        let meetings: Vec<_> = phase
            .events()
            .filter(|(k, _)| *k == ActivityKind::Meeting)
            .collect();
        assert_eq!(meetings.len(), 1, "{}", phase.slug);
        let meeting = meetings[0].1;
        assert_eq!(meeting.starts, meeting.ends, "one-day meeting");
        assert_eq!(meeting.per_organisation_cap, Some(2));
    }
}

#[tokio::test]
async fn the_dialogarena_renders_in_norwegian() {
    let programme = Programme::load_dir(&programme_dir("dialogarena")).unwrap();
    let mut app = spawn_with(programme, test_config());
    app.set_lang("nb");
    let home = app.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    home.assert_contains("Dialogarena");
    home.assert_contains("<html lang=\"nb\">");
    let first = app.get("/phases/integrering").await;
    assert_eq!(first.status, StatusCode::OK);
    first.assert_contains("10:00–15:00");
    first.assert_contains("2");
}

#[test]
fn a_valid_minimal_programme_loads() {
    let programme = load(&[(
        "00-a.toml",
        phase(0, "a", "2017-01-01", "2017-03-28", WORKSHOP),
    )])
    .unwrap();
    assert_eq!(programme.phases[0].activities.len(), 1);
}

#[test]
fn a_missing_field_is_named() {
    let text =
        phase(0, "a", "2017-01-01", "2017-03-28", "").replace("[produces]\nsv = \"- något\"\n", "");
    refused(
        &[("00-a.toml", text)],
        "00-a.toml",
        "",
        "missing field `produces`",
    );
}

#[test]
fn a_missing_field_of_an_activity_is_named() {
    let activity = WORKSHOP.replace("ends = \"2017-03-30\"\n", "");
    refused(
        &[(
            "00-a.toml",
            phase(0, "a", "2017-01-01", "2017-03-28", &activity),
        )],
        "00-a.toml",
        "activities[0].ends",
        "missing field `ends`",
    );
}

#[test]
fn a_duplicate_phase_slug_is_refused() {
    refused(
        &[
            ("00-a.toml", phase(0, "a", "2017-01-01", "2017-03-28", "")),
            ("01-a.toml", phase(1, "a", "2017-03-29", "2017-06-28", "")),
        ],
        "01-a.toml",
        "slug",
        "duplicate slug `a`",
    );
}

#[test]
fn a_duplicate_activity_slug_is_refused() {
    refused(
        &[
            (
                "00-a.toml",
                phase(0, "a", "2017-01-01", "2017-03-28", WORKSHOP),
            ),
            (
                "01-b.toml",
                phase(1, "b", "2017-03-29", "2017-06-28", WORKSHOP),
            ),
        ],
        "01-b.toml",
        "activities[0].slug",
        "duplicate slug `ws`",
    );
}

#[test]
fn an_unknown_activity_kind_is_refused_with_the_known_ones() {
    let activity = WORKSHOP.replace("kind = \"workshop\"", "kind = \"webinar\"");
    refused(
        &[(
            "00-a.toml",
            phase(0, "a", "2017-01-01", "2017-03-28", &activity),
        )],
        "00-a.toml",
        "activities[0].kind",
        "unknown variant `webinar`",
    );
}

#[test]
fn a_phase_ending_before_it_starts_is_refused() {
    refused(
        &[("00-a.toml", phase(0, "a", "2017-03-28", "2017-01-01", ""))],
        "00-a.toml",
        "ends",
        "before it starts",
    );
}

#[test]
fn an_event_ending_before_it_starts_is_refused() {
    let activity = WORKSHOP.replace("ends = \"2017-03-30\"", "ends = \"2017-03-01\"");
    refused(
        &[(
            "00-a.toml",
            phase(0, "a", "2017-01-01", "2017-03-28", &activity),
        )],
        "00-a.toml",
        "activities[0].ends",
        "before it starts",
    );
}

#[test]
fn a_broken_date_is_refused() {
    refused(
        &[("00-a.toml", phase(0, "a", "2017-02-30", "2017-03-28", ""))],
        "00-a.toml",
        "starts",
        "`2017-02-30` is not a valid date",
    );
}

#[test]
fn an_unknown_key_is_refused() {
    let text = phase(0, "a", "2017-01-01", "2017-03-28", "")
        .replace("order = 0", "order = 0\ncolour = \"red\"");
    refused(
        &[("00-a.toml", text)],
        "00-a.toml",
        "colour",
        "unknown field `colour`",
    );
}

#[test]
fn a_field_foreign_to_the_kind_is_refused() {
    let activity = WORKSHOP.replace(
        "[activities.title]",
        "due = \"2017-05-01\"\n[activities.title]",
    );
    refused(
        &[(
            "00-a.toml",
            phase(0, "a", "2017-01-01", "2017-03-28", &activity),
        )],
        "00-a.toml",
        "activities[0].due",
        "does not belong to a workshop",
    );
}

#[test]
fn a_text_missing_in_the_default_language_is_refused() {
    let text = phase(0, "a", "2017-01-01", "2017-03-28", "")
        .replace("[title]\nsv = \"Fas a\"", "[title]\nen = \"Phase a\"");
    refused(
        &[("00-a.toml", text)],
        "00-a.toml",
        "title.sv",
        "default language",
    );
}

#[test]
fn an_unknown_time_zone_is_refused() {
    let error = Programme::from_texts(
        &PROGRAMME.replace("Europe/Stockholm", "Europe/Gävle"),
        &[("00-a.toml", &phase(0, "a", "2017-01-01", "2017-03-28", ""))],
    )
    .unwrap_err();
    assert_eq!(error.field, "time_zone");
    assert!(error.message.contains("Europe/Gävle"));
}

#[test]
fn a_folder_without_phases_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("programme.toml"), PROGRAMME).unwrap();
    let error = Programme::load_dir(dir.path()).unwrap_err();
    assert!(error.message.contains("no phase files"), "{error}");
}

#[test]
fn the_check_command_names_the_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("programme.toml"), PROGRAMME).unwrap();
    std::fs::write(
        dir.path().join("00-a.toml"),
        phase(
            0,
            "a",
            "2017-01-01",
            "2017-03-28",
            &WORKSHOP.replace("workshop\"", "webinar\""),
        ),
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_framsyn"))
        .arg("--programme")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("00-a.toml")
            && stderr.contains("activities[0].kind")
            && stderr.contains("webinar"),
        "{stderr}"
    );
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_framsyn"))
        .arg("--programme")
        .arg(programme_dir("regionerna-2050"))
        .arg("check")
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn the_server_refuses_to_start_on_a_broken_definition() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("programme.toml"), PROGRAMME).unwrap();
    std::fs::write(
        dir.path().join("00-a.toml"),
        phase(0, "a", "2017-03-28", "2017-01-01", ""),
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_framsyn"))
        .arg("--programme")
        .arg(dir.path())
        .arg("--database")
        .arg(dir.path().join("db.sqlite3"))
        .arg("--addr")
        .arg("127.0.0.1:0")
        .arg("serve")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("00-a.toml") && stderr.contains("`ends`"),
        "{stderr}"
    );
}
