//! Markdown to sanitised HTML: pulldown-cmark, then ammonia. This is the only HTML the
//! templates ever mark safe.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, RwLock};

use pulldown_cmark::{Parser, html};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        // Relative links point into this workspace, where they are served: kept as written.
        .url_relative(ammonia::UrlRelative::PassThrough);
    builder
});

/// Texts rendered before, so the programme's texts (shown on every page) are parsed and
/// cleaned once. Bounded: emptied when it grows past [`CACHE_ENTRIES`].
static CACHE: LazyLock<RwLock<HashMap<Box<str>, Arc<str>>>> = LazyLock::new(Default::default);
const CACHE_ENTRIES: usize = 2048;
/// Longer texts are rendered each time rather than held.
const CACHE_MAX_CHARS: usize = 16 * 1024;

/// [`to_safe_html`] through a small cache of recent texts.
pub fn to_safe_html_cached(markdown: &str) -> Arc<str> {
    if markdown.len() > CACHE_MAX_CHARS {
        return to_safe_html(markdown).into();
    }
    if let Some(html) = CACHE
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(markdown)
    {
        return html.clone();
    }
    let html: Arc<str> = to_safe_html(markdown).into();
    let mut cache = CACHE.write().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= CACHE_ENTRIES {
        cache.clear();
    }
    cache.insert(markdown.into(), html.clone());
    html
}

/// Renders Markdown written by users or programme authors into HTML safe to embed.
pub fn to_safe_html(markdown: &str) -> String {
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(
        &mut unsafe_html,
        Parser::new_ext(markdown, crate::domain::embed::MARKDOWN),
    );
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
    fn the_cache_answers_as_the_renderer_does() {
        let text = "Om *framsyn* <script>x</script>";
        assert_eq!(&*to_safe_html_cached(text), to_safe_html(text));
        assert_eq!(&*to_safe_html_cached(text), to_safe_html(text));
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
        let relative = to_safe_html("[fasen](/phases/omvarlden)");
        assert!(
            relative.contains(r#"href="/phases/omvarlden""#),
            "{relative}"
        );
    }
}
