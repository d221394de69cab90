//! Pure types and rules of the workspace. Nothing here knows of HTTP, SQL or templates.

/// An enum of named values stored and shown by a stable key (`ALL`, `key`, `parse`).
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

        // Written and read by the same keys as `key` and `parse`, everywhere.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                $name::parse(&text)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&text, &[$($key),+]))
            }
        }
    };
}

pub mod access;
pub mod assignment;
pub mod backcasting;
pub mod backcasting_chart;
pub mod backcasting_reach;
pub mod bank;
pub mod chart;
pub mod consequence;
pub mod consequence_chart;
pub mod consequence_reach;
pub mod credentials;
pub mod embed;
pub mod event;
pub mod form;
pub mod futures_wheel;
pub mod heatmap;
pub mod ical;
pub mod image;
pub mod input;
pub mod lang;
pub mod mail;
pub mod methods;
pub mod organisation;
pub mod picker;
pub mod placement;
pub mod privacy;
pub mod programme;
pub mod progress;
pub mod publication;
pub mod rating;
pub mod rating_progress;
pub mod report;
pub mod roadmap_chart;
pub mod scenario;
pub mod scenario_chart;
pub mod scenario_reach;
pub mod schedule;
pub mod source;
pub mod start;
pub mod stats;
pub mod thread;
pub mod throttle;
pub mod user;
