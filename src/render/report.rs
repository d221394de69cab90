//! The final publication as a report: a tagged PDF (PDF/UA-1) typeset in process by
//! Typst, from the same HTML the web version and the downloadable file show
//! (`final_publication_body.html`).
//!
//! [`source`] converts that HTML into Typst markup; [`pdf`] typesets it. Every piece of
//! text the HTML holds is escaped character by character ([`escape`]) or written as a
//! string literal ([`string`]), so nothing anyone typed is ever read as Typst code.
//!
//! The conversion knows a small HTML subset (headings, paragraphs, lists, tables with
//! captions, figures with an SVG chart and a caption, emphasis, links, quotes) and walks
//! through any other element to its children. A new part of a chapter or a new embed
//! kind drawn with these elements in its template needs nothing here; one that needs
//! something else is one arm in [`Converter::element`].

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use scraper::{ElementRef, Html, Node};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::domain::lang::Lang;
use crate::render::i18n;

/// The open font built into the binary (the one the PNG charts use too).
static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// What the cover shows, besides what the HTML holds.
#[derive(Debug, Clone)]
pub struct Cover {
    pub lang: Lang,
    /// The programme's name: the report's title.
    pub title: String,
    /// The organiser: the publisher.
    pub publisher: String,
    /// The programme's period, as words.
    pub period: String,
    /// The programme's focal question, if any.
    pub question: Option<String>,
    /// The day of this edition (or preview), as words, and as a date for the metadata.
    pub date: String,
    pub day: chrono::NaiveDate,
}

/// A Typst document and the files it reads (the charts as SVG).
#[derive(Debug, Clone)]
pub struct Document {
    pub source: String,
    pub files: HashMap<String, Vec<u8>>,
}

/// The Typst document of the final publication whose body (the HTML of
/// `final_publication_body.html`) is `body`.
pub fn source(body: &str, cover: &Cover) -> Document {
    let fragment = Html::parse_fragment(body);
    let mut converter = Converter::default();
    converter.children(fragment.root_element());
    let content = converter.finish();
    let lang = cover.lang;
    let t = |key: &str| escape(&i18n::text(lang, key));
    let page_number = {
        const PAGE: &str = "\u{E000}";
        const PAGES: &str = "\u{E001}";
        let words = i18n::text_with(
            lang,
            "report-page-number",
            &[
                ("page", FluentValue::from(PAGE)),
                ("pages", FluentValue::from(PAGES)),
            ],
        );
        let pieces = |part: &str| {
            part.split(PAGES)
                .map(escape)
                .collect::<Vec<_>>()
                .join("#counter(page).final().first()")
        };
        words
            .split(PAGE)
            .map(pieces)
            .collect::<Vec<_>>()
            .join("#counter(page).display()")
    };
    let question = cover
        .question
        .as_deref()
        .map(|q| format!("#v(1em)\n#text(size: 13pt)[{}]\n", escape(q)))
        .unwrap_or_default();
    let lists = {
        let mut lists = String::new();
        if converter.figures > 0 {
            lists.push_str(&format!(
                "#outline(title: [{}], target: figure.where(kind: image))\n",
                t("report-figures")
            ));
        }
        if converter.tables > 0 {
            lists.push_str(&format!(
                "#outline(title: [{}], target: figure.where(kind: table))\n",
                t("report-tables")
            ));
        }
        lists
    };
    let source = format!(
        r#"#set document(title: {title_string}, author: {publisher_string}, date: datetime(year: {y}, month: {m}, day: {d}))
#set text(lang: "{lang}", font: "DejaVu Sans", size: 10pt)
#set par(justify: false, leading: 0.7em, spacing: 1.1em)
#set page(
  paper: "a4",
  margin: (top: 24mm, bottom: 24mm, x: 22mm),
  header: context {{
    if here().page() > 1 {{
      set text(size: 8pt, fill: luma(70))
      let before = query(heading.where(level: 1).before(here()))
      grid(columns: (1fr, auto), [{title}], if before.len() > 0 {{ before.last().body }})
    }}
  }},
  footer: context {{
    if here().page() > 1 {{
      set text(size: 8pt, fill: luma(70))
      align(right)[{page_number}]
    }}
  }},
)
#set heading(numbering: none)
#show heading: set block(sticky: true, breakable: false)
#show heading.where(level: 1): it => {{ pagebreak(weak: true); set text(size: 18pt); it }}
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 3): set text(size: 12pt)
#show figure: set block(breakable: false)
#show figure.where(kind: table): set block(breakable: true)
#show figure.where(kind: table): set figure.caption(position: top)
#set table(stroke: 0.5pt + luma(120), inset: 5pt)
#set table.cell(breakable: false)
#show table: set text(size: 8.5pt)
#show table.cell.where(y: 0): set text(weight: "bold")

