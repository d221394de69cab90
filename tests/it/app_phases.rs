//! The phase use cases called directly, without HTTP: overriding the active phase.

use super::app_events::person;
use super::helpers::*;
use framsyn::app::Error;
use framsyn::app::phases::{Overridden, active, set_override};
use framsyn::domain::schedule::ActiveBy;
use framsyn::storage::audit::Actor;

#[tokio::test]
async fn a_process_leader_overrides_the_active_phase_and_lifts_it_again() {
    let app = spawn_app();
    world(&app);
    let programme = &app.state.programme;
    let leader = person(&app, LEADER);
    let actor = || Actor {
        user_id: Some(leader.id),
        address: None,
    };
    let by_dates = active(&app.db, programme).await.unwrap();
    assert_eq!(by_dates.by, ActiveBy::Dates);

    let chosen = programme.phases[2].slug.clone();
    let set = set_override(
        &app.db,
        programme,
        &leader,
        actor(),
        &chosen,
        "Vi ligger efter.",
    );
    assert!(matches!(set.await.unwrap(), Overridden::Set));
    let overridden = active(&app.db, programme).await.unwrap();
    assert_eq!(overridden.by, ActiveBy::Override);
    assert_eq!(overridden.slug.as_deref(), Some(chosen.as_str()));

    let unknown = set_override(&app.db, programme, &leader, actor(), "ingen-fas", "").await;
    let Overridden::Refused(errors) = unknown.unwrap() else {
        panic!("an unknown phase is refused");
    };
    assert_eq!(errors.get("phase"), Some("error-unknown-phase"));

    let lifted = set_override(&app.db, programme, &leader, actor(), "", "").await;
    assert!(matches!(lifted.unwrap(), Overridden::Set));
    assert_eq!(active(&app.db, programme).await.unwrap(), by_dates);

    let strategist = person(&app, STRATEGIST_A);
    let refused = set_override(&app.db, programme, &strategist, actor(), &chosen, "").await;
    assert!(matches!(refused, Err(Error::Forbidden)));
}
