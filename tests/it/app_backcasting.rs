//! The backcasting use cases called without HTTP: a shared vision on the scenario set,
//! milestones and actions under its rules (a milestone after the vision year, a
//! dependency cycle, an action with no responsible organisation), the stress test
//! (refused for a scenario of another set), adopting the shared vision, locking an
//! organisation's own once submitted, and who sees what.

use framsyn::app::Error;
use framsyn::app::backcasting::{
    self, ItemTarget, Saved, VerdictInput, VisionTarget, save_action, save_milestone, save_vision,
};
use framsyn::domain::backcasting::{ItemKind, Typed};
use framsyn::storage::audit::Actor;
use framsyn::storage::users::User;

use super::app_editorial::{acting, person};
use super::helpers::*;

/// The backcasting phase of Regionerna 2050.
pub const PHASE: &str = "policyutveckling";

/// A world with an open scenario set of four scenarios and the workshop's shared vision
/// (horizon 2050) with two milestones (2030, and 2040 depending on it) and one action
/// of region A leading to the first.
pub struct Fixture {
    pub world: World,
    pub set: i64,
    pub scenarios: Vec<i64>,
    pub vision: i64,
    pub milestones: Vec<i64>,
    pub action: i64,
}

pub fn typed(pairs: &[(&str, &str)]) -> Typed {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn saved<T: std::fmt::Debug>(outcome: Result<Saved<T>, Error>) -> i64 {
    match outcome {
        Ok(Saved::Saved(id)) => id,
        other => panic!("not saved: {other:?}"),
    }
}

fn refused<T: std::fmt::Debug>(outcome: Result<Saved<T>, Error>, field: &str) -> &'static str {
    match outcome {
        Ok(Saved::Refused(errors)) => errors
            .get(field)
            .copied()
            .unwrap_or_else(|| panic!("no error at {field}: {errors:?}")),
        other => panic!("not refused: {other:?}"),
    }
}

fn leader(app: &TestApp) -> (User, Actor) {
    let user = person(app, LEADER);
    let actor = acting(&user);
    (user, actor)
}

/// The fixture, written through the use cases as the process leader.
pub async fn fixture(app: &TestApp) -> Fixture {
    let world = world(app);
    let (set, scenarios) = super::consequences::open_set_with_scenarios(app).await;
    let (user, actor) = leader(app);
    let programme = app.state.programme.clone();
    let list = scenarios
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let vision = saved(
        save_vision(
            &app.db,
            &programme,
            &user,
            &actor,
            VisionTarget::New {
                phase: PHASE.into(),
                organisation: None,
            },
            typed(&[
                ("title", "Livskraftiga regioner 2050"),
                ("horizon", "2050"),
                (
                    "statement",
                    "Regionerna bär omställningen med starka band mellan stad och land.",
                ),
                ("characteristics", "Täta band\nGrön industri"),
                ("scenarios", &list),
            ]),
        )
        .await,
    );
    let first = saved(
        save_milestone(
            &app.db,
            &programme,
            &user,
            &actor,
            ItemTarget::New { vision },
            typed(&[
                ("year", "2030"),
                ("title", "Regional framsynsfunktion i varje region"),
                ("level", "regional"),
                ("kind", "capability"),
                ("actor", "Regionerna"),
            ]),
        )
        .await,
    );
    let second = saved(
        save_milestone(
            &app.db,
            &programme,
            &user,
            &actor,
            ItemTarget::New { vision },
            typed(&[
                ("year", "2040"),
                ("title", "Flernivåstyrning i lag"),
                ("level", "nationell"),
                ("kind", "regulation"),
                ("actor", "Riksdagen"),
                ("depends_on", &first.to_string()),
            ]),
        )
        .await,
    );
    let action = saved(
        save_action(
            &app.db,
            &user,
            &actor,
            ItemTarget::New { vision },
            typed(&[
                ("text", "Inrätta ett framsynsråd med kommunerna"),
                ("organisation", &world.org_a.to_string()),
                ("start", "next-year"),
                ("strategy", "RUS"),
                ("status", "proposed"),
                ("milestones", &first.to_string()),
            ]),
        )
        .await,
    );
    Fixture {
        world,
        set,
        scenarios,
        vision,
        milestones: vec![first, second],
        action,
    }
}

