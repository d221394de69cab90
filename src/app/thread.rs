//! The thread from signal to action as a viewer sees it: the programme's links read in
//! one go ([`Links`]), the thread back from an action or forward from a note, and the
//! overview of every trend with what it led to. A step the viewer could not see on its
//! own page is taken out and counted as not visible; a start the viewer does not see is
//! not found.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::{Error, Result, subject};
use crate::domain::access::Subject;
use crate::domain::bank::{LinkKind, NoteStatus, can_see_note};
use crate::domain::consequence::Centre;
use crate::domain::embed::Embedded;
use crate::domain::futures_wheel::plain;
use crate::domain::programme::Programme;
use crate::domain::scenario;
use crate::domain::thread::{self, Filter, Graph, Node, Reach, Stage, Thread};
pub use crate::domain::thread::{LinkRef, StepView, ThreadData, ThreadView};
use crate::domain::user::Role;
use crate::storage::users::User;
use crate::storage::{self, Db, backcasting, consequences, scenarios, thread as store};

/// What the thread knows of one node: its name, its page and whether the viewer sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Known {
    pub title: String,
    pub href: String,
    pub visible: bool,
}

/// Every link of the programme with what the viewer may see of each node.
#[derive(Debug, Clone, Default)]
pub struct Links {
    pub graph: Graph,
    pub known: BTreeMap<Node, Known>,
}

impl Links {
    pub fn visible(&self, node: Node) -> bool {
        self.known.get(&node).is_some_and(|k| k.visible)
    }

    fn add(&mut self, node: Node, title: String, href: String, visible: bool) {
        self.known.insert(
            node,
            Known {
                title,
                href,
                visible,
            },
        );
    }
}

