//! Organisations taking part, with category, contact person and postal address.

use serde::{Deserialize, Serialize};

use super::form::{self, FieldErrors};
use super::user::Email;

/// Categories matter for quotas and fees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    MetropolitanRegion,
    Region,
    Agency,
    Partner,
    Board,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::MetropolitanRegion,
        Category::Region,
        Category::Agency,
        Category::Partner,
        Category::Board,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Category::MetropolitanRegion => "metropolitan_region",
            Category::Region => "region",
            Category::Agency => "agency",
            Category::Partner => "partner",
            Category::Board => "board",
        }
    }

    pub fn parse(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// An organisation as its form is filled in (all strings, so nothing typed is lost).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct OrganisationForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub city: String,
}

/// A checked organisation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub name: String,
    pub category: Category,
    pub contact_name: Option<String>,
    pub contact_email: Option<Email>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
}

impl OrganisationForm {
    pub fn validate(&self) -> Result<ValidOrganisation, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = form::required(&mut errors, "name", &self.name);
        form::max_chars(&mut errors, "name", &name, 200);
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            errors.add("category", "error-choose-category");
        }
        let contact_email = form::optional(&self.contact_email);
        let email = contact_email.as_deref().map(Email::parse);
        if matches!(email, Some(None)) {
            errors.add("contact_email", "error-email");
        }
        for (field, value) in [
            ("contact_name", &self.contact_name),
            ("contact_phone", &self.contact_phone),
            ("address", &self.address),
            ("postcode", &self.postcode),
            ("city", &self.city),
        ] {
            form::max_chars(&mut errors, field, value.trim(), 200);
        }
        let Some(category) = category else {
            return Err(errors);
        };
        errors.into_result(ValidOrganisation {
            name,
            category,
            contact_name: form::optional(&self.contact_name),
            contact_email: email.flatten(),
            contact_phone: form::optional(&self.contact_phone),
            address: form::optional(&self.address),
            postcode: form::optional(&self.postcode),
            city: form::optional(&self.city),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_email_and_missing_category_are_reported_at_their_fields() {
        let form = OrganisationForm {
            name: "Region Gävleborg".into(),
            contact_email: "kontakt(at)regiongavleborg.se".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        assert_eq!(errors.get("category"), Some("error-choose-category"));
        assert_eq!(errors.get("contact_email"), Some("error-email"));
        assert_eq!(errors.get("name"), None);
    }

    #[test]
    fn empty_optional_fields_become_none() {
        let form = OrganisationForm {
            name: " Region Gävleborg ".into(),
            category: "region".into(),
            city: "  ".into(),
            ..Default::default()
        };
        let org = form.validate().unwrap();
        assert_eq!(org.name, "Region Gävleborg");
        assert_eq!(org.city, None);
    }
}
