//! People, their roles and the rules for their names, e-mail addresses and passwords.

use serde::{Deserialize, Serialize};

use super::form::{self, FieldErrors};

/// What a person may do in the workspace. A person can hold several roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    ProcessLeader,
    Editor,
    Strategist,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Administrator,
        Role::ProcessLeader,
        Role::Editor,
        Role::Strategist,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::ProcessLeader => "process_leader",
            Role::Editor => "editor",
            Role::Strategist => "strategist",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// An e-mail address as the workspace keeps it: trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// A deliberately plain check: one `@`, something on each side, a dot in the domain,
    /// no spaces. Whether the address works is shown by the set-password link arriving.
    pub fn parse(raw: &str) -> Option<Email> {
        let email = raw.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then_some(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const PASSWORD_MIN_CHARS: usize = 8;
/// Long passphrases are welcome; the cap only keeps hashing cheap to ask for.
pub const PASSWORD_MAX_CHARS: usize = 1024;

/// Checks a new password and its repetition; the password is used whole, never truncated.
///
/// Besides its length, a password is refused when it is easy to guess (zxcvbn's
/// estimate below "safely unguessable", which covers common passwords, keyboard runs,
/// repeats and dates) or when it is made from the person's own e-mail address or name
/// (what is left after removing them is shorter than the minimum). `personal` is the
/// person's e-mail address and name.
pub fn check_new_password(
    errors: &mut FieldErrors,
    password: &str,
    repeated: &str,
    personal: &[&str],
) {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        errors.add("password", "error-password-short");
    } else if chars > PASSWORD_MAX_CHARS {
        errors.add("password", "error-password-long");
    } else if made_from(password, personal) {
        errors.add("password", "error-password-personal");
    } else if guessable(password, personal) {
        errors.add("password", "error-password-guessable");
    } else if password != repeated {
        errors.add("password_repeat", "error-password-mismatch");
    }
}

/// Whether zxcvbn, told the person's own words, rates `password` below "safely
/// unguessable" (about 10^10 guesses).
fn guessable(password: &str, personal: &[&str]) -> bool {
    let words = personal_words(personal);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    zxcvbn::zxcvbn(password, &words).score() < zxcvbn::Score::Three
}

/// The words of an e-mail address or name: runs of letters and digits, lower case.
fn personal_words(personal: &[&str]) -> Vec<String> {
    personal
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `password` contains the person's own words and little else.
fn made_from(password: &str, personal: &[&str]) -> bool {
    let mut left: String = password
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let mut words = personal_words(personal);
    // Longest first, so a whole address goes before the parts it contains.
    words.sort_by_key(|word| std::cmp::Reverse(word.chars().count()));
    let mut removed = false;
    for word in words {
        if left.contains(&word) {
            left = left.replace(&word, "");
            removed = true;
        }
    }
    removed && left.chars().count() < PASSWORD_MIN_CHARS
}

/// A new person, as an administrator enters them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct UserForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub organisation_id: String,
    #[serde(default)]
    pub roles: Vec<String>,
    /// Present (checked) when the account is to stay active; only on the edit form.
    #[serde(default)]
    pub active: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidUser {
    pub name: String,
    pub email: Email,
    pub organisation_id: i64,
    pub roles: Vec<Role>,
}

impl UserForm {
    pub fn validate(&self) -> Result<ValidUser, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = form::required(&mut errors, "name", &self.name);
        form::max_chars(&mut errors, "name", &name, 200);
        let email = Email::parse(&self.email);
        if self.email.trim().is_empty() {
            errors.add("email", "error-required");
        } else if email.is_none() {
            errors.add("email", "error-email");
        }
        let organisation_id = self.organisation_id.trim().parse::<i64>().ok();
        if organisation_id.is_none() {
            errors.add("organisation_id", "error-choose-organisation");
        }
        let mut roles = Vec::new();
        for key in &self.roles {
            match Role::parse(key) {
                Some(role) if !roles.contains(&role) => roles.push(role),
                Some(_) => {}
                None => errors.add("roles", "error-unknown-role"),
            }
        }
        roles.sort();
        match (email, organisation_id) {
            (Some(email), Some(organisation_id)) if errors.is_empty() => Ok(ValidUser {
                name,
                email,
                organisation_id,
                roles,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Anna.Berg@Region.SE ").unwrap().as_str(),
            "anna.berg@region.se"
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@region.se",
            "anna@region",
            "an na@region.se",
            "a@b@c.se",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn passwords_need_eight_characters_and_may_be_long() {
        let mut errors = FieldErrors::new();
        check_new_password(&mut errors, "kort", "kort", &[]);
        assert_eq!(errors.get("password"), Some("error-password-short"));
        let mut errors = FieldErrors::new();
        let phrase = "en lång lösenfras om regionernas framtid år 2050 ".repeat(10);
        check_new_password(&mut errors, &phrase, &phrase, &[]);
        assert!(errors.is_empty());
        let mut errors = FieldErrors::new();
        check_new_password(&mut errors, "åtta tecken", "åtta tecken!", &[]);
        assert_eq!(
            errors.get("password_repeat"),
            Some("error-password-mismatch")
        );
    }

    #[test]
    fn common_and_personal_passwords_are_refused_and_passphrases_pass() {
        let person = ["anna.svensson@skane.test", "Anna Svensson"];
        let refused = |password: &str| {
            let mut errors = FieldErrors::new();
            check_new_password(&mut errors, password, password, &person);
            errors.get("password").map(str::to_string)
        };
        for common in [
            "12345678",
            "password",
            "        ",
            "qwertyuiop",
            "sommar2024",
        ] {
            assert_eq!(
                refused(common).as_deref(),
                Some("error-password-guessable"),
                "{common:?}"
            );
        }
        for own in [
            "anna.svensson@skane.test",
            "AnnaSvensson",
            "svensson.anna!1",
            "Anna Svensson skane",
        ] {
            assert_eq!(
                refused(own).as_deref(),
                Some("error-password-personal"),
                "{own:?}"
            );
        }
        for good in [
            "framsyn-demo-2050",
            "dialogarena-demo-2016",
            "en lång och säker lösenfras",
            "norrsken över luleälven i januari",
            "anna svensson tycker om blåbärspaj",
        ] {
            assert_eq!(refused(good), None, "{good:?}");
        }
    }

    #[test]
    fn user_form_reports_every_field() {
        let form = UserForm {
            name: " ".into(),
            email: "nope".into(),
            organisation_id: "".into(),
            roles: vec!["king".into()],
            active: None,
        };
        let errors = form.validate().unwrap_err();
        assert_eq!(errors.get("name"), Some("error-required"));
        assert_eq!(errors.get("email"), Some("error-email"));
        assert_eq!(
            errors.get("organisation_id"),
            Some("error-choose-organisation")
        );
        assert_eq!(errors.get("roles"), Some("error-unknown-role"));
    }
}