/// Reads every link inside a read the caller holds, with what `viewer` (none: a visitor)
/// sees. Removed consequences, milestones and actions (and those of removed visions) are
/// no part of any thread.
pub fn links_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&Subject>,
) -> storage::Result<Links> {
    let mut l = Links::default();
    let notes = store::notes(c)?;
    let mut note_seen = BTreeMap::new();
    for n in &notes {
        let seen = n.status != NoteStatus::Merged
            && can_see_note(viewer, n.status, n.organisation_id, n.public);
        note_seen.insert(n.id, seen);
        l.graph.note(n.id, n.note_type);
        l.add(
            Node::Note(n.id),
            n.title.clone(),
            format!("/bank/{}", n.id),
            seen,
        );
    }
    for n in &notes {
        if let Some(parent) = n.parent_id.filter(|p| note_seen.contains_key(p)) {
            l.graph.link(Node::Note(n.id), Node::Note(parent), "parent");
        }
    }
    for link in store::note_links(c)? {
        if link.kind == LinkKind::InTensionWith
            || !note_seen.contains_key(&link.from)
            || !note_seen.contains_key(&link.to)
        {
            continue;
        }
        l.graph
            .link(Node::Note(link.from), Node::Note(link.to), link.kind.key());
    }
    let sets: BTreeMap<i64, scenarios::Set> = scenarios::sets(c, None)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let ids: Vec<i64> = sets.keys().copied().collect();
    let mut scenario_set = BTreeMap::new();
    for sc in scenarios::scenarios_of_sets(c, &ids)? {
        let Some(set) = sets.get(&sc.set_id) else {
            continue;
        };
        scenario_set.insert(sc.id, set.id);
        let node = Node::Scenario(sc.id);
        l.add(
            node,
            sc.name.clone(),
            format!("/scenarios/{}", sc.id),
            scenario::can_see(viewer, set.status, set.public),
        );
        let mut from = |note: i64, via: &str| {
            if note_seen.contains_key(&note) {
                l.graph.link(Node::Note(note), node, via);
            }
        };
        for a in &set.axes {
            from(a.note, "axis");
        }
        for p in &set.predetermined {
            from(*p, "predetermined");
        }
        for d in &sc.driver_states {
            from(d.note, "state");
        }
    }
    let phases = crate::domain::consequence::phases(programme);
    let mut live = BTreeMap::new();
    for x in consequences::all(c)? {
        if x.removed {
            continue;
        }
        let set = x.set_id.and_then(|s| sets.get(&s));
        let (centre, centre_seen) = match x.centre {
            Centre::Scenario(id) => (
                Node::Scenario(id),
                set.is_some_and(|s| scenario::can_see(viewer, s.status, s.public)),
            ),
            Centre::Note(id) => (
                Node::Note(id),
                viewer.is_some() && note_seen.get(&id).copied().unwrap_or(false),
            ),
        };
        let seen = phases.contains(&x.phase_slug.as_str())
            && centre_seen
            && super::consequences::visible(viewer, set, &x);
        let node = Node::Consequence(x.id);
        l.add(
            node,
            plain(&x.text),
            format!("/consequences/{}", x.id),
            seen,
        );
        live.insert(x.id, (centre, x.parent_id, x.based_on));
    }
    for (id, (centre, parent, based_on)) in &live {
        let node = Node::Consequence(*id);
        l.graph.link(*centre, node, "centre");
        if let Some(p) = parent.filter(|p| live.contains_key(p)) {
            l.graph.link(Node::Consequence(p), node, "follows");
        }
        if let Some(b) = based_on.filter(|b| live.contains_key(b)) {
            l.graph.link(Node::Consequence(b), node, "based-on");
        }
    }
    let visions: BTreeMap<i64, bool> = backcasting::all_visions(c)?
        .into_iter()
        .filter(|v| !v.removed)
        .map(|v| (v.id, super::backcasting::visible(viewer, &v)))
        .collect();
    let mut milestones = BTreeMap::new();
    for m in backcasting::all_milestones(c)? {
        let Some(seen) = visions.get(&m.vision_id).filter(|_| !m.removed) else {
            continue;
        };
        let node = Node::Milestone(m.id);
        l.add(
            node,
            format!("{}: {}", m.year, m.title),
            format!("/milestones/{}", m.id),
            *seen,
        );
        milestones.insert(m.id, ());
        for a in &m.answers {
            if live.contains_key(a) {
                l.graph.link(Node::Consequence(*a), node, "answers");
            }
        }
    }
    for a in backcasting::all_actions(c)? {
        let Some(seen) = visions.get(&a.vision_id).filter(|_| !a.removed) else {
            continue;
        };
        let node = Node::Action(a.id);
        l.add(node, plain(&a.text), format!("/actions/{}", a.id), *seen);
        for x in &a.answers {
            if live.contains_key(x) {
                l.graph.link(Node::Consequence(*x), node, "answers");
            }
        }
        for m in &a.milestones {
            if milestones.contains_key(m) {
                l.graph.link(Node::Milestone(*m), node, "leads-to");
            }
        }
    }
    Ok(l)
}

fn view_of(links: &Links, thread: Thread) -> ThreadView {
    let known = |n: Node| links.known.get(&n).cloned();
    let title = |n: Node| known(n).map(|k| k.title).unwrap_or_default();
    let href = |n: Node| known(n).map(|k| k.href).unwrap_or_default();
    let steps: Vec<StepView> = thread
        .steps
        .iter()
        .map(|s| {
            let refs = |up: bool| -> Vec<LinkRef> {
                thread
                    .edges
                    .iter()
                    .filter(|e| if up { e.to == s.node } else { e.from == s.node })
                    .map(|e| {
                        let other = if up { e.from } else { e.to };
                        LinkRef {
                            key: other.key(),
                            title: title(other),
                            href: href(other),
                            via: e.via.clone(),
                        }
                    })
                    .collect()
            };
            StepView {
                node: s.node,
                key: s.node.key(),
                stage: s.stage,
                distance: s.distance,
                title: title(s.node),
                href: href(s.node),
                start: s.node == thread.start,
                from: refs(true),
                to: refs(false),
            }
        })
        .collect();
    let titles: BTreeMap<Node, String> =
        thread.nodes().into_iter().map(|n| (n, title(n))).collect();
    let chart = thread::layout(&thread, &titles);
    let start = steps
        .iter()
        .find(|s| s.start)
        .cloned()
        .expect("a thread holds its start");
    ThreadView {
        reach: thread.reach(),
        thread,
        start,
        steps,
        chart,
    }
}

