//! Interface languages and texts given in several of them.

use serde::{Deserialize, Serialize};

/// A language the interface speaks. Swedish is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    Nb,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Sv, Lang::Nb, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// The language's own name, as shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::Nb => "Norsk bokmål",
            Lang::En => "English",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "sv" => Some(Lang::Sv),
            "nb" | "no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text given in one or more languages; the programme's default language is always there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::Sv => &self.sv,
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        };
        text.as_deref().filter(|t| !t.trim().is_empty())
    }

    /// The text in `lang`, else in `fallback`, else in any language given.
    pub fn pick(&self, lang: Lang, fallback: Lang) -> &str {
        self.get(lang)
            .or_else(|| self.get(fallback))
            .or_else(|| Lang::ALL.iter().find_map(|l| self.get(*l)))
            .unwrap_or("")
    }

    /// The language `pick` would answer in, for a correct `lang` attribute.
    pub fn lang_of(&self, lang: Lang, fallback: Lang) -> Lang {
        if self.get(lang).is_some() {
            lang
        } else if self.get(fallback).is_some() {
            fallback
        } else {
            Lang::ALL
                .into_iter()
                .find(|l| self.get(*l).is_some())
                .unwrap_or(fallback)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_falls_back_to_the_default_language() {
        let text = Localized {
            sv: Some("Omvärlden".into()),
            nb: None,
            en: Some(" ".into()),
        };
        assert_eq!(text.pick(Lang::En, Lang::Sv), "Omvärlden");
        assert_eq!(text.lang_of(Lang::En, Lang::Sv), Lang::Sv);
        assert_eq!(text.pick(Lang::Sv, Lang::Nb), "Omvärlden");
    }

    #[test]
    fn parse_accepts_the_three_codes_only() {
        assert_eq!(Lang::parse("nb"), Some(Lang::Nb));
        assert_eq!(Lang::parse("de"), None);
    }
}
