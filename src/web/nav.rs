//! The main navigation: the areas grouped by what people do, each person seeing only the
//! links their roles use, and visitors a short public menu. The header shows a group with
//! one link as that link, a group with more as a disclosure that opens its links; where
//! the page belongs is marked on its link (`aria-current`) and on its group.
//!
//! Also the two addresses the navigation needs that name no phase: `/assignments`, the
//! active phase's home assignment (or, for those who read them, the submissions).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use super::{AppError, AppState, Ctx};
use crate::domain::access::Subject;
use crate::domain::user::Role;

/// One link: where it goes, its catalogue key, and whether the page is there.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
    /// Paths (beyond `href` itself) that belong to this link: a path starting with one
    /// of them is there, the longest match winning over all links.
    #[serde(skip)]
    under: &'static [&'static str],
}

/// One area of the top row: a group of links (shown as one link when it has one).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Group {
    /// Stable name (for the tests and the style sheet): `start`, `programme`, `calendar`,
    /// `bank`, `analysis`, `assignments`, `progress`, `publishing`, `admin`, `public`.
    pub key: &'static str,
    /// Catalogue key of its name.
    pub label: &'static str,
    pub links: Vec<Link>,
    pub current: bool,
}

fn link(href: &'static str, label: &'static str, under: &'static [&'static str]) -> Link {
    Link {
        href,
        label,
        current: false,
        under,
    }
}

fn group(key: &'static str, links: Vec<Option<Link>>) -> Group {
    Group {
        key,
        label: match key {
            "start" => "nav-start",
            "programme" => "nav-group-programme",
            "calendar" => "nav-group-calendar",
            "bank" => "nav-group-bank",
            "analysis" => "nav-group-analysis",
            "assignments" => "nav-group-assignments",
            "progress" => "nav-group-progress",
            "publishing" => "nav-group-publishing",
            "admin" => "nav-group-admin",
            _ => "nav-main",
        },
        links: links.into_iter().flatten().collect(),
        current: false,
    }
}

/// Phase pages that belong to the home assignments rather than to the programme.
const ASSIGNMENT_PAGES: [&str; 3] = ["/assignment", "/submissions", "/heatmap"];

/// The menu of a person (`None`: a visitor) on the page at `path`; `scenarios` says
/// whether the programme has phases that hold scenario sets, `consequences` whether it
/// has phases that ask for consequences, `backcasting` whether the viewer is shown the
/// backcasting pages (members when the programme has backcasting phases; visitors once
/// a vision is public).
pub fn menu(
    subject: Option<&Subject>,
    path: &str,
    scenarios: bool,
    consequences: bool,
    backcasting: bool,
) -> Vec<Group> {
    let groups = match subject {
        None => vec![group(
            "public",
            vec![
                Some(link("/", "nav-programme", &["/phases/"])),
                Some(link("/calendar", "nav-calendar", &["/events/"])),
                Some(link("/bank", "nav-bank", &[])),
                Some(link("/methods", "nav-methods", &[])),
                scenarios.then(|| link("/scenarios", "scenarios-nav", &["/scenario-sets"])),
                consequences.then(|| link("/consequences", "cqh-nav", &[])),
                backcasting.then(|| link("/backcasting", "bc-nav", BACKCASTING_PAGES)),
                Some(link("/publications", "nav-publications", &["/publication"])),
                Some(link("/input", "nav-input", &[])),
                Some(link("/search", "nav-search", &[])),
            ],
        )],
        Some(s) => signed_in(s, scenarios, consequences, backcasting),
    };
    mark(groups, path)
}

/// The pages under the backcasting entry: the visions with their milestones and actions,
/// and the threads from trends to actions.
const BACKCASTING_PAGES: &[&str] = &["/visions/", "/milestones/", "/actions/", "/thread"];

fn signed_in(s: &Subject, scenarios: bool, consequences: bool, backcasting: bool) -> Vec<Group> {
    let lead = s.can_lead_process();
    let admin = s.can_administer();
    let edit = crate::domain::publication::can_edit(s);
    let reads_submissions = lead || edit;
    let writes_assignment = s.roles.contains(&Role::Strategist);
    let when = |yes: bool, l: Link| yes.then_some(l);
    vec![
        group("start", vec![Some(link("/start", "nav-start", &[]))]),
        group(
            "programme",
            vec![
                Some(link("/", "nav-programme", &["/phases/"])),
                when(lead, link("/active-phase", "nav-active-phase", &[])),
                Some(link("/search", "nav-search", &[])),
            ],
        ),
        group(
            "calendar",
            vec![
                Some(link("/calendar", "nav-calendar", &["/events/"])),
                Some(link("/my-events", "nav-my-events", &["/registrations/"])),
            ],
        ),
        group(
            "bank",
            vec![
                Some(link("/bank", "nav-bank", &[])),
                Some(link("/sources", "nav-sources", &[])),
                Some(link("/methods", "nav-methods", &[])),
            ],
        ),
        // Consequences, backcasting and the budget join the rounds and scenarios here.
        group(
            "analysis",
            vec![
                Some(link("/rounds", "nav-rounds", &[])),
                when(
                    scenarios,
                    link("/scenarios", "scenarios-nav", &["/scenario-sets"]),
                ),
                when(consequences, link("/consequences", "cqh-nav", &[])),
                when(
                    backcasting,
                    link("/backcasting", "bc-nav", BACKCASTING_PAGES),
                ),
            ],
        ),
        group(
            "assignments",
            vec![
                when(
                    writes_assignment || reads_submissions,
                    link(
                        "/assignments",
                        if writes_assignment {
                            "nav-assignment"
                        } else {
                            "nav-submissions"
                        },
                        &[],
                    ),
                ),
                Some(link("/organisations", "nav-organisations", &[])),
                Some(link("/address-list", "nav-address-list", &[])),
            ],
        ),
        group(
            "progress",
            vec![
                when(lead, link("/progress", "nav-progress", &[])),
                when(lead, link("/admin/messages", "nav-announcements", &[])),
            ],
        ),
        group(
            "publishing",
            vec![
                Some(link("/publications", "nav-publications", &[])),
                Some(link("/publication", "nav-final-publication", &[])),
                when(edit, link("/editorial", "nav-editorial", &[])),
                when(edit, link("/editorial/images", "nav-images", &[])),
                when(lead || edit, link("/admin/input", "nav-input-queue", &[])),
                Some(link("/input", "nav-input", &[])),
            ],
        ),
        group(
            "admin",
            vec![
                when(admin, link("/admin/users", "nav-users", &[])),
                when(admin, link("/admin/audit", "nav-audit", &[])),
                when(admin, link("/admin/outbox", "nav-outbox", &[])),
            ],
        ),
    ]
    .into_iter()
    .filter(|g| !g.links.is_empty())
    .collect()
}

