//! Markdown to sanitised HTML: pulldown-cmark, then ammonia. This is the only HTML the
//! templates ever mark safe.
//!
//! Images load only from this workspace: a page that fetched a picture from another
//! site would tell that site who reads it and when. A Markdown image from elsewhere
//! becomes a link to it (its description the link's text), so the reader still finds
//! it and chooses to go; an `<img>` written as HTML with an address elsewhere loses it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, RwLock};

use pulldown_cmark::{Event, Parser, Tag, TagEnd, html};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        // Relative links point into this workspace, where they are served: kept as written.
        .url_relative(ammonia::UrlRelative::PassThrough)
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "src" && !is_local(value) {
                None
            } else {
                Some(value.into())
            }
        });
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
    // For each image open, whether it became a link (its end must then close the link).
    let mut images = Vec::new();
    let events =
        Parser::new_ext(markdown, crate::domain::embed::MARKDOWN).map(|event| match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let elsewhere = !is_local(&dest_url);
                images.push(elsewhere);
                Event::Start(if elsewhere {
                    Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }
                } else {
                    Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }
                })
            }
            Event::End(TagEnd::Image) if images.pop() == Some(true) => Event::End(TagEnd::Link),
            other => other,
        });
    html::push_html(&mut unsafe_html, events);
    CLEANER.clean(&unsafe_html).to_string()
}

/// Whether an address points into this workspace: a path with no scheme and no host.
/// Anything a browser might read as another site (`//host`, `/\host`, a scheme, a
/// space or control character that browsers drop) counts as elsewhere.
fn is_local(url: &str) -> bool {
    !url.is_empty()
        && !url.contains(':')
        && !url.starts_with("//")
        && !url
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// The words of Markdown without its marks, a line per paragraph, heading or item: for
/// calendar files and plain-text e-mail.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event as Md, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Md::Text(t) | Md::Code(t) => out.push_str(&t),
            Md::SoftBreak | Md::HardBreak => out.push('\n'),
            Md::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_string()
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
    fn images_from_other_sites_become_links_and_local_ones_stay() {
        let html = to_safe_html(
            "![Karta](https://tracker.example/karta.png \"t\") ![Lokal](/media/karta.png) \
             ![Protokoll](//tracker.example/a.png) <img src=\"https://tracker.example/b.png\" alt=\"b\"> \
             <img src=\"/\\tracker.example/c.png\"> ![nytt](http:bild.png)",
        );
        let document = scraper::Html::parse_fragment(&html);
        let all = |selector: &str, attribute: &str| -> Vec<String> {
            document
                .select(&scraper::Selector::parse(selector).unwrap())
                .map(|e| e.value().attr(attribute).unwrap_or("").to_string())
                .collect()
        };
        assert_eq!(all("img[src]", "src"), ["/media/karta.png"], "{html}");
        assert_eq!(
            all("a", "href"),
            [
                "https://tracker.example/karta.png",
                "//tracker.example/a.png",
                "http:bild.png"
            ],
            "{html}"
        );
        let links: Vec<String> = document
            .select(&scraper::Selector::parse("a").unwrap())
            .map(|a| a.text().collect())
            .collect();
        assert_eq!(links[0], "Karta", "{html}");
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
