//! The method bank: foresight methods as data (`phases/methods/*.toml`), loaded and
//! checked like the programme, each error naming the file and the field.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::lang::{Lang, Localized};
use super::programme::DefinitionError;

keyed_enum! {
    /// Families of foresight methods.
    MethodFamily {
        HorizonScanning => "horizon_scanning",
        TrendAnalysis => "trend_analysis",
        DriverMapping => "driver_mapping",
        Scenarios2x2 => "scenarios_2x2",
        FuturesWheel => "futures_wheel",
        Delphi => "delphi",
        Visioning => "visioning",
        Backcasting => "backcasting",
        ThreeHorizons => "three_horizons",
        WildCards => "wild_cards",
    }
}

/// One method of the bank.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub slug: String,
    pub family: MethodFamily,
    pub group_size: String,
    #[serde(default)]
    pub phases: Vec<String>,
    pub name: Localized,
    pub purpose: Localized,
    pub steps: Localized,
    pub duration: Localized,
    pub materials: Localized,
    #[serde(default)]
    pub tips: Option<Localized>,
}

/// Loads every `*.toml` in `dir`, sorted by file name; `lang` must be given in every text.
pub fn load_dir(dir: &Path, lang: Lang) -> Result<Vec<Method>, DefinitionError> {
    let mut files = Vec::new();
    for entry in
        std::fs::read_dir(dir).map_err(|e| error(dir, "", format!("cannot be read: {e}")))?
    {
        let path = entry
            .map_err(|e| error(dir, "", format!("cannot be read: {e}")))?
            .path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".toml") {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| error(&path, "", format!("cannot be read: {e}")))?;
            files.push((name.to_string(), text));
        }
    }
    from_files(dir, &files, lang)
}

/// Checks the methods given as file names (`slug.toml`) and texts, sorted by file name;
/// `lang` must be given in every text. Errors name the file as `dir` joined with its name.
pub fn from_files(
    dir: &Path,
    files: &[(String, String)],
    lang: Lang,
) -> Result<Vec<Method>, DefinitionError> {
    let mut files: Vec<&(String, String)> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".toml"))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut slugs = HashSet::new();
    let mut methods = Vec::with_capacity(files.len());
    for (name, text) in files {
        let file = dir.join(name);
        let method = parse(&file, text)?;
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if method.slug != stem {
            return Err(error(
                &file,
                "slug",
                format!("`{}` differs from the file name `{stem}`", method.slug),
            ));
        }
        if !slugs.insert(method.slug.clone()) {
            return Err(error(
                &file,
                "slug",
                format!("duplicate slug `{}`", method.slug),
            ));
        }
        for (field, text) in [
            ("name", Some(&method.name)),
            ("purpose", Some(&method.purpose)),
            ("steps", Some(&method.steps)),
            ("duration", Some(&method.duration)),
            ("materials", Some(&method.materials)),
            ("tips", method.tips.as_ref()),
        ] {
            if let Some(text) = text
                && text.get(lang).is_none()
            {
                return Err(error(
                    &file,
                    &format!("{field}.{}", lang.code()),
                    "missing in the default language".into(),
                ));
            }
        }
        methods.push(method);
    }
    Ok(methods)
}

fn parse(file: &Path, text: &str) -> Result<Method, DefinitionError> {
    let de =
        toml::Deserializer::parse(text).map_err(|e| error(file, "", e.message().to_string()))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        error(
            file,
            if path == "." { "" } else { &path },
            e.inner().message().to_string(),
        )
    })
}

fn error(file: &Path, field: &str, message: String) -> DefinitionError {
    DefinitionError {
        file: file.to_path_buf(),
        field: field.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_method_names_file_and_field() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("delphi.toml"),
            "slug = \"delphi\"\nfamily = \"astrology\"\ngroup_size = \"10\"\n[name]\nsv = \"Delfi\"\n",
        )
        .unwrap();
        let error = load_dir(dir.path(), Lang::Sv).unwrap_err();
        assert_eq!(error.field, "family");
        assert!(error.message.contains("astrology"), "{error}");
    }
}
