//! Every interface text exists in Swedish, Norwegian Bokmål and English, in the same
//! catalogue file; every key the templates and code ask for exists, including every key
//! a template builds from a prefix and a value.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use axum::http::StatusCode;
use framsyn::domain::lang::Lang;
use framsyn::domain::{
    assignment, bank, chart, consequence, event, input, methods, organisation, programme,
    publication, rating, scenario, source, user,
};
use framsyn::render::i18n;

use super::helpers::*;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each catalogue file of a language (by file name, e.g. `bank.ftl`) with its keys, in
/// the order written; terms (`-name`) count as keys too.
fn catalogue_files(lang: &str) -> BTreeMap<String, Vec<String>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("assets/locales").join(lang)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let keys = text
            .lines()
            .filter(|l| {
                l.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase() || c == '-')
            })
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.insert(name, keys);
    }
    files
}

/// Every key of a language, over all its catalogue files.
fn catalogue_keys(lang: &str) -> BTreeSet<String> {
    catalogue_files(lang).into_values().flatten().collect()
}

/// Quoted keys in `source` that follow `prefix` (e.g. `t("`) where the prefix starts a
/// word (so `at("` is no `t("`), up to the closing quote.
fn quoted_after(source: &str, prefix: &str, quote: char) -> Vec<String> {
    source
        .match_indices(prefix)
        .filter(|(at, _)| {
            !source[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        })
        .filter_map(|(at, _)| source[at + prefix.len()..].split(quote).next())
        .filter(|key| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_three_catalogues_have_the_same_files_with_the_same_keys() {
    let sv = catalogue_files("sv");
    assert!(sv.len() > 1, "one catalogue per area");
    assert!(sv.values().map(Vec::len).sum::<usize>() > 100);
    for lang in ["nb", "en"] {
        let other = catalogue_files(lang);
        let names = |files: &BTreeMap<String, Vec<String>>| -> Vec<String> {
            files.keys().cloned().collect()
        };
        assert_eq!(names(&other), names(&sv), "{lang}: the same files as sv");
        for (file, keys) in &sv {
            let ours: BTreeSet<_> = keys.iter().collect();
            let theirs: BTreeSet<_> = other[file].iter().collect();
            let missing: Vec<_> = ours.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&ours).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}/{file}: missing {missing:?}, extra {extra:?} (compared with sv/{file})"
            );
        }
    }
}

#[test]
fn every_key_lives_in_one_file_once() {
    for lang in Lang::ALL {
        let mut home: BTreeMap<&str, &str> = BTreeMap::new();
        let files = catalogue_files(lang.code());
        for (file, keys) in &files {
            for key in keys {
                if let Some(first) = home.insert(key, file) {
                    panic!("{}: {key} is in {first} and in {file}", lang.code());
                }
            }
        }
    }
}

#[test]
fn every_key_asked_for_exists() {
    let sv = catalogue_keys("sv");
    let mut wanted = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("templates")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        wanted.extend(quoted_after(&text, "t(\"", '"'));
        wanted.extend(quoted_after(&text, "t('", '\''));
    }
    let mut sources = vec![root().join("src")];
    while let Some(dir) = sources.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                wanted.extend(
                    quoted_after(&text, "\"error-", '"')
                        .into_iter()
                        .map(|k| format!("error-{k}")),
                );
                wanted.extend(
                    quoted_after(&text, "\"login-", '"')
                        .into_iter()
                        .map(|k| format!("login-{k}")),
                );
                wanted.extend(quoted_after(&text, "t(\"", '"'));
            }
        }
    }
    wanted.retain(|k| !k.ends_with('-'));
    let missing: Vec<_> = wanted.iter().filter(|k| !sv.contains(*k)).collect();
    assert!(missing.is_empty(), "keys without a text: {missing:?}");
}

#[test]
fn texts_with_arguments_fill_them_in_each_language() {
    use fluent_templates::fluent_bundle::FluentValue;
    for lang in Lang::ALL {
        let text = i18n::text_with(
            lang,
            "signed-in-as",
            &[("name", FluentValue::from("Åsa Öberg"))],
        );
        assert!(
            text.contains("Åsa Öberg") && !text.contains('{'),
            "{lang:?}: {text}"
        );
    }
    assert_eq!(i18n::text(Lang::En, "login"), "Sign in");
    assert_eq!(i18n::text(Lang::Nb, "no-such-key"), "no-such-key");
}

