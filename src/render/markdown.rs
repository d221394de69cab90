//! Markdown to sanitised HTML: pulldown-cmark, then ammonia. This is the only HTML the
//! templates ever mark safe.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .url_relative(ammonia::UrlRelative::Deny);
    builder
});

/// Renders Markdown written by users or programme authors into HTML safe to embed.
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    CLEANER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_handlers_are_removed() {
        let html = to_safe_html(
            "Hej <script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3)) <svg><set attributeName=href to=javascript:alert(4)></svg>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<set"), "{html}");
    }

    #[test]
    fn ordinary_markdown_survives() {
        let html = to_safe_html("**Framsyn** och [Reglab](https://www.reglab.se)\n\n- en\n- två");
        assert!(html.contains("<strong>Framsyn</strong>"));
        assert!(
            html.contains(
                r#"<a href="https://www.reglab.se" rel="noopener noreferrer">Reglab</a>"#
            )
        );
        assert!(html.contains("<li>två</li>"));
    }
}
