//! # tetsuzuki-wasm
//!
//! The core of tetsuzuki compiled to WebAssembly: the web widget (feature `widget`, shipped
//! as `tetsuzuki.js`) and the JS API for hosts that render their own pages (feature `api`,
//! shipped as `tetsuzuki-api.js`). Each is built on its own, so a page pays only for what it
//! uses; both are thin adapters over the same core. Errors are thrown as JS `Error`s whose
//! `name` is `TetsuzukiError` and that carry a stable `code` beside the human `message`.

pub mod api;
#[cfg(feature = "api")]
pub use api::catalog_summary;
#[cfg(feature = "widget")]
mod controls;
#[cfg(feature = "widget")]
mod dom;
#[cfg(feature = "widget")]
pub mod widget;