#[tokio::test]
async fn a_milestone_after_the_vision_year_and_a_cycle_are_refused_at_their_fields() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let (user, actor) = leader(&app);
    let programme = app.state.programme.clone();
    let late = save_milestone(
        &app.db,
        &programme,
        &user,
        &actor,
        ItemTarget::New { vision: f.vision },
        typed(&[
            ("year", "2051"),
            ("title", "För sent"),
            ("level", "regional"),
            ("kind", "policy"),
        ]),
    )
    .await;
    assert_eq!(refused(late, "year"), "error-milestone-after-vision");
    // The first milestone made to depend on the second, which depends on it.
    let view = backcasting::view(&app.db, Some(&user), f.vision)
        .await
        .unwrap();
    let first = &view.milestones[0].item;
    let cycle = save_milestone(
        &app.db,
        &programme,
        &user,
        &actor,
        ItemTarget::Edit {
            id: first.id,
            base: first.version,
        },
        typed(&[
            // The same year as the second, so only the circle stands in the way.
            ("year", "2040"),
            ("title", &first.title),
            ("level", "regional"),
            ("kind", "capability"),
            ("depends_on", &f.milestones[1].to_string()),
        ]),
    )
    .await;
    assert_eq!(refused(cycle, "depends_on"), "error-milestone-cycle");
}

#[tokio::test]
async fn an_action_names_an_existing_responsible_organisation() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let (user, actor) = leader(&app);
    for organisation in ["", "99999"] {
        let outcome = save_action(
            &app.db,
            &user,
            &actor,
            ItemTarget::New { vision: f.vision },
            typed(&[
                ("text", "Något ska göras"),
                ("organisation", organisation),
                ("start", "next-quarter"),
                ("status", "proposed"),
            ]),
        )
        .await;
        assert_eq!(
            refused(outcome, "organisation"),
            "error-action-organisation"
        );
    }
}

#[tokio::test]
async fn a_verdict_against_a_scenario_of_another_set_is_refused_and_nothing_is_stored() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let (user, actor) = leader(&app);
    let verdicts = vec![
        VerdictInput {
            scenario: f.scenarios[0],
            verdict: "robust".into(),
            note: String::new(),
        },
        VerdictInput {
            scenario: 424_242,
            verdict: "fails".into(),
            note: String::new(),
        },
    ];
    let outcome = backcasting::judge(&app.db, &user, &actor, ItemKind::Action, f.action, verdicts)
        .await
        .unwrap();
    let errors = outcome.unwrap_err();
    assert_eq!(
        errors.get("verdict-424242"),
        Some(&"error-stress-scenario-elsewhere")
    );
    let view = backcasting::view(&app.db, Some(&user), f.vision)
        .await
        .unwrap();
    assert!(view.actions[0].verdicts.is_empty());
    assert_eq!(view.vision.set_id, Some(f.set));
    // Judged in all four: robust, robust, adapt, fails holds in three futures.
    let verdicts = ["robust", "robust", "adapt", "fails"]
        .iter()
        .zip(&f.scenarios)
        .map(|(v, s)| VerdictInput {
            scenario: *s,
            verdict: v.to_string(),
            note: "Bedömt vid workshoppen".into(),
        })
        .collect();
    backcasting::judge(&app.db, &user, &actor, ItemKind::Action, f.action, verdicts)
        .await
        .unwrap()
        .unwrap();
    let view = backcasting::view(&app.db, Some(&user), f.vision)
        .await
        .unwrap();
    let score = view.actions[0].score;
    assert_eq!(
        (score.robust, score.adapt, score.fails, score.holds),
        (2, 1, 1, 3)
    );
}

#[tokio::test]
async fn an_organisation_adopts_the_shared_vision_once_and_others_do_not_see_it_until_accepted() {
    let app = spawn_app();
    let f = fixture(&app).await;
    let strategist = person(&app, STRATEGIST_A);
    let actor = acting(&strategist);
    let own = backcasting::adopt(&app.db, &strategist, &actor, f.vision, f.world.org_a)
        .await
        .unwrap();
    assert!(matches!(
        backcasting::adopt(&app.db, &strategist, &actor, f.vision, f.world.org_a).await,
        Err(Error::Refused("error-vision-exists"))
    ));
    // Another organisation's strategist may not adopt for region A.
    let other = person(&app, STRATEGIST_B);
    assert!(matches!(
        backcasting::adopt(&app.db, &other, &acting(&other), f.vision, f.world.org_a).await,
        Err(Error::Forbidden)
    ));
    let mine = backcasting::view(&app.db, Some(&strategist), own)
        .await
        .unwrap();
    assert_eq!(mine.vision.adopted_from, Some(f.vision));
    assert_eq!(mine.vision.title, "Livskraftiga regioner 2050");
    assert!(matches!(
        backcasting::view(&app.db, Some(&other), own).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        backcasting::view(&app.db, None, f.vision).await,
        Err(Error::NotFound)
    ));
    let editor = person(&app, EDITOR);
    backcasting::publish(&app.db, &editor, &acting(&editor), f.vision, true)
        .await
        .unwrap();
    assert!(backcasting::view(&app.db, None, f.vision).await.is_ok());
    assert!(matches!(
        backcasting::publish(&app.db, &editor, &acting(&editor), own, true).await,
        Err(Error::Refused("error-vision-publish-unaccepted"))
    ));
}