/// The Jinja parts of a template (`{{ … }}` and `{% … %}`), where keys are written.
fn jinja_segments(text: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{']) {
        let after = &rest[open + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let inner = &after[1..];
        let Some(end) = inner.find(close) else { break };
        segments.push(&inner[..end]);
        rest = &inner[end + close.len()..];
    }
    segments
}

/// The quoted literals of a Jinja segment, each with the text that follows it.
fn literals(segment: &str) -> Vec<(String, &str)> {
    let mut found = Vec::new();
    let mut chars = segment.char_indices();
    while let Some((_, c)) = chars.next() {
        if c == '"' || c == '\'' {
            let mut literal = String::new();
            for (at, d) in chars.by_ref() {
                if d == c {
                    found.push((literal, &segment[at + d.len_utf8()..]));
                    break;
                }
                literal.push(d);
            }
        }
    }
    found
}

/// The first argument of each `t(` call in a segment, as written.
fn first_arguments(segment: &str) -> Vec<&str> {
    let mut arguments = Vec::new();
    for (at, _) in segment.match_indices("t(") {
        let word_start = !segment[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if !word_start {
            continue;
        }
        let argument = &segment[at + 2..];
        let (mut depth, mut quote) = (0usize, None);
        let mut end = argument.len();
        for (i, c) in argument.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '(' | '[') => depth += 1,
                (None, ')' | ']' | ',') if depth == 0 => {
                    end = i;
                    break;
                }
                (None, ')' | ']') => depth -= 1,
                _ => {}
            }
        }
        arguments.push(&argument[..end]);
    }
    arguments
}

/// Every key pattern the templates build, with `{}` for each value joined in: from
/// `t("steep-" ~ n.category)` the pattern `steep-{}`, from `t("scale-" ~ c ~ "-" ~ p)`
/// `scale-{}-{}`, and from a prefix handed to a macro that shows its options through it
/// (`m.choice(…, "mode-")`) `mode-{}`. The macros' own `t(prefix ~ o)` come out as
/// `{}{}`, checked through their callers.
fn built_key_patterns() -> BTreeMap<String, BTreeSet<String>> {
    let mut patterns: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        for segment in jinja_segments(&text) {
            for argument in first_arguments(segment) {
                if !argument.contains('~') {
                    continue;
                }
                let pattern: String = argument
                    .split('~')
                    .map(|part| {
                        let part = part.trim();
                        let quoted = part.len() >= 2
                            && (part.starts_with('"') && part.ends_with('"')
                                || part.starts_with('\'') && part.ends_with('\''));
                        if quoted {
                            part[1..part.len() - 1].to_string()
                        } else {
                            "{}".to_string()
                        }
                    })
                    .collect();
                patterns.entry(pattern).or_default().insert(name.clone());
            }
            for (literal, after) in literals(segment) {
                let handed_on = after.trim_start().starts_with([',', ')']);
                let prefix = literal.ends_with('-')
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c));
                if handed_on && prefix {
                    patterns
                        .entry(format!("{literal}{{}}"))
                        .or_default()
                        .insert(name.clone());
                }
            }
        }
    }
    patterns
}

fn keyed<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    keys.into_iter().map(str::to_string).collect()
}

/// The fields a note's history can name: every field of a stored note but its number and
/// the bookkeeping ones, read from a note as the bank stores it.
async fn note_fields() -> Vec<String> {
    let mut app = spawn_app();
    world(&app);
    app.login(STRATEGIST_A).await;
    let written = app
        .post(
            "/bank/new?then=draft",
            &[
                ("type", "trend"),
                ("title", "Åldrande befolkning"),
                ("category", "social"),
            ],
        )
        .await;
    assert_eq!(written.status, StatusCode::SEE_OTHER, "{}", written.body);
    let id: i64 = written
        .location()
        .trim_start_matches("/bank/")
        .parse()
        .unwrap();
    let note = app
        .db
        .read(move |conn| framsyn::storage::bank::get(conn, id))
        .await
        .unwrap()
        .unwrap();
    let stored = serde_json::to_value(&note).unwrap();
    bank::changed_fields(&serde_json::json!({ "id": note.id }), &stored)
}

