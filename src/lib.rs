//! The core of Klimadialog: what an idea, a support, an area and a resident are, how text is
//! checked, how ideas are ranked, and (behind the `storage` feature) how they are stored.
//!
//! Everything here compiles to WebAssembly without the optional features, so the browser and
//! the server share one validation.

pub mod answer;
pub mod area;
pub mod argument;
pub mod argument_moderation;
pub mod audit;
pub mod batch;
pub mod digest;
pub mod filter;
pub mod follow;
pub mod idea;
pub mod limits;
pub mod listing;
pub mod locale;
pub mod map;
pub mod map_tiles;
pub mod moderation;
pub mod numbers;
pub mod plan;
pub mod plan_import;
pub mod propose;
pub mod ranking;
pub mod reference;
pub mod report;
pub mod resident;
pub mod retention;
pub mod sheet;
pub mod staff_ideas;
pub mod time;

#[cfg(feature = "geometry")]
pub mod area_import;
#[cfg(feature = "geometry")]
pub mod geometry;

#[cfg(feature = "storage")]
pub mod demo;
#[cfg(feature = "mail")]
pub mod mail;
#[cfg(feature = "photo")]
pub mod photo;
#[cfg(feature = "search")]
pub mod search;
#[cfg(feature = "storage")]
pub mod signin;
pub mod staff;
#[cfg(feature = "storage")]
pub mod storage;
#[cfg(feature = "storage")]
pub mod support;

pub use area::{AreaId, AreaSlug};
pub use idea::{Category, IdeaDescription, IdeaId, IdeaKind, IdeaTitle, PublicStatus};
pub use locale::Locale;
pub use moderation::{ModerationAction, ModerationState};
pub use reference::{CategoryKey, SECTORS, THEMES};
pub use resident::{EmailAddress, ResidentId};
