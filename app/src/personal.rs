//! The parts of a public page that are the viewer's own: whether they support each idea shown.
//!
//! Every signed-in resident sees the same `/`, `/ideas?…` or map as everyone else but for these
//! few parts, and rendering a whole page for each of them cost a hundred times what a page
//! kept in memory costs. So the server's page cache renders a page once for all signed-in
//! residents (a *shared render*: no resident's data in it, every variant of each part between
//! markers), and puts each resident's page together from it with their own variant in each part
//! (`resolve`). Components render such a part through [`personal`]; outside a shared render it
//! is just the viewer's own variant.
//!
//! A part must lie outside islands (an island is whole inside a variant), and a page whose
//! resident-dependent content is not all in parts must not be kept for residents (the cache
//! keeps only the pages listed in `kept_for_residents`).

use leptos::prelude::*;

/// What a part is about; each kind has a fixed list of variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotKind {
    /// A support button: variant 0 not supported, 1 supported. The key is the idea.
    Support,
}

impl SlotKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SlotKind::Support => "support",
        }
    }

    pub fn parse(s: &str) -> Option<SlotKind> {
        match s {
            "support" => Some(SlotKind::Support),
            _ => None,
        }
    }

    /// How many variants a shared render holds.
    pub fn variants(self) -> u8 {
        match self {
            SlotKind::Support => 2,
        }
    }
}

/// The start of a variant's marker: `<template data-slot="{kind}:{key}:{variant}"></template>`.
pub const SLOT_OPEN: &str = "<template data-slot=\"";
/// What follows the marker's value.
pub const SLOT_OPEN_CLOSE: &str = "\"></template>";
/// The marker after a part's last variant.
pub const SLOT_END: &str = "<template data-slot-end=\"\"></template>";

/// Present in a render's context when it is the shared render for signed-in residents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedRender;

/// Whether this render is the shared one for signed-in residents.
pub fn shared_render() -> bool {
    #[cfg(feature = "ssr")]
    return use_context::<SharedRender>().is_some();
    #[cfg(not(feature = "ssr"))]
    false
}

/// Renders a part: the viewer's own variant `actual` or, in a shared render, every variant
/// between markers.
pub fn personal<V, F>(kind: SlotKind, key: i64, actual: u8, part: F) -> AnyView
where
    V: IntoView + 'static,
    F: Fn(u8) -> V,
{
    if !shared_render() {
        return part(actual).into_any();
    }
    let variants = (0..kind.variants())
        .map(|variant| {
            let marker = format!("{}:{key}:{variant}", kind.as_str());
            view! {
                <template data-slot=marker></template>
                {part(variant)}
            }
        })
        .collect_view();
    view! {
        {variants}
        <template data-slot-end=""></template>
    }
    .into_any()
}

/// The viewer's variant of each part, in order, for `resident`; `None` when their page cannot
/// be put together from the shared render and must be rendered for them.
#[cfg(feature = "ssr")]
pub async fn resolve(
    db: &klimadialog::storage::Db,
    resident: klimadialog::ResidentId,
    slots: &[(SlotKind, i64)],
) -> Result<Option<Vec<u8>>, klimadialog::storage::StorageError> {
    let ideas: Vec<klimadialog::IdeaId> = slots
        .iter()
        .filter(|(kind, _)| *kind == SlotKind::Support)
        .map(|(_, key)| klimadialog::IdeaId(*key))
        .collect();
    let supported = if ideas.is_empty() {
        Vec::new()
    } else {
        db.supported_among(resident, &ideas).await?
    };
    Ok(Some(
        slots
            .iter()
            .map(|(kind, key)| match kind {
                SlotKind::Support => u8::from(supported.contains(&klimadialog::IdeaId(*key))),
            })
            .collect(),
    ))
}
