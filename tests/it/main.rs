//! The one integration test binary: the real router, a fresh database per test.

mod helpers;

mod access;
mod assignments;
mod auth;
mod bank;
mod demo;
mod editorial;
mod embeds;
mod events;
mod i18n;
mod methods;
mod organisations;
mod pages;
mod programme;
mod rounds;
mod security;
mod sources;
mod storage;
