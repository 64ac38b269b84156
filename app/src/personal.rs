//! The parts of a public page that are the viewer's own: whether they support each idea shown,
//! an idea's report and follow state, their mark on each argument or their own arguments, whether
//! they follow a plan action.
//!
//! Every signed-in resident sees the same `/`, `/ideas?…` or map as everyone else but for these
//! few parts, and rendering a whole page for each of them cost a hundred times what a page
//! kept in memory costs. So the server's page cache renders a page once for all signed-in
//! residents (a *shared render*: no resident's data in it, every variant of each part between
//! markers), and puts each resident's page together from it with their own variant in each part
//! (`resolve`). Components render such a part through [`personal`]; outside a shared render it
//! is just the viewer's own variant.
//!
//! A part must lie outside islands (an island is whole inside a variant), and everything on a
//! public page that depends on the resident must be in a part: the cache keeps every public
//! page for residents this way. What cannot be a part (an argument awaiting review, which only
//! its author sees) sends the resident to a render of their own (`resolve` answers `None`).

use leptos::prelude::*;

/// What a part is about; each kind has a fixed list of variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotKind {
    /// A support button: variant 0 not supported, 1 supported. The key is the idea.
    Support,
    /// The idea page's report form: 0 not reported, 1 reported.
    Report,
    /// The idea page's follow section: `IdeaFollow::ALL[variant]`.
    Follow,
    /// An argument's helpful mark and own actions: `ArgumentMark::ALL[variant]`. The key is the
    /// argument.
    Argument,
    /// An action page's follow section: 0 not following, 1 following. The key is the action's
    /// id.
    ActionFollow,
    /// Nothing to show (one empty variant): marks a debate whose page is not put together for
    /// a resident who has an argument on it awaiting review, which only they see.
    Debate,
}

impl SlotKind {
    const ALL: [SlotKind; 6] = [
        SlotKind::Support,
        SlotKind::Report,
        SlotKind::Follow,
        SlotKind::Argument,
        SlotKind::ActionFollow,
        SlotKind::Debate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SlotKind::Support => "support",
            SlotKind::Report => "report",
            SlotKind::Follow => "follow",
            SlotKind::Argument => "argument",
            SlotKind::ActionFollow => "action-follow",
            SlotKind::Debate => "debate",
        }
    }

    pub fn parse(s: &str) -> Option<SlotKind> {
        SlotKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// How many variants a shared render holds.
    pub fn variants(self) -> u8 {
        match self {
            SlotKind::Support | SlotKind::Report | SlotKind::ActionFollow => 2,
            SlotKind::Follow => klimadialog::follow::IdeaFollow::ALL.len() as u8,
            SlotKind::Argument => klimadialog::argument::ArgumentMark::ALL.len() as u8,
            SlotKind::Debate => 1,
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
    // Both renders are a list (Leptos marks a list's end with `<!>`), so a page put together
    // from the shared render is byte for byte the page rendered for the resident.
    if !shared_render() {
        return std::iter::once(part(actual)).collect_view().into_any();
    }
    let last = kind.variants() - 1;
    (0..=last)
        .map(|variant| {
            let marker = format!("{}:{key}:{variant}", kind.as_str());
            if variant == last {
                view! {
                    <template data-slot=marker></template>
                    {part(variant)}
                    <template data-slot-end=""></template>
                }
                .into_any()
            } else {
                view! {
                    <template data-slot=marker></template>
                    {part(variant)}
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The viewer's variant of each part, in order, for `resident`; `None` when their page cannot
/// be put together from the shared render and must be rendered for them. One query for an
/// idea page's own state, one for its arguments, one for the support buttons of a list.
#[cfg(feature = "ssr")]
pub async fn resolve(
    db: &klimadialog::storage::Db,
    resident: klimadialog::ResidentId,
    slots: &[(SlotKind, i64)],
) -> Result<Option<Vec<u8>>, klimadialog::storage::StorageError> {
    use klimadialog::IdeaId;
    use klimadialog::argument::ArgumentId;
    use std::collections::HashMap;

    let keys = |kind: SlotKind| {
        slots
            .iter()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, key)| *key)
    };
    // The ideas whose page this is: their whole state in one query each.
    let mut ideas = HashMap::new();
    for key in keys(SlotKind::Debate)
        .chain(keys(SlotKind::Follow))
        .chain(keys(SlotKind::Report))
    {
        if let std::collections::hash_map::Entry::Vacant(entry) = ideas.entry(key) {
            let viewer = db.idea_viewer(resident, IdeaId(key)).await?;
            if viewer.waiting_argument {
                return Ok(None);
            }
            entry.insert(viewer);
        }
    }
    let listed: Vec<IdeaId> = keys(SlotKind::Support)
        .filter(|key| !ideas.contains_key(key))
        .map(IdeaId)
        .collect();
    let supported = if listed.is_empty() {
        Vec::new()
    } else {
        db.supported_among(resident, &listed).await?
    };
    let arguments: Vec<ArgumentId> = keys(SlotKind::Argument).map(ArgumentId).collect();
    let marks = db
        .argument_marks(resident, &arguments, klimadialog::storage::now())
        .await?;
    let mut actions = HashMap::new();
    for key in keys(SlotKind::ActionFollow) {
        actions.insert(key, db.follows_action(resident, key).await?);
    }
    Ok(slots
        .iter()
        .map(|(kind, key)| {
            let variant = match kind {
                SlotKind::Support => Some(match ideas.get(key) {
                    Some(viewer) => usize::from(viewer.supported),
                    None => usize::from(supported.contains(&IdeaId(*key))),
                }),
                SlotKind::Report => ideas.get(key).map(|v| usize::from(v.reported)),
                SlotKind::Follow => ideas
                    .get(key)
                    .and_then(|v| index_of(&klimadialog::follow::IdeaFollow::ALL, v.follow)),
                SlotKind::Argument => {
                    let mark = marks
                        .iter()
                        .find(|(id, _)| id.0 == *key)
                        .map_or(klimadialog::argument::ArgumentMark::Other, |(_, mark)| {
                            *mark
                        });
                    index_of(&klimadialog::argument::ArgumentMark::ALL, mark)
                }
                SlotKind::ActionFollow => actions.get(key).map(|f| usize::from(*f)),
                SlotKind::Debate => Some(0),
            };
            // A part that cannot be read makes the page theirs to render.
            variant.and_then(|v| u8::try_from(v).ok())
        })
        .collect())
}

#[cfg(feature = "ssr")]
fn index_of<T: PartialEq>(all: &[T], found: T) -> Option<usize> {
    all.iter().position(|x| *x == found)
}

/// Whether the page is for someone signed in: the resident's own render with their session, or
/// the shared render for all of them.
pub fn signed_in(resident: Option<klimadialog::ResidentId>) -> bool {
    resident.is_some() || shared_render()
}
