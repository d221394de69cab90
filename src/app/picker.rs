//! Pickers: what was typed into the fields that name notes or sources, resolved. Numbers
//! stand; words are searched with the one search, among what the person may see, and
//! wait for a pick among the matches (see [`crate::domain::picker`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Result;
use super::search::visible_notes;
use super::subject;
use crate::domain::access::Subject;
use crate::domain::bank::{can_see_note, search_query};
use crate::domain::picker::{PickField, PickKind, Sent, Typed, settle};
use crate::domain::source::can_see_source;
use crate::storage::Db;
use crate::storage::bank::{self, Brief};
use crate::storage::sources::{self, SourceFilter};
use crate::storage::users::User;

/// How many matches a search offers to pick from.
pub const OPTIONS: i64 = 10;

/// One thing that can be picked, as a picker shows it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: i64,
    pub title: String,
    pub kind: PickKind,
    /// The note's type or the source's kind (a catalogue key's ending).
    #[serde(rename = "type")]
    pub sort: &'static str,
    /// The note's status (none for a source).
    pub status: Option<&'static str>,
}

impl Choice {
    fn of_note(b: Brief) -> Choice {
        Choice {
            id: b.id,
            title: b.title,
            kind: PickKind::Note,
            sort: b.note_type.key(),
            status: Some(b.status.key()),
        }
    }
}

/// What a picker field shows: the items it holds by title, the rest of what was typed
/// (numbers naming nothing the person may see, and words), and, while words wait, the
/// matches to pick from (none found: `none`).
#[derive(Serialize, Debug, Clone, Default)]
pub struct FieldView {
    pub picked: Vec<Choice>,
    pub rest: String,
    pub words: String,
    pub options: Vec<Choice>,
    pub none: bool,
}

/// A form's picker fields resolved.
#[derive(Debug, Default)]
pub struct Resolved {
    /// The text of each field as the form reads it.
    pub texts: BTreeMap<&'static str, String>,
    pub views: BTreeMap<&'static str, FieldView>,
    /// The fields whose words wait for a pick, with the message at each.
    pub waiting: BTreeMap<&'static str, &'static str>,
}

/// Resolves the picker `fields` of a sent form for `viewer`: a pick completes a field,
/// numbers stand, words are searched and wait. Nothing waits: the form may be saved.
pub async fn resolve(
    db: &Db,
    viewer: Option<&User>,
    fields: &[PickField],
    sent: &BTreeMap<&'static str, Sent>,
) -> Result<Resolved> {
    let mut resolved = Resolved::default();
    let mut settled = Vec::new();
    for field in fields {
        let Some(s) = sent.get(field.name) else {
            continue;
        };
        let s = settle(field, s);
        resolved.texts.insert(field.name, s.text);
        settled.push((field.clone(), s.typed));
    }
    resolved.views = views(db, viewer, settled, true).await?;
    for field in fields {
        if let Some(view) = resolved.views.get(field.name)
            && !view.words.is_empty()
        {
            let message = match (view.none, field.kind) {
                (false, _) => "error-pick-choose",
                (true, PickKind::Note) => "error-pick-none-note",
                (true, PickKind::Source) => "error-pick-none-source",
            };
            resolved.waiting.insert(field.name, message);
        }
    }
    Ok(resolved)
}

/// What the picker `fields` of a form holding `values` show (no search: words typed are
/// kept as they are).
pub async fn show(
    db: &Db,
    viewer: Option<&User>,
    fields: &[PickField],
    values: &BTreeMap<String, String>,
) -> Result<BTreeMap<&'static str, FieldView>> {
    let settled = fields
        .iter()
        .filter_map(|f| {
            let text = values.get(f.name)?;
            Some((f.clone(), crate::domain::picker::read(text, f.multi)))
        })
        .collect();
    views(db, viewer, settled, false).await
}

/// The matches of `typed` for a field like `field` that `viewer` may see, best first:
/// a number names one item, words search.
pub async fn suggest(
    db: &Db,
    viewer: &User,
    field: &PickField,
    typed: &str,
) -> Result<Vec<Choice>> {
    let settled = vec![(
        PickField {
            multi: false,
            ..field.clone()
        },
        crate::domain::picker::read(typed, false),
    )];
    let mut views = views(db, Some(viewer), settled, true).await?;
    Ok(views
        .remove(field.name)
        .map(|v| {
            if v.picked.is_empty() {
                v.options
            } else {
                v.picked
            }
        })
        .unwrap_or_default())
}

