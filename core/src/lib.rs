//! # tetsuzuki (手続き)
//!
//! The core of the tetsuzuki SDK: the procedure model shared by every town and vendor.
//! See `docs/ARCHITECTURE.md` for the map and its invariants.

pub mod calendar;
pub mod catalog;
#[cfg(feature = "authoring")]
pub mod check;
#[cfg(feature = "authoring")]
pub mod compile;
pub mod date;
pub mod deadline;
#[cfg(feature = "authoring")]
pub mod definitions;
#[cfg(feature = "authoring")]
pub mod diagnostic;
pub mod diff;
pub mod draft;
pub mod expr;
pub mod holidays;
pub mod host;
pub mod ids;
pub mod journey;
#[cfg(feature = "authoring")]
pub mod layout;
pub mod model;
pub mod navigate;
pub mod plan;
pub mod profile;
mod record;
#[cfg(feature = "authoring")]
pub mod scenario;
#[cfg(feature = "authoring")]
pub mod schema;
pub mod session;
mod small;
#[cfg(feature = "authoring")]
pub mod source;
pub mod suggest;
pub mod validate;
pub mod value;
pub mod views;
pub mod words;
