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

    /// The language a tag of `Accept-Language` asks for, by its primary subtag and
    /// ignoring case: `sv-FI` is Swedish, `nb`, `no`, `nn` and `nb-NO` are Bokmål (the
    /// interface has no Nynorsk, and a reader of Nynorsk reads Bokmål), `en-GB` English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The interface language an `Accept-Language` header prefers: among the languages
    /// the interface speaks, the one of highest quality, the first listed on a tie. Tags
    /// with quality 0 (refused) or with a malformed quality count for nothing; `None` when
    /// nothing listed is spoken here.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u16)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_tag) else {
                continue;
            };
            let mut quality = Some(1000);
            for (name, value) in parts.filter_map(|param| param.split_once('=')) {
                if name.trim().eq_ignore_ascii_case("q") {
                    quality = parse_quality(value.trim());
                }
            }
            match quality {
                Some(q) if q > 0 && best.is_none_or(|(_, b)| q > b) => best = Some((lang, q)),
                _ => {}
            }
        }
        best.map(|(lang, _)| lang)
    }
}

/// A quality value (`0`, `0.5`, `1.000`; at most three decimals) in thousandths, as
/// RFC 9110 §12.4.2 writes it; `None` when malformed.
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
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

    #[test]
    fn accept_language_is_read_by_quality() {
        let best = Lang::from_accept_language;
        assert_eq!(best("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(best("nn"), Some(Lang::Nb));
        assert_eq!(best("nb-NO"), Some(Lang::Nb));
        assert_eq!(best("no;q=0.8, de"), Some(Lang::Nb));
        assert_eq!(best("SV-fi"), Some(Lang::Sv));
        assert_eq!(best("de"), None);
        assert_eq!(best(""), None);
        assert_eq!(best("*"), None);
        assert_eq!(best("de, en;q=0.5, sv;q=0.7"), Some(Lang::Sv));
        assert_eq!(
            best("en;q=0.7, sv;q=0.7"),
            Some(Lang::En),
            "a tie goes to the first"
        );
        assert_eq!(best("sv;q=0, en;q=0.1"), Some(Lang::En), "q=0 refuses");
        assert_eq!(best("sv;q=0"), None);
        assert_eq!(
            best("sv;q=2, en;q=0.3"),
            Some(Lang::En),
            "a malformed q counts for nothing"
        );
        assert_eq!(best("sv;q=0.5000, en;q=0.001"), Some(Lang::En));
        assert_eq!(best("en ; Q = 0.2 , nb;q=1.0"), Some(Lang::Nb));
        assert_eq!(best("sv-SE;level=1, en;q=0.9"), Some(Lang::Sv));
    }
}
