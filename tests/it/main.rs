//! The one integration test binary: the real router, a fresh database per test.

mod helpers;

mod access;
mod app_admin;
mod app_assignments;
mod app_auth;
mod app_bank;
mod app_calendar;
mod app_editorial;
mod app_events;
mod app_phases;
mod app_rounds;
mod app_search;
mod assignments;
mod auth;
mod bank;
mod binary;
mod demo;
mod editorial;
mod embeds;
mod events;
mod i18n;
mod language;
mod methods;
mod organisations;
mod pages;
mod programme;
mod rounds;
mod security;
mod sources;
mod storage;
mod todo;
