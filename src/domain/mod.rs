//! Pure types and rules of the workspace. Nothing here knows of HTTP, SQL or templates.

pub mod access;
pub mod credentials;
pub mod event;
pub mod form;
pub mod ical;
pub mod lang;
pub mod organisation;
pub mod programme;
pub mod schedule;
pub mod throttle;
pub mod user;
