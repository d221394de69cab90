//! Interface texts in Swedish, Norwegian Bokmål and English, as Fluent catalogues in
//! `assets/locales/<lang>/<area>.ftl`, compiled into the binary. There is one file per
//! area (`base.ftl` for the page frame and words used everywhere, `errors.ftl`, `bank.ftl`,
//! `events.ftl`, ...), the same file names in every language, and each key lives in
//! exactly one file; `tests/it/i18n.rs` holds the catalogues to that.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

use crate::domain::lang::Lang;

static_loader! {
    static LOCALES = {
        locales: "./assets/locales",
        fallback_language: "sv",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static SV: LanguageIdentifier = langid!("sv");
static NB: LanguageIdentifier = langid!("nb");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Sv => &SV,
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

/// The text for `key` in `lang`; a missing key shows as the key itself, never as nothing.
pub fn text(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(id(lang), key)
        .unwrap_or_else(|| key.to_string())
}

/// The text for `key` with named arguments.
pub fn text_with(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned(k.to_string()), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(id(lang), key, &args)
        .unwrap_or_else(|| key.to_string())
}
