//! Links made absolute, for HTML read away from the site: the Atom feed's content and the
//! downloaded final publication. Every `href` and `src` in the tags of HTML this
//! workspace rendered is resolved against the page it belongs to; an address with a
//! scheme stays as it is, and so may an in-page `#fragment`.

use url::Url;

/// `html` with every relative `href` and `src` resolved against `page` (an absolute
/// address). With `keep_fragments`, links within the document (`#…`) stay as they are.
pub fn absolute(html: &str, page: &Url, keep_fragments: bool) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = tag_end(rest);
        rewrite_tag(&rest[..end], page, keep_fragments, &mut out);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag at the start of `s`, up to and with its `>` (outside quotes).
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Copies one tag to `out`, its `href` and `src` values resolved.
fn rewrite_tag(tag: &str, page: &Url, keep_fragments: bool, out: &mut String) {
    let mut quote = None;
    let mut copied = 0;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some((c, i + 1));
            }
            (Some((q, start)), c) if c == q => {
                quote = None;
                let name = attribute_name(&tag[..start - 1]);
                if matches!(name, "href" | "src") {
                    let value = &tag[start..i];
                    out.push_str(&tag[copied..start]);
                    out.push_str(&resolve(value, page, keep_fragments));
                    copied = i;
                }
            }
            _ => {}
        }
    }
    out.push_str(&tag[copied..]);
}

/// The name of the attribute whose `=` ends `before` (the text up to its opening quote).
fn attribute_name(before: &str) -> &str {
    let Some(before) = before.trim_end().strip_suffix('=') else {
        return "";
    };
    let before = before.trim_end();
    let start = before
        .rfind(|c: char| c.is_whitespace() || c == '<')
        .map_or(0, |i| i + 1);
    &before[start..]
}

fn resolve(value: &str, page: &Url, keep_fragments: bool) -> String {
    // Values are HTML-escaped as the templates escape them: `&amp;`, and the slashes
    // and quotes of an address a template printed (`&#x2f;`).
    let unescaped = unescape(value);
    if unescaped.is_empty()
        || (keep_fragments && unescaped.starts_with('#'))
        || Url::parse(&unescaped).is_ok()
    {
        return value.to_string();
    }
    page.join(&unescaped)
        .map_or_else(|_| value.to_string(), |u| u.as_str().replace('&', "&amp;"))
}

/// An attribute value with the escapes of the templates' HTML escaping undone.
fn unescape(value: &str) -> String {
    value
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_are_resolved_and_the_rest_is_left_alone() {
        let page = Url::parse("https://framsyn.example/publications/7").unwrap();
        let html = concat!(
            r#"<p>Se <a href="/bank/3" rel="noopener">notis 3</a> och "#,
            r#"<a href='#tabell'>tabellen</a>, <a href="https://annan.example/x?a=1&amp;b=2">här</a>.</p>"#,
            r#"<img src="/media/k.png" alt="Karta > 1"><p>href="/inte-en-länk" är text</p>"#,
        );
        let done = absolute(html, &page, false);
        assert!(
            done.contains(r#"href="https://framsyn.example/bank/3" rel="noopener""#),
            "{done}"
        );
        assert!(
            done.contains("href='https://framsyn.example/publications/7#tabell'"),
            "{done}"
        );
        assert!(
            done.contains(r#"href="https://annan.example/x?a=1&amp;b=2""#),
            "{done}"
        );
        assert!(
            done.contains(r#"src="https://framsyn.example/media/k.png" alt="Karta > 1""#),
            "{done}"
        );
        assert!(
            done.contains(r#"<p>href="/inte-en-länk" är text</p>"#),
            "{done}"
        );
        let kept = absolute(html, &page, true);
        assert!(kept.contains("href='#tabell'"), "{kept}");
        // An address a template printed has its slashes escaped.
        let printed = absolute(r#"<a href="&#x2f;bank&#x2f;3">x</a>"#, &page, true);
        assert_eq!(printed, r#"<a href="https://framsyn.example/bank/3">x</a>"#);
        let query = absolute(r#"<a href="/bank?tag=a&amp;q=b">x</a>"#, &page, true);
        assert_eq!(
            query,
            r#"<a href="https://framsyn.example/bank?tag=a&amp;q=b">x</a>"#
        );
    }
}