#page(header: none, footer: none)[
  #v(30%)
  #text(size: 28pt, weight: "bold")[{title}]
  #v(1em)
  #text(size: 14pt)[{publisher}]
  #v(0.5em)
  #text(size: 12pt)[{period}]
  {question}
  #v(1fr)
  #text(size: 10pt)[{edition}: {date}]
]

#outline(title: [{contents}], depth: 2)
{lists}
{content}
"#,
        title_string = string(&cover.title),
        publisher_string = string(&cover.publisher),
        y = chrono::Datelike::year(&cover.day),
        m = chrono::Datelike::month(&cover.day),
        d = chrono::Datelike::day(&cover.day),
        lang = lang.code(),
        title = escape(&cover.title),
        publisher = escape(&cover.publisher),
        period = escape(&cover.period),
        edition = t("report-edition"),
        date = escape(&cover.date),
        contents = t("report-contents"),
    );
    Document {
        source,
        files: converter.files,
    }
}

/// `text` as Typst markup that shows exactly that text: every ASCII punctuation mark
/// escaped (so no `#`, `$`, `*`, `_`, `@`, `<`, `[`, `]`, `/`, `=`, `-`, `+` or
/// backslash starts anything), white space collapsed to single spaces (no line starts
/// with what someone typed), control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
            continue;
        }
        // Control characters, bidi isolation marks and the private-use characters this
        // module marks places with are dropped.
        if c.is_control() || matches!(c, '\u{2068}' | '\u{2069}' | '\u{E000}'..='\u{E0FF}') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if c == '\u{a0}' {
            out.push('~');
        } else {
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// `text` as a Typst string literal: only quotes and backslashes need escaping there.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A reference from a chart to the table of its numbers, resolved once the whole body
/// has been read (the table comes after the chart).
const TABLE_REF: char = '\u{E002}';

/// The HTML-to-Typst conversion, walking the parsed body once.
#[derive(Default)]
struct Converter {
    out: String,
    files: HashMap<String, Vec<u8>>,
    figures: usize,
    tables: usize,
    /// The order of charts and tables: `true` a chart, `false` a table.
    order: Vec<bool>,
    /// Within a caption: blocks run on as one line.
    inline: bool,
    /// The last heading's level: the next is at most one deeper (a reader's outline
    /// skips no level).
    level: usize,
}

impl Converter {
    fn finish(&mut self) -> String {
        // Each chart refers to the table that follows it (its numbers), if one does
        // before the next chart.
        let mut refs = Vec::new();
        let mut table = 0;
        for (i, &chart) in self.order.iter().enumerate() {
            if chart {
                let next = self.order[i + 1..].first();
                refs.push(if next == Some(&false) {
                    Some(table + 1)
                } else {
                    None
                });
            } else {
                table += 1;
            }
        }
        let mut out = String::with_capacity(self.out.len());
        let mut refs = refs.into_iter();
        for c in self.out.chars() {
            if c == TABLE_REF {
                if let Some(Some(n)) = refs.next() {
                    out.push_str(&format!(" #ref(<tab-{n}>)"));
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn children(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.out.push_str(&escape(text)),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e);
                    }
                }
                _ => {}
            }
        }
    }

    /// The children of `element` as Typst content, in brackets.
    fn content(&mut self, element: ElementRef) -> String {
        format!("[{}]", self.inner(element))
    }

    /// The children of `element` as Typst markup.
    fn inner(&mut self, element: ElementRef) -> String {
        let before = std::mem::take(&mut self.out);
        self.children(element);
        let inner = std::mem::replace(&mut self.out, before);
        inner.trim().to_string()
    }

    fn block(&mut self, text: &str) {
        let gap = if self.inline { " " } else { "\n\n" };
        self.out.push_str(gap);
        self.out.push_str(text);
        self.out.push_str(gap);
    }

    fn element(&mut self, e: ElementRef) {
        let el = e.value();
        let name = el.name();
        let class = |c: &str| el.classes().any(|x| x == c);
        // What is not for reading on paper: hidden things, controls, what screen readers
        // skip, and the web version's own title page and contents (the report has its
        // own).
        if el.attr("hidden").is_some()
            || el.attr("aria-hidden") == Some("true")
            || class("visually-hidden")
            || class("title-page")
            || class("toc")
            || matches!(
                name,
                "script"
                    | "style"
                    | "button"
                    | "form"
                    | "input"
                    | "select"
                    | "textarea"
                    | "template"
            )
        {
            return;
        }
        let lang = el
            .attr("lang")
            .and_then(typst_lang)
            .filter(|_| !matches!(name, "svg"));
        let start = self.out.len();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.inline => {
                let body = self.content(e);
                self.block(&format!("#strong{body}"));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let asked = name[1..].parse::<usize>().unwrap_or(2).saturating_sub(1);
                let level = asked.clamp(1, self.level + 1);
                self.level = level;
                let body = self.content(e);
                self.block(&format!("#heading(level: {level}){body}"));
            }
            "p" => {
                let body = self.inner(e);
                self.block(&body);
            }
            "ul" | "ol" if self.inline => {
                let items: Vec<String> = e
                    .child_elements()
                    .filter(|c| c.value().name() == "li")
                    .map(|li| self.inner(li))
                    .collect();
                self.block(&items.join(" · "));
            }
            "ul" | "ol" => {
                let kind = if name == "ul" { "list" } else { "enum" };
                let items: Vec<String> = e
                    .child_elements()
                    .filter(|c| c.value().name() == "li")
                    .map(|li| self.content(li))
                    .collect();
                if !items.is_empty() {
                    self.block(&format!("#{kind}({})", items.join(", ")));
                }
            }
            "dl" => {
                let mut items = Vec::new();
                let mut term = None;
                for c in e.child_elements() {
                    match c.value().name() {
                        "dt" => term = Some(self.content(c)),
                        "dd" => {
                            let t = term.take().unwrap_or_else(|| "[]".into());
                            items.push(format!("terms.item({t}, {})", self.content(c)));
                        }
                        _ => {}
                    }
                }
                if !items.is_empty() {
                    self.block(&format!("#terms({})", items.join(", ")));
                }
            }
            "blockquote" => {
                let body = self.content(e);
                self.block(&format!("#quote(block: true){body}"));
            }
            "pre" => {
                let text: String = e.text().collect();
                self.block(&format!("#raw(block: true, {})", string(&text)));
            }
            "table" => self.table(e),
            "figure" => self.figure(e),
            "svg" => {
                if el.attr("role") == Some("img") {
                    self.chart(e, None);
                }
            }
            "img" => {
                // Illustrations are not embedded yet: their alt text stands in.
                let alt = el.attr("alt").unwrap_or_default();
                if !alt.trim().is_empty() {
                    self.block(&format!("#emph[{}]", escape(alt)));
                }
            }
            "br" => self.out.push_str("#linebreak()"),
            "hr" => self.block("#line(length: 100%, stroke: 0.5pt)"),
            "strong" | "b" => {
                let body = self.content(e);
                self.out.push_str(&format!("#strong{body}"));
            }
            "em" | "i" | "cite" => {
                let body = self.content(e);
                self.out.push_str(&format!("#emph{body}"));
            }
            "code" | "kbd" | "samp" => {
                let text: String = e.text().collect();
                self.out.push_str(&format!("#raw({})", string(&text)));
            }
            "a" => {
                let href = el.attr("href").unwrap_or_default();
                let body = self.content(e);
                if href.starts_with("https://") || href.starts_with("http://") {
                    self.out.push_str(&format!("#link({}){body}", string(href)));
                } else {
                    let inner = body.strip_prefix('[').and_then(|b| b.strip_suffix(']'));
                    self.out.push_str(inner.unwrap_or_default());
                }
            }
            "section" | "article" | "div" | "nav" | "aside" | "header" | "footer" | "main"
            | "details" | "summary" | "li" | "dd" | "dt" | "figcaption" | "caption" => {
                if name == "summary" {
                    let body = self.content(e);
                    self.block(&format!("#strong{body}"));
                } else {
                    let gap = if self.inline { " " } else { "\n\n" };
                    self.out.push_str(gap);
                    self.children(e);
                    self.out.push_str(gap);
                }
            }
            _ => self.children(e),
        }
        if let Some(lang) = lang {
            let inner = self.out.split_off(start);
            self.out
                .push_str(&format!("#text(lang: \"{lang}\")[{inner}]"));
        }
    }

    /// A figure: its chart(s) with the caption; anything else in it as text.
    fn figure(&mut self, e: ElementRef) {
        let caption = e
            .child_elements()
            .find(|c| c.value().name() == "figcaption")
            .map(|c| self.caption(c));
        let charts: Vec<ElementRef> = e
            .descendent_elements()
            .filter(|c| c.value().name() == "svg" && c.value().attr("role") == Some("img"))
            .collect();
        if charts.is_empty() {
            self.children(e);
            return;
        }
        for chart in charts {
            self.chart(chart, caption.clone());
        }
    }

    /// A caption's words, without its hidden parts.
    fn caption(&mut self, e: ElementRef) -> String {
        let was = std::mem::replace(&mut self.inline, true);
        let body = self.inner(e);
        self.inline = was;
        format!(
            "[{}]",
            body.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    }

    /// A chart: its SVG as an image file with its title and description as alt text, in
    /// a numbered figure whose caption refers to the table of its numbers.
    fn chart(&mut self, svg: ElementRef, caption: Option<String>) {
        self.figures += 1;
        self.order.push(true);
        let n = self.figures;
        let pick = |tag: &str| {
            svg.child_elements()
                .find(|c| c.value().name() == tag)
                .map(|c| c.text().collect::<String>())
                .unwrap_or_default()
        };
        let (title, desc) = (pick("title"), pick("desc"));
        let alt = format!("{} {}", title.trim(), desc.trim());
        let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
        let file = format!("/chart-{n}.svg");
        self.files.insert(file.clone(), svg_bytes(svg));
        let caption = caption
            .filter(|c| c.len() > 2)
            .unwrap_or_else(|| format!("[{}]", escape(title.trim())));
        let caption = format!("{}{TABLE_REF}]", &caption[..caption.len() - 1]);
        self.block(&format!(
            "#figure(image({}, alt: {}, width: 100%, height: auto), caption: {caption}) <fig-{n}>",
            string(&file),
            string(&alt)
        ));
    }

    /// A table: a numbered figure with its caption above, fitted to the text width, its
    /// head repeated on every page it runs over, no row split.
    fn table(&mut self, e: ElementRef) {
        let rows: Vec<(bool, ElementRef)> = e
            .descendent_elements()
            .filter(|r| r.value().name() == "tr")
            .map(|r| {
                let head = r
                    .parent()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|p| p.value().name() == "thead");
                (head, r)
            })
            .collect();
        let columns = rows
            .iter()
            .map(|(_, r)| {
                r.child_elements()
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|c| span(c, "colspan"))
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return;
        }
        self.tables += 1;
        self.order.push(false);
        let n = self.tables;
        let caption = e
            .child_elements()
            .find(|c| c.value().name() == "caption")
            .map(|c| self.caption(c));
        let mut head = Vec::new();
        let mut body = Vec::new();
        for (is_head, row) in rows {
            for cell in row
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
            {
                let (cols, rows) = (span(cell, "colspan"), span(cell, "rowspan"));
                let content = self.content(cell);
                let content = if cell.value().name() == "th" && !is_head {
                    format!("[#strong{content}]")
                } else {
                    content
                };
                let cell = if cols > 1 || rows > 1 {
                    format!("table.cell(colspan: {cols}, rowspan: {rows}){content}")
                } else {
                    content
                };
                if is_head { &mut head } else { &mut body }.push(cell);
            }
        }
        let header = if head.is_empty() {
            String::new()
        } else {
            format!("table.header(repeat: true, {}), ", head.join(", "))
        };
        let table = format!("table(columns: {columns}, {header}{})", body.join(", "));
        let caption = caption
            .map(|c| format!(", caption: {c}"))
            .unwrap_or_default();
        self.block(&format!("#figure({table}{caption}) <tab-{n}>"));
    }
}

