//! The administration and organisation use cases called directly, without HTTP.

use std::time::Duration;

use super::app_events::person;
use super::helpers::*;
use framsyn::app::Error;
use framsyn::app::admin::{Created, Updated, create_user, new_password_link, update_user};
use framsyn::app::auth::link_user;
use framsyn::app::organisations::{self, Saved};
use framsyn::domain::organisation::OrganisationForm;
use framsyn::domain::user::UserForm;
use framsyn::storage::audit::Actor;
use framsyn::storage::organisations as stored;

fn actor(id: i64) -> Actor {
    Actor {
        user_id: Some(id),
        address: None,
    }
}

fn person_form(email: &str, organisation: i64, roles: &[&str], active: bool) -> UserForm {
    UserForm {
        name: "Nina Ny".into(),
        email: email.into(),
        organisation_id: organisation.to_string(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        active: active.then(|| "on".to_string()),
    }
}

#[tokio::test]
async fn a_new_person_gets_a_link_and_an_address_is_taken_once() {
    let app = spawn_app();
    let world = world(&app);
    let admin = person(&app, ADMIN);
    let lifetime = Duration::from_secs(3600);
    let form = person_form("nina@skane.test", world.org_a, &["strategist"], true);
    let created = create_user(&app.db, &admin, actor(admin.id), lifetime, &form).await;
    let Created::Created {
        person: nina,
        token,
    } = created.unwrap()
    else {
        panic!("the person is created");
    };
    let linked = link_user(&app.db, &token).await.unwrap();
    assert_eq!(linked.map(|u| u.id), Some(nina.id));

    let again = create_user(&app.db, &admin, actor(admin.id), lifetime, &form).await;
    let Created::Refused(errors) = again.unwrap() else {
        panic!("a taken address is refused");
    };
    assert_eq!(errors.get("email"), Some("error-email-taken"));

    let leader = person(&app, LEADER);
    let form = person_form("other@skane.test", world.org_a, &[], true);
    let refused = create_user(&app.db, &leader, actor(leader.id), lifetime, &form).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
}

#[tokio::test]
async fn the_last_administrator_stays_one() {
    let app = spawn_app();
    let world = world(&app);
    let admin = person(&app, ADMIN);
    let demoted = person_form(ADMIN, world.office, &["editor"], true);
    let refused = update_user(&app.db, &admin, actor(admin.id), admin.id, &demoted).await;
    let Updated::Refused(errors) = refused.unwrap() else {
        panic!("the last administrator keeps the role");
    };
    assert_eq!(errors.get("roles"), Some("error-last-administrator"));

    let leader = person(&app, LEADER);
    let inactive = person_form(LEADER, world.office, &["process_leader"], false);
    let saved = update_user(&app.db, &admin, actor(admin.id), leader.id, &inactive).await;
    assert!(matches!(saved.unwrap(), Updated::Saved));
    assert!(!person(&app, LEADER).active);

    let missing = update_user(&app.db, &admin, actor(admin.id), 9999, &inactive).await;
    assert!(matches!(missing, Err(Error::NotFound)));
}

fn organisation_form(name: &str, category: &str, city: &str) -> OrganisationForm {
    OrganisationForm {
        name: name.into(),
        category: category.into(),
        contact_name: "Kim Kontakt".into(),
        address: "Box 1".into(),
        postcode: "111 11".into(),
        city: city.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_strategist_changes_their_own_organisation_but_not_its_name() {
    let app = spawn_app();
    let world = world(&app);
    let a = person(&app, STRATEGIST_A);
    let renamed = organisation_form("Region Syd", "board", "Malmö");
    let saved = organisations::update(&app.db, &a, actor(a.id), world.org_a, renamed).await;
    assert!(matches!(saved.unwrap(), Saved::Saved(id) if id == world.org_a));
    let org_a = world.org_a;
    let stored = app
        .db
        .read_blocking(move |c| stored::get(c, org_a))
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "Region Skåne");
    assert_eq!(stored.category.key(), "metropolitan_region");
    assert_eq!(stored.city.as_deref(), Some("Malmö"));

    let other = organisation_form("Region Norrbotten", "region", "Luleå");
    let refused = organisations::update(&app.db, &a, actor(a.id), world.org_b, other).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
}

#[tokio::test]
async fn an_organisation_name_is_taken_once() {
    let app = spawn_app();
    world(&app);
    let admin = person(&app, ADMIN);
    let taken = organisation_form("Region Skåne", "region", "Lund");
    let refused = organisations::create(&app.db, &admin, actor(admin.id), taken).await;
    let Saved::Refused { form, errors } = refused.unwrap() else {
        panic!("a taken name is refused");
    };
    assert_eq!(errors.get("name"), Some("error-organisation-exists"));
    assert_eq!(form.city, "Lund");
    let new = organisation_form("Region Gävleborg", "region", "Gävle");
    let created = organisations::create(&app.db, &admin, actor(admin.id), new).await;
    assert!(matches!(created.unwrap(), Saved::Saved(_)));
}

#[tokio::test]
async fn a_new_password_link_replaces_the_unused_one() {
    let app = spawn_app();
    world(&app);
    let (admin, a) = (person(&app, ADMIN), person(&app, STRATEGIST_A));
    let lifetime = Duration::from_secs(3600);
    let (first_for, first) = new_password_link(&app.db, &admin, actor(admin.id), lifetime, a.id)
        .await
        .unwrap();
    assert_eq!(first_for.id, a.id);
    let (_, second) = new_password_link(&app.db, &admin, actor(admin.id), lifetime, a.id)
        .await
        .unwrap();
    assert!(link_user(&app.db, &first).await.unwrap().is_none());
    assert!(link_user(&app.db, &second).await.unwrap().is_some());
    let missing = new_password_link(&app.db, &admin, actor(admin.id), lifetime, 9999).await;
    assert!(matches!(missing, Err(Error::NotFound)));
    let refused = new_password_link(&app.db, &a, actor(a.id), lifetime, a.id).await;
    assert!(matches!(refused, Err(Error::Forbidden)));
}
