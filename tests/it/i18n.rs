//! Every interface text exists in Swedish, Norwegian Bokmål and English, and every key
//! the templates and code ask for exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use framsyn::domain::lang::Lang;
use framsyn::domain::organisation::Category;
use framsyn::domain::user::Role;
use framsyn::render::i18n;

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
    for role in Role::ALL {
        wanted.insert(format!("role-{}", role.key()));
    }
    for category in Category::ALL {
        wanted.insert(format!("category-{}", category.key()));
    }
    for kind in [
        "conference",
        "workshop",
        "politicians_seminar",
        "leaders_thinktank",
        "meeting",
        "home_assignment",
        "editorial",
    ] {
        wanted.insert(format!("kind-{kind}"));
    }
    for part in [
        "trend_ranking",
        "scenario_rating",
        "consequences",
        "milestones",
    ] {
        wanted.insert(format!("part-{part}"));
    }
    for status in [400, 403, 404, 405, 408, 413, 422, 500] {
        wanted.insert(format!("error-title-{status}"));
        wanted.insert(format!("error-text-{status}"));
    }
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
