//! Editions of the final publication as a PDF report: publishing one (built in every
//! language, stored together with an audit entry) and reading the latest. Building a PDF
//! is the caller's (it renders the publication); the rules of who may are here.

use super::{Error, Result, subject, transaction};
use crate::domain::lang::Lang;
use crate::domain::report::{LANGUAGES, can_preview, can_publish, next_edition};
use crate::storage::Db;
use crate::storage::audit::{self, Actor};
use crate::storage::report::{self, EditionInfo};
use crate::storage::users::User;

/// Whether `user` may publish an edition (asked before the work of building one).
pub fn may_publish(user: &User) -> Result<()> {
    if can_publish(&subject(user)) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Whether `user` may read the report built from the workspace as it stands.
pub fn may_preview(user: &User) -> Result<()> {
    if can_preview(&subject(user)) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Stores a new edition, one PDF per language (every language of
/// [`LANGUAGES`], or nothing), with its audit entry; the edition's number.
pub async fn publish(
    db: &Db,
    user: &User,
    actor: &Actor,
    pdfs: Vec<(Lang, Vec<u8>)>,
) -> Result<i64> {
    may_publish(user)?;
    if LANGUAGES
        .iter()
        .any(|l| !pdfs.iter().any(|(lang, pdf)| lang == l && !pdf.is_empty()))
    {
        return Err(Error::Refused("report-error-incomplete"));
    }
    let (by, actor) = (user.id, actor.clone());
    transaction::write(db, move |tx| {
        let edition = next_edition(report::latest_number(tx)?);
        for (lang, pdf) in &pdfs {
            report::insert(tx, edition, *lang, pdf, by)?;
        }
        audit::record(
            tx,
            &actor,
            "publication.edition",
            Some(&format!("report:{edition}")),
            None,
        )?;
        Ok(edition)
    })
    .await
}

/// What is known of the latest edition in `lang`, if one is published.
pub async fn latest(db: &Db, lang: Lang) -> Result<Option<EditionInfo>> {
    Ok(db.read(move |c| report::latest(c, lang)).await?)
}

/// The latest edition's PDF in `lang`, with when it was built; not found before the
/// first edition.
pub async fn latest_pdf(db: &Db, lang: Lang) -> Result<(i64, Vec<u8>)> {
    db.read(move |c| report::latest_pdf(c, lang))
        .await?
        .ok_or(Error::NotFound)
}
