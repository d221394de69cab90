//! Input (innspill) to the programme from anyone: the form and its rules, the honeypot
//! that catches robots, and what the moderators do with it.

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidInput {
    pub name: Option<String>,
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
        errors.into_result(ValidInput {
            name: form::optional(&self.name),
            email,
            body,
            phase,
            topic: form::optional(&self.topic),
        })
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
}
