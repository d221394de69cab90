//! Field errors of a submitted form: each a translation key naming what is wrong,
//! attached to the field it concerns, so the page can show it there.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FieldErrors(BTreeMap<&'static str, &'static str>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Errors with just `message` (a translation key) at `field`.
    pub fn one(field: &'static str, message: &'static str) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    /// Records `message` (a translation key) for `field`, keeping the first error of a field.
    pub fn add(&mut self, field: &'static str, message: &'static str) {
        self.0.entry(field).or_insert(message);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every field with its message, in field order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().map(|(f, m)| (*f, *m))
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.get(field).copied()
    }

    /// `Ok(value)` when no error was recorded.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// Trims a required text field; records `error-required` when it is empty.
pub fn required(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, "error-required");
    }
    value.to_string()
}

/// Trims an optional text field; empty becomes `None`.
pub fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Records `error-too-long` when a field exceeds `max` characters.
pub fn max_chars(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.add(field, "error-too-long");
    }
}
