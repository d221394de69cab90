//! The print style sheet's running header and page numbers, in the reader's language.
//!
//! Page-margin boxes (`@page { @top-left { … } }`) take their text from CSS strings, so
//! the words come from the catalogue and the numbers from the CSS page counters. The
//! rest of the print rules are static and live in `framsyn.css`.

use fluent_templates::fluent_bundle::FluentValue;

use crate::domain::lang::Lang;
use crate::render::i18n;

/// Placeholders that no translation contains, swapped for the page counters.
const PAGE: &str = "\u{E000}";
const PAGES: &str = "\u{E001}";

/// `@page` rules: the programme's name at the top left, "page N of M" at the bottom right.
pub fn page_rules(lang: Lang, programme: &str) -> String {
    let numbers = i18n::text_with(
        lang,
        "print-page-number",
        &[
            ("page", FluentValue::from(PAGE)),
            ("pages", FluentValue::from(PAGES)),
        ],
    );
    let numbers = css_string(&numbers)
        .replace(PAGE, "\" counter(page) \"")
        .replace(PAGES, "\" counter(pages) \"");
    format!(
        "@page {{\n  margin: 18mm 15mm 20mm;\n  \
         @top-left {{ content: {}; font: 9pt sans-serif; color: #333; }}\n  \
         @bottom-right {{ content: {numbers}; font: 9pt sans-serif; color: #333; }}\n}}\n",
        css_string(programme)
    )
}

/// `text` as a double-quoted CSS string: quotes and backslashes escaped, line breaks and
/// other control characters as hexadecimal escapes, so nothing can end the string.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '<' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_use_the_counters_in_each_language() {
        let sv = page_rules(Lang::Sv, "Regionerna 2050");
        assert!(sv.contains(r#"content: "Regionerna 2050";"#), "{sv}");
        assert!(
            sv.contains(r#"content: "Sida " counter(page) " av " counter(pages) "";"#),
            "{sv}"
        );
        let en = page_rules(Lang::En, "Regions 2050");
        assert!(
            en.contains(r#""Page " counter(page) " of " counter(pages) """#),
            "{en}"
        );
    }

    #[test]
    fn nothing_in_a_name_ends_the_css_string() {
        assert_eq!(
            css_string("a\"b\\c\n}</style>"),
            r#""a\"b\\c\a }\3c /style>""#
        );
    }
}
