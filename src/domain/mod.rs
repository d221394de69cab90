//! Pure types and rules of the workspace. Nothing here knows of HTTP, SQL or templates.

/// An enum of named values stored and shown by a stable key (`ALL`, `key`, `parse`).
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn parse(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

pub mod access;
pub mod bank;
pub mod credentials;
pub mod event;
pub mod form;
pub mod ical;
pub mod lang;
pub mod methods;
pub mod organisation;
pub mod programme;
pub mod schedule;
pub mod throttle;
pub mod user;