/// Every value each built key pattern can be filled with, from the domain's lists of all
/// values (never from a list written here), as the full keys.
async fn known_patterns() -> BTreeMap<&'static str, Vec<String>> {
    use assignment::{Action, RANKING_LISTS, SubmissionStatus};
    use event::{Audience, EventKind, EventStatus, Mode, QuestionKind, RegistrationStatus};
    use framsyn::domain::picker::PickKind;
    use rating::{Anonymity, Criterion, Feedback, RoundState};
    let registration = || keyed(RegistrationStatus::ALL.iter().map(|s| s.key()));
    let pick_kinds = || keyed(PickKind::ALL.iter().map(|k| k.key()));
    let submission = || keyed(SubmissionStatus::ALL.iter().map(|s| s.key()));
    let criteria = || keyed(Criterion::ALL.iter().map(|c| c.key()));
    let statuses = || {
        framsyn::web::ERROR_PAGE_STATUSES
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
    };
    let weekdays = std::iter::successors(Some(chrono::Weekday::Mon), |d| {
        Some(d.succ()).filter(|d| *d != chrono::Weekday::Mon)
    })
    .map(|d| d.to_string().to_lowercase())
    .collect();
    let scales = Criterion::ALL
        .iter()
        .flat_map(|c| c.scale().points().map(move |p| format!("{}-{p}", c.key())))
        .collect();
    use framsyn::domain::backcasting;
    let item_kinds = || keyed(backcasting::ItemKind::ALL.iter().map(|x| x.key()));
    let milestone_kinds = || keyed(backcasting::MilestoneKind::ALL.iter().map(|x| x.key()));
    let starts = || keyed(backcasting::Start::ALL.iter().map(|x| x.key()));
    let action_statuses = || keyed(backcasting::ActionStatus::ALL.iter().map(|x| x.key()));
    let directions = || {
        framsyn::domain::thread::Direction::ALL
            .iter()
            .map(|d| {
                serde_json::to_value(d)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    let values: Vec<(&'static str, Vec<String>)> = vec![
        (
            "anonymity-{}",
            keyed(Anonymity::ALL.iter().map(|x| x.key())),
        ),
        ("audience-{}", keyed(Audience::ALL.iter().map(|x| x.key()))),
        (
            "band-{}",
            keyed(bank::TimeBand::ALL.iter().map(|x| x.key())),
        ),
        (
            "category-{}",
            keyed(organisation::Category::ALL.iter().map(|x| x.key())),
        ),
        (
            "cqr-valence-{}",
            keyed(
                framsyn::domain::consequence::Valence::ALL
                    .iter()
                    .map(|x| x.key()),
            ),
        ),
        ("bc-field-{}", {
            let mut fields: Vec<String> = backcasting::ItemKind::ALL
                .iter()
                .flat_map(|k| framsyn::app::backcasting_pages::history_fields(*k).iter())
                .map(|f| f.to_string())
                .collect();
            fields.sort();
            fields.dedup();
            fields
        }),
        ("bc-hit-{}", item_kinds()),
        (
            "mail-kind-{}",
            keyed(framsyn::domain::mail::Kind::ALL.iter().map(|x| x.key())),
        ),
        ("ann-audience-{}", keyed(framsyn::domain::mail::AUDIENCES)),
        (
            "prefs-digest-{}",
            keyed(
                framsyn::domain::mail::DigestPeriod::ALL
                    .iter()
                    .map(|x| x.key()),
            ),
        ),
        (
            "outbox-status-{}",
            keyed(framsyn::domain::mail::Status::ALL.iter().map(|x| x.key())),
        ),
        ("bc-{}-n", item_kinds()),
        ("bc-kind-{}", milestone_kinds()),
        ("bc-start-{}", starts()),
        ("bc-status-{}", action_statuses()),
        ("bcc-item-{}", item_kinds()),
        (
            "bcc-verdict-{}",
            keyed(backcasting::Verdict::ALL.iter().map(|x| x.key())),
        ),
        ("roadmap-{}", keyed(framsyn::domain::roadmap_chart::GROUPS)),
        ("thread-desc-{}", directions()),
        ("thread-help-{}", directions()),
        (
            "thread-stage-{}",
            framsyn::domain::thread::Stage::ALL
                .iter()
                .map(|s| {
                    serde_json::to_value(s)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .replace('_', "-")
                })
                .collect(),
        ),
        ("thread-to-{}", keyed(framsyn::domain::thread::VIAS)),
        ("thread-from-{}", keyed(framsyn::domain::thread::VIAS)),
        ("criterion-{}", criteria()),
        ("criterion-{}-scale", criteria()),
        ("error-text-{}", statuses()),
        ("error-title-{}", statuses()),
        (
            "event-kind-{}",
            keyed(EventKind::ALL.iter().map(|x| x.key())),
        ),
        (
            "event-status-{}",
            keyed(EventStatus::ALL.iter().map(|x| x.key())),
        ),
        ("feedback-{}", keyed(Feedback::ALL.iter().map(|x| x.key()))),
        ("heatmap-cell-{}", keyed(RANKING_LISTS)),
        (
            "input-status-{}",
            keyed(input::InputStatus::ALL.iter().map(|x| x.key())),
        ),
        (
            "kind-{}",
            keyed(programme::ActivityKind::ALL.iter().map(|x| x.key())),
        ),
        (
            "link-in-{}",
            keyed(bank::LinkKind::ALL.iter().map(|x| x.key())),
        ),
        (
            "link-out-{}",
            keyed(bank::LinkKind::ALL.iter().map(|x| x.key())),
        ),
        (
            "method-family-{}",
            keyed(methods::MethodFamily::ALL.iter().map(|x| x.key())),
        ),
        ("mode-{}", keyed(Mode::ALL.iter().map(|x| x.key()))),
        ("note-field-{}", note_fields().await),
        (
            "note-status-{}",
            keyed(bank::NoteStatus::ALL.iter().map(|x| x.key())),
        ),
        (
            "note-type-{}",
            keyed(bank::NoteType::ALL.iter().map(|x| x.key())),
        ),
        (
            "part-{}",
            keyed(programme::AssignmentPart::ALL.iter().map(|x| x.key())),
        ),
        (
            "publication-action-{}",
            keyed(publication::revision_actions()),
        ),
        (
            "publication-kind-{}",
            keyed(publication::PublicationKind::ALL.iter().map(|x| x.key())),
        ),
        (
            "publication-status-{}",
            keyed(publication::PublicationStatus::ALL.iter().map(|x| x.key())),
        ),
        (
            "question-kind-{}",
            keyed(QuestionKind::ALL.iter().map(|x| x.key())),
        ),
        ("picker-hint-{}", pick_kinds()),
        ("picker-hint-{}-many", pick_kinds()),
        ("picker-none-{}", pick_kinds()),
        ("ranking-{}", keyed(RANKING_LISTS)),
        (
            "registration-notice-{}",
            keyed([
                "confirmed",
                "waiting",
                "received",
                "already",
                "closed",
                "cancelled",
            ]),
        ),
        ("registration-status-{}", registration()),
        ("registration-you-are-{}", registration()),
        ("role-{}", keyed(user::Role::ALL.iter().map(|x| x.key()))),
        (
            "round-state-{}",
            keyed(RoundState::ALL.iter().map(|x| x.key())),
        ),
        (
            "scenario-field-{}",
            keyed(
                scenario::SET_HISTORY_FIELDS
                    .iter()
                    .chain(scenario::SCENARIO_HISTORY_FIELDS)
                    .copied(),
            ),
        ),
        (
            "scenario-method-{}",
            keyed(scenario::Method::ALL.iter().map(|x| x.key())),
        ),
        (
            "scenario-move-{}",
            keyed(scenario::SetStatus::ALL.iter().map(|x| x.key())),
        ),
        (
            "scenario-quadrant-{}",
            keyed(scenario::Quadrant::ALL.iter().map(|x| x.key())),
        ),
        (
            "scenario-status-{}",
            keyed(scenario::SetStatus::ALL.iter().map(|x| x.key())),
        ),
        ("scale-{}-{}", scales),
        ("cq-confidence-{}", keyed(["1", "2", "3"])),
        (
            "cq-field-{}",
            keyed(
                framsyn::app::consequence_pages::HISTORY_FIELDS
                    .iter()
                    .copied(),
            ),
        ),
        (
            "cq-magnitude-{}",
            keyed(consequence::Magnitude::ALL.iter().map(|x| x.key())),
        ),
        (
            "cq-timing-{}",
            keyed(consequence::Timing::ALL.iter().map(|x| x.key())),
        ),
        (
            "cq-valence-{}",
            keyed(consequence::Valence::ALL.iter().map(|x| x.key())),
        ),
        ("shape-{}", keyed(chart::Shape::ALL.iter().map(|x| x.key()))),
        (
            "source-kind-{}",
            keyed(source::SourceKind::ALL.iter().map(|x| x.key())),
        ),
        (
            "stance-{}",
            keyed(source::Stance::ALL.iter().map(|x| x.key())),
        ),
        (
            "steep-{}",
            keyed(bank::Category::ALL.iter().map(|x| x.key())),
        ),
        (
            "submission-action-{}",
            keyed(Action::ALL.iter().map(|x| x.key())),
        ),
        (
            "cqp-valence-{}",
            keyed(
                framsyn::domain::consequence::Valence::ALL
                    .iter()
                    .map(|x| x.key()),
            ),
        ),
        ("submission-locked-{}", submission()),
        ("submission-status-{}", submission()),
        ("weekday-{}", weekdays),
        (
            "wheel-ring-{}",
            (1..=framsyn::domain::consequence::ORDER_MAX)
                .map(|r| r.to_string())
                .collect(),
        ),
        (
            "wheel-valence-{}",
            keyed(
                framsyn::domain::consequence::Valence::ALL
                    .iter()
                    .map(|x| x.key())
                    .chain(["unset"]),
            ),
        ),
        (
            "tracker-sort-{}",
            keyed(
                framsyn::domain::progress::Order::ALL
                    .iter()
                    .map(|x| x.key()),
            ),
        ),
        (
            "tracker-state-{}",
            keyed(
                framsyn::domain::progress::Standing::ALL
                    .iter()
                    .map(|x| x.key()),
            ),
        ),
    ];
    values
        .into_iter()
        .map(|(pattern, values)| {
            let (before, after) = pattern.split_once("{}").unwrap();
            let keys = if pattern == "scale-{}-{}" {
                values.iter().map(|v| format!("scale-{v}")).collect()
            } else {
                values
                    .iter()
                    .map(|v| format!("{before}{v}{after}"))
                    .collect()
            };
            (pattern, keys)
        })
        .collect()
}

#[tokio::test]
async fn every_key_a_template_builds_exists_in_every_language() {
    let built = built_key_patterns();
    let known = known_patterns().await;
    assert!(built.len() >= 40, "{built:?}");
    let unknown: Vec<_> = built
        .iter()
        .filter(|(pattern, _)| *pattern != "{}{}" && !known.contains_key(pattern.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "templates build keys this test cannot check; add the pattern with the domain's \
         list of its values to `known_patterns`: {unknown:?}"
    );
    let unused: Vec<_> = known.keys().filter(|p| !built.contains_key(**p)).collect();
    assert!(unused.is_empty(), "no template builds {unused:?} any more");
    for lang in Lang::ALL {
        let keys = catalogue_keys(lang.code());
        for (pattern, wanted) in &known {
            assert!(!wanted.is_empty(), "{pattern} has no values");
            let missing: Vec<_> = wanted.iter().filter(|k| !keys.contains(*k)).collect();
            assert!(
                missing.is_empty(),
                "{}: {pattern} (built in {:?}) lacks {missing:?}",
                lang.code(),
                built[*pattern]
            );
        }
    }
}

#[test]
fn built_keys_are_read_from_templates_as_patterns() {
    let segments = jinja_segments(
        r#"<p class="x">{{ t("steep-" ~ n.category) }} {% if a %}{{ t('scale-' ~ c.key ~ "-" ~ p, n=f(1, 2)) }}{% endif %}
        {{ m.choice("mode", t("event-mode"), choices.modes, form.mode, errors, "mode-") }}
        {% set name = "answer-" ~ q.key %}{{ at("not-" ~ x) }}</p>"#,
    );
    let arguments: Vec<&str> = segments.iter().flat_map(|s| first_arguments(s)).collect();
    assert_eq!(
        arguments,
        vec![
            "\"steep-\" ~ n.category",
            "'scale-' ~ c.key ~ \"-\" ~ p",
            "\"event-mode\""
        ]
    );
    let handed_on: Vec<String> = segments
        .iter()
        .flat_map(|s| literals(s))
        .filter(|(l, after)| l.ends_with('-') && after.trim_start().starts_with([',', ')']))
        .map(|(l, _)| l)
        .collect();
    assert_eq!(handed_on, vec!["mode-"]);
}