/// The views of settled fields: the items named, looked up in one read, and (with
/// `search`) the matches of the words.
async fn views(
    db: &Db,
    viewer: Option<&User>,
    settled: Vec<(PickField, Typed)>,
    search: bool,
) -> Result<BTreeMap<&'static str, FieldView>> {
    let who = viewer.map(subject);
    let seeker = who.as_ref().map(|s| (s.organisation_id, s.roles.to_vec()));
    let sees_sources = can_see_source(who.as_ref());
    let asked = settled.clone();
    let (notes, sources_found, matches) = db
        .read(move |c| {
            let seeker = seeker.as_ref().map(|(org, roles)| Subject {
                roles,
                organisation_id: *org,
            });
            let note_ids: Vec<i64> = asked
                .iter()
                .filter(|(f, _)| f.kind == PickKind::Note)
                .flat_map(|(_, t)| t.numbers.iter().copied())
                .collect();
            let notes = bank::briefs(c, &note_ids)?;
            let mut sources_found = Vec::new();
            for (f, t) in &asked {
                if f.kind == PickKind::Source && sees_sources {
                    for &id in &t.numbers {
                        if let Some(s) = sources::get(c, id)? {
                            sources_found.push(Choice {
                                id: s.id,
                                title: s.title,
                                kind: PickKind::Source,
                                sort: s.kind.key(),
                                status: None,
                            });
                        }
                    }
                }
            }
            let mut matches: BTreeMap<&'static str, Vec<Choice>> = BTreeMap::new();
            for (f, t) in asked.iter().filter(|_| search) {
                let found = matches.entry(f.name).or_default();
                for words in &t.words {
                    let Some(fts) = search_query(words) else {
                        continue;
                    };
                    let hits = match f.kind {
                        PickKind::Note => {
                            let mut filter = visible_notes(seeker.as_ref(), fts, OPTIONS);
                            filter.note_type = f.note_type;
                            bank::search(c, &filter)?
                                .0
                                .into_iter()
                                .map(|n| {
                                    Choice::of_note(Brief {
                                        id: n.id,
                                        note_type: n.note_type,
                                        title: n.title,
                                        status: n.status,
                                        organisation_id: n.organisation_id,
                                        public: n.public,
                                    })
                                })
                                .collect()
                        }
                        PickKind::Source if sees_sources => {
                            let filter = SourceFilter {
                                search: Some(fts),
                                by_relevance: true,
                                kind: None,
                                limit: OPTIONS,
                                offset: 0,
                            };
                            sources::search(c, &filter)?
                                .0
                                .into_iter()
                                .map(|s| Choice {
                                    id: s.id,
                                    title: s.title,
                                    kind: PickKind::Source,
                                    sort: s.kind.key(),
                                    status: None,
                                })
                                .collect()
                        }
                        PickKind::Source => Vec::new(),
                    };
                    for hit in hits {
                        if !found.iter().any(|c| c.id == hit.id) {
                            found.push(hit);
                        }
                    }
                }
            }
            Ok((notes, sources_found, matches))
        })
        .await?;
    let sees = |b: &Brief| can_see_note(who.as_ref(), b.status, b.organisation_id, b.public);
    let mut out = BTreeMap::new();
    for (field, typed) in settled {
        let mut view = FieldView::default();
        let mut rest = Vec::new();
        for &id in &typed.numbers {
            let found = match field.kind {
                PickKind::Note => notes
                    .iter()
                    .find(|b| b.id == id && sees(b))
                    .cloned()
                    .map(Choice::of_note),
                PickKind::Source => sources_found.iter().find(|s| s.id == id).cloned(),
            };
            match found {
                Some(choice) => view.picked.push(choice),
                None => rest.push(format!("#{id}")),
            }
        }
        rest.extend(typed.words.iter().cloned());
        view.rest = rest.join(", ");
        view.words = typed.words.join(", ");
        if search && !typed.words.is_empty() {
            view.options = matches.get(field.name).cloned().unwrap_or_default();
            view.none = view.options.is_empty();
        }
        out.insert(field.name, view);
    }
    Ok(out)
}
