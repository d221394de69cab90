//! Input (innspill) to the programme from anyone: the form and its rules, the honeypot
//! that catches robots, what the moderators do with it, and what of it the public sees:
//! the text (or the moderators' edited version of it), the sender's name only if they
//! allowed it, and never their contact details.

use serde::{Deserialize, Serialize};

use super::form::{self, FieldErrors};
use super::user::Email;

keyed_enum! {
    /// Where a piece of input stands in the moderation queue.
    InputStatus {
        New => "new",
        Read => "read",
        Answered => "answered",
        Linked => "linked",
    }
}

pub const BODY_MAX: usize = 5_000;
/// Input from one address per hour before the form asks them to wait.
pub const PER_HOUR: u32 = 5;

/// The form as typed. `website` is a honeypot: hidden from people (and labelled so for
/// screen readers), filled in only by robots.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct InputForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub website: String,
    /// The box "my name may be published", ticked or not.
    #[serde(default)]
    pub name_public: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidInput {
    pub name: Option<String>,
    /// Whether the sender allowed their name to be published (never without a name).
    pub name_public: bool,
    pub email: Option<String>,
    pub body: String,
    pub phase: Option<String>,
    pub topic: Option<String>,
}

impl InputForm {
    /// Whether a robot filled in the hidden field.
    pub fn is_robot(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn validate(&self, phases: &[&str]) -> Result<ValidInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let body = form::required(&mut errors, "body", &self.body);
        form::max_chars(&mut errors, "body", &body, BODY_MAX);
        for (field, value) in [("name", &self.name), ("topic", &self.topic)] {
            form::max_chars(&mut errors, field, value.trim(), 200);
        }
        let email = form::optional(&self.email);
        if email.as_deref().is_some_and(|e| Email::parse(e).is_none()) {
            errors.add("email", "error-email");
        }
        let phase = form::optional(&self.phase);
        if phase.as_deref().is_some_and(|p| !phases.contains(&p)) {
            errors.add("phase", "error-unknown-phase");
        }
        let name = form::optional(&self.name);
        errors.into_result(ValidInput {
            name_public: name.is_some() && self.name_public.is_some(),
            name,
            email,
            body,
            phase,
            topic: form::optional(&self.topic),
        })
    }
}

/// The moderators' version of a text for publishing, as they left it in the form: `None`
/// when it is the text as sent (left unchanged or emptied), so the original is shown.
/// The original itself is never changed.
pub fn redaction(original: &str, edited: &str) -> Result<Option<String>, FieldErrors> {
    let edited = edited.trim();
    let mut errors = FieldErrors::new();
    form::max_chars(&mut errors, "public_body", edited, BODY_MAX);
    let version = (!edited.is_empty() && edited != original.trim()).then(|| edited.to_string());
    errors.into_result(version)
}

/// What the public may see of a piece of input: the text to publish and the name only
/// where the sender allowed it. There is no field for contact details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicInput {
    pub id: i64,
    /// Markdown: the moderators' version if there is one, else the text as sent.
    pub body: String,
    pub name: Option<String>,
    pub created_at: i64,
}

impl PublicInput {
    pub fn new(
        id: i64,
        body: String,
        public_body: Option<String>,
        name: Option<String>,
        name_public: bool,
        created_at: i64,
    ) -> Self {
        PublicInput {
            id,
            body: public_body.unwrap_or(body),
            name: name.filter(|_| name_public),
            created_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_text_is_required_and_what_is_given_is_checked() {
        let form = InputForm {
            body: " Tänk på skärgården. ".into(),
            ..Default::default()
        };
        let valid = form.validate(&["omvarlden"]).unwrap();
        assert_eq!(valid.body, "Tänk på skärgården.");
        assert_eq!(valid.email, None);
        let bad = InputForm {
            body: " ".into(),
            email: "inte en adress".into(),
            phase: "okänd".into(),
            ..Default::default()
        };
        let errors = bad.validate(&["omvarlden"]).unwrap_err();
        assert_eq!(errors.get("body"), Some("error-required"));
        assert_eq!(errors.get("email"), Some("error-email"));
        assert_eq!(errors.get("phase"), Some("error-unknown-phase"));
        assert!(
            InputForm {
                website: "http://spam".into(),
                ..Default::default()
            }
            .is_robot()
        );
    }

    #[test]
    fn a_name_is_public_only_when_given_and_allowed() {
        let form = |name: &str, allowed: bool| InputForm {
            body: "Text".into(),
            name: name.into(),
            name_public: allowed.then(|| "1".to_string()),
            ..Default::default()
        };
        assert!(form("Eva Ek", true).validate(&[]).unwrap().name_public);
        assert!(!form("Eva Ek", false).validate(&[]).unwrap().name_public);
        assert!(!form(" ", true).validate(&[]).unwrap().name_public);
        let shown = PublicInput::new(1, "Ring 070".into(), None, Some("Eva".into()), false, 0);
        assert_eq!((shown.body.as_str(), shown.name), ("Ring 070", None));
        let shown = PublicInput::new(
            1,
            "Ring 070".into(),
            Some("Ring".into()),
            Some("Eva".into()),
            true,
            0,
        );
        assert_eq!(
            (shown.body.as_str(), shown.name.as_deref()),
            ("Ring", Some("Eva"))
        );
    }

    #[test]
    fn an_unchanged_or_emptied_version_is_the_original() {
        assert_eq!(redaction("Ring mig", " Ring mig "), Ok(None));
        assert_eq!(redaction("Ring mig", "  "), Ok(None));
        assert_eq!(
            redaction("Ring mig 070", "Ring mig"),
            Ok(Some("Ring mig".into()))
        );
        let long = "x".repeat(BODY_MAX + 1);
        assert!(
            redaction("a", &long)
                .unwrap_err()
                .get("public_body")
                .is_some()
        );
    }
}