/// A cell's span, 1 unless the attribute says a sensible other number.
fn span(cell: ElementRef, attr: &str) -> usize {
    cell.value()
        .attr(attr)
        .and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|&n| (1..=64).contains(&n))
        .unwrap_or(1)
}

/// An HTML `lang` attribute as a language Typst takes (two or three letters).
fn typst_lang(lang: &str) -> Option<String> {
    let primary = lang.split(['-', '_']).next()?.to_ascii_lowercase();
    (matches!(primary.len(), 2 | 3) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

/// A chart's SVG as an XML file: HTML's serialisation, with the one entity HTML writes
/// that XML does not know replaced and the namespace there.
fn svg_bytes(svg: ElementRef) -> Vec<u8> {
    let mut xml = svg.html().replace("&nbsp;", "&#160;");
    if !xml.contains("xmlns=") {
        xml = xml.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    xml.into_bytes()
}

/// The fonts built in, read once.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = [FONT_REGULAR, FONT_BOLD]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The world a report is typeset in: its one source, its chart files, the built-in
/// fonts; nothing of the machine's.
struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/x").expect("a path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Why a report could not be typeset: Typst's messages.
#[derive(Debug, thiserror::Error)]
#[error("the report could not be typeset: {0}")]
pub struct ReportError(pub String);

fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Typesets `document` as a tagged PDF conforming to PDF/UA-1. Takes a while (CPU):
/// call it off the async runtime's threads.
pub fn pdf(document: &Document, day: chrono::NaiveDate) -> Result<Vec<u8>, ReportError> {
    use chrono::Datelike;
    let today = Datetime::from_ymd(day.year(), day.month() as u8, day.day() as u8)
        .ok_or_else(|| ReportError("a date out of range".into()))?;
    let world = ReportWorld {
        main: Source::new(file_id("/report.typ"), document.source.clone()),
        files: document
            .files
            .iter()
            .map(|(path, bytes)| (file_id(path), Bytes::new(bytes.clone())))
            .collect(),
        today,
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    let doc = compiled.output.map_err(|e| ReportError(messages(&e)))?;
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
        .map_err(|e| ReportError(e.message().to_string()))?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Auto,
        creator: typst::foundations::Smart::Custom(Some("Framsyn".into())),
        timestamp: Some(typst_pdf::Timestamp::new_utc(today)),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(&doc, &options).map_err(|e| ReportError(messages(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_nothing_to_run() {
        let typed = "#set page(width: 1cm) $x^2$ *bold* @ref <label> ] [ \\ /* // - + = `raw`";
        let escaped = escape(typed);
        // Every punctuation mark is preceded by a backslash.
        let mut chars = escaped.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                assert!(chars.next().is_some_and(|n| n.is_ascii_punctuation()));
            } else {
                assert!(!c.is_ascii_punctuation(), "{c} unescaped in {escaped}");
            }
        }
        assert_eq!(escape("a\n\n= b"), "a \\= b");
    }

    #[test]
    fn strings_end_only_where_they_should() {
        assert_eq!(string("a\"b\\c\n"), "\"a\\\"b\\\\c \"");
    }

    fn cover(lang: Lang) -> Cover {
        Cover {
            lang,
            title: "Regionerna #2050".into(),
            publisher: "Reglab [test]".into(),
            period: "2025 – 2026".into(),
            question: Some("Hur *ser* det ut?".into()),
            date: "3 december 2026".into(),
            day: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        }
    }

    const BODY: &str = r##"<section class="title-page"><h1>Skip me</h1></section>
<nav class="toc"><h2>Innehåll</h2></nav>
<section class="chapter"><h2>1. <span lang="sv">Omvärlden</span></h2>
<article><h3>Text #1 $x$</h3><div class="prose"><p>Hej <strong>fet</strong> @a &lt;b&gt; ] \ <a href="https://example.org/">länk</a></p>
<h5>Djup</h5><ul><li>ett</li><li>två</li></ul>
<figure class="chart-figure"><svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 100 50"><title>Radar</title><desc>En radar</desc><rect x="1" y="1" width="50" height="20" fill="#c00"/><text x="5" y="40">Å&nbsp;ä</text></svg>
<figcaption><ul class="legend"><li><svg aria-hidden="true" viewBox="0 0 4 4"></svg><span class="visually-hidden">Cirkel: </span>Trend</li><li>Signal</li></ul></figcaption></figure>
<table><caption>Siffror</caption><thead><tr><th>Namn</th><th>Antal</th></tr></thead>
<tbody><tr><th scope="row">A</th><td>1</td></tr><tr><td colspan="2">B</td></tr></tbody></table>
</div></article></section>"##;

    #[test]
    fn a_body_with_a_chart_and_a_table_typesets() {
        let doc = source(BODY, &cover(Lang::Sv));
        assert!(!doc.source.contains("Skip me"));
        assert!(doc.source.contains("<fig-1>"));
        assert!(doc.source.contains("#ref(<tab-1>)"));
        assert!(
            doc.source.contains("#heading(level: 3)"),
            "no level skipped"
        );
        assert_eq!(doc.files.len(), 1);
        let pdf = pdf(&doc, cover(Lang::Sv).day).unwrap_or_else(|e| panic!("{e}\n{}", doc.source));
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn languages_are_two_or_three_letters() {
        assert_eq!(typst_lang("sv-SE").as_deref(), Some("sv"));
        assert_eq!(typst_lang("x\")#"), None);
    }
}