/// How well `path` belongs to a link: the length of the longest of its prefixes that
/// the path starts with (at a segment boundary), or `None`.
fn fit(l: &Link, path: &str) -> Option<usize> {
    let starts = |prefix: &str| {
        path == prefix
            || (prefix != "/"
                && path.starts_with(prefix)
                && (prefix.ends_with('/') || path[prefix.len()..].starts_with(['/', '.', '?'])))
    };
    if l.href == "/assignments" && path.starts_with("/phases/") {
        return ASSIGNMENT_PAGES
            .iter()
            .any(|p| path.contains(p))
            .then_some(usize::MAX);
    }
    if l.href == "/" && ASSIGNMENT_PAGES.iter().any(|p| path.contains(p)) {
        return None;
    }
    std::iter::once(l.href)
        .chain(l.under.iter().copied())
        .filter(|p| starts(p))
        .map(str::len)
        .max()
}

fn mark(mut groups: Vec<Group>, path: &str) -> Vec<Group> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let best = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            group
                .links
                .iter()
                .enumerate()
                .filter_map(move |(l, link)| fit(link, path).map(|n| (n, g, l)))
        })
        .max_by_key(|(n, _, _)| *n);
    if let Some((_, g, l)) = best {
        groups[g].current = true;
        groups[g].links[l].current = true;
    }
    groups
}

/// `/assignments`: the home assignment of the active phase, or of the latest phase
/// before it that has one (the first such phase before the programme starts); that page
/// sends those who read the submissions on to them.
pub async fn assignments(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    ctx.user()?;
    let active = crate::app::phases::active(&state.db, &state.programme).await?;
    let phases = &state.programme.phases;
    let upto = match (&active.slug, active.stage) {
        (Some(slug), _) => phases.iter().position(|p| &p.slug == slug),
        (None, crate::domain::schedule::Stage::Ended) => phases.len().checked_sub(1),
        (None, _) => None,
    };
    let with_assignment = |p: &&crate::domain::programme::Phase| p.home_assignment().is_some();
    let phase = upto
        .and_then(|i| phases[..=i].iter().rev().find(with_assignment))
        .or_else(|| phases.iter().find(with_assignment));
    Ok(match phase {
        Some(p) => Redirect::to(&format!("/phases/{}/assignment", p.slug)).into_response(),
        None => Redirect::to("/").into_response(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current(groups: &[Group]) -> Vec<(&str, &str)> {
        groups
            .iter()
            .flat_map(|g| {
                g.links
                    .iter()
                    .filter(|l| l.current)
                    .map(|l| (g.key, l.href))
            })
            .collect()
    }

    #[test]
    fn each_page_marks_one_link_of_its_group() {
        let roles = [Role::ProcessLeader, Role::Editor];
        let s = Subject {
            roles: &roles,
            organisation_id: 1,
        };
        for (path, group, href) in [
            ("/", "programme", "/"),
            ("/phases/omvarlden", "programme", "/"),
            (
                "/phases/omvarlden/submissions/3",
                "assignments",
                "/assignments",
            ),
            ("/phases/omvarlden/heatmap", "assignments", "/assignments"),
            ("/editorial/images", "publishing", "/editorial/images"),
            ("/editorial/4/edit", "publishing", "/editorial"),
            ("/events/9", "calendar", "/calendar"),
            ("/bank/12?x=1", "bank", "/bank"),
            ("/bank.csv", "bank", "/bank"),
            ("/publication.html", "publishing", "/publication"),
            ("/publications/2", "publishing", "/publications"),
            ("/admin/input", "publishing", "/admin/input"),
            ("/admin/messages?sent=3", "progress", "/admin/messages"),
            ("/scenarios/3/edit", "analysis", "/scenarios"),
            ("/scenario-sets/2/history", "analysis", "/scenarios"),
        ] {
            assert_eq!(
                current(&menu(Some(&s), path, true, true, true)),
                [(group, href)],
                "{path}"
            );
        }
        assert!(current(&menu(Some(&s), "/banker", true, true, true)).is_empty());
        assert!(current(&menu(Some(&s), "/admin/users", true, true, true)).is_empty());
    }
}