/// The thread `viewer` sees from `start`: back from an action, forward from a note. Not
/// found when the start is none the viewer sees (or none of those kinds).
pub fn thread_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&Subject>,
    start: Node,
) -> Result<ThreadView> {
    let links = links_in(c, programme, viewer)?;
    if !links.visible(start) {
        return Err(Error::NotFound);
    }
    let t = match start {
        Node::Action(_) => thread::back(&links.graph, start),
        Node::Note(_) => thread::forward(&links.graph, start),
        _ => return Err(Error::NotFound),
    };
    Ok(view_of(&links, t.retain(|n| links.visible(n))))
}

/// [`thread_in`] in a read of its own.
pub async fn thread(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    start: Node,
) -> Result<ThreadView> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    db.read(move |c| {
        Ok(thread_in(
            c,
            &programme,
            viewer.as_ref().map(subject).as_ref(),
            start,
        ))
    })
    .await?
}

/// What `[[thread:ACTION]]` shows now: the thread back from the action as a visitor
/// sees it, once the action's vision is public; until then as an editor sees it, marked
/// not public (the text cannot go public with it). Missing when there is no such
/// action, or it is removed.
pub fn embedded(c: &Connection, programme: &Programme, action: i64) -> storage::Result<Embedded> {
    let start = Node::Action(action);
    let public = links_in(c, programme, None)?;
    if public.visible(start) {
        let t = thread::back(&public.graph, start).retain(|n| public.visible(n));
        return Ok(Embedded::Thread(ThreadData {
            action,
            public: true,
            view: view_of(&public, t),
        }));
    }
    let reader = Subject {
        roles: &[Role::Editor],
        organisation_id: 0,
    };
    let links = links_in(c, programme, Some(&reader))?;
    if !links.visible(start) {
        return Ok(Embedded::Missing);
    }
    let t = thread::back(&links.graph, start).retain(|n| links.visible(n));
    Ok(Embedded::Thread(ThreadData {
        action,
        public: false,
        view: view_of(&links, t),
    }))
}

/// A trend on the overview: what it reached (of what the viewer sees) and how far.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    pub id: i64,
    pub title: String,
    pub href: String,
    pub reach: Reach,
    pub led_to_actions: bool,
    pub furthest: Option<Stage>,
    /// The actions it led to, by title and page.
    pub actions: Vec<(String, String)>,
}

/// The overview: every trend the viewer sees that `filter` keeps, and the counts of all.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub rows: Vec<TrendRow>,
    pub total: usize,
    pub led_to_actions: usize,
    pub led_nowhere: usize,
    pub filter: Filter,
}

pub fn overview_in(
    c: &Connection,
    programme: &Programme,
    viewer: Option<&Subject>,
    filter: Filter,
) -> storage::Result<Overview> {
    let links = links_in(c, programme, viewer)?;
    let mut all = Vec::new();
    for id in links.graph.notes_of(&thread::TRENDS) {
        let node = Node::Note(id);
        if !links.visible(node) {
            continue;
        }
        let t = thread::forward(&links.graph, node).retain(|n| links.visible(n));
        let reach = t.reach();
        let k = &links.known[&node];
        all.push(TrendRow {
            id,
            title: k.title.clone(),
            href: k.href.clone(),
            reach,
            led_to_actions: reach.led_to_actions(),
            furthest: reach.furthest(),
            actions: t
                .steps
                .iter()
                .filter(|s| matches!(s.node, Node::Action(_)))
                .filter_map(|s| links.known.get(&s.node))
                .map(|k| (k.title.clone(), k.href.clone()))
                .collect(),
        });
    }
    let led = all.iter().filter(|r| r.led_to_actions).count();
    Ok(Overview {
        total: all.len(),
        led_to_actions: led,
        led_nowhere: all.len() - led,
        rows: all.into_iter().filter(|r| filter.keeps(&r.reach)).collect(),
        filter,
    })
}

/// [`overview_in`] in a read of its own.
pub async fn overview(
    db: &Db,
    programme: &Arc<Programme>,
    viewer: Option<&User>,
    filter: Filter,
) -> Result<Overview> {
    let (programme, viewer) = (programme.clone(), viewer.cloned());
    Ok(db
        .read(move |c| overview_in(c, &programme, viewer.as_ref().map(subject).as_ref(), filter))
        .await?)
}
