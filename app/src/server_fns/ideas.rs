//! Reading published ideas.

use klimadialog::IdeaId;
use klimadialog::listing::{IdeaDetail, IdeaPage, IdeaSummary};
use leptos::prelude::*;

use crate::error::AppError;
use crate::server_fns::support::SupportState;

/// Ideas per page in lists.
pub const PER_PAGE: u32 = 20;

/// A page of ideas and which of them the visitor supports.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct IdeaPageForVisitor {
    pub page: IdeaPage,
    pub supported: Vec<IdeaId>,
}

impl IdeaPageForVisitor {
    pub fn support_of(&self, idea: &IdeaSummary) -> SupportState {
        SupportState {
            supported: self.supported.contains(&idea.id),
            count: idea.supports,
        }
    }
}

/// A page of published ideas, most supported first, with the visitor's supports: two queries
/// for the page and one for the supports, whatever the page size.
#[server(prefix = "/fn")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "top_ideas", skip_all))]
pub async fn top_ideas(page: u32, per_page: u32) -> Result<IdeaPageForVisitor, AppError> {
    let state = crate::state::app_state()?;
    let per_page = per_page.clamp(1, 50);
    let page = page.clamp(1, 100_000);
    // The list's default order (most supported first), on the asked page.
    let filter = klimadialog::filter::IdeaFilter::default().on_page(page);
    let page = state
        .db
        .list_published(&filter, per_page, 0, klimadialog::storage::now())
        .await?;
    let supported = match crate::session::current_resident(&state).await {
        Some(resident) => {
            let ids: Vec<IdeaId> = page.ideas.iter().map(|i| i.id).collect();
            state.db.supported_among(resident, &ids).await?
        }
        None => Vec::new(),
    };
    Ok(IdeaPageForVisitor { page, supported })
}

/// The idea page's data: the idea, whether the visitor supports it, and, when the visitor is
/// the author of an idea the public cannot see, where it stands with the moderators.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct IdeaForVisitor {
    pub idea: IdeaDetail,
    pub support: SupportState,
    pub review: Option<ReviewNotice>,
    /// The idea's area drawn on its own, for the page's mini-map.
    pub map: Option<klimadialog::map::MapDrawing>,
    pub signed_in: bool,
    /// Whether the visitor has reported this idea.
    pub reported: bool,
    /// The idea this one was merged into: its page is where visitors go.
    pub merged_into: Option<i64>,
    /// Whether, and why, the signed-in visitor follows the idea.
    pub follow: Option<klimadialog::follow::IdeaFollow>,
}

/// What the author of an unpublished idea is told.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReviewNotice {
    pub state: klimadialog::ModerationState,
    pub reason: Option<String>,
}

/// One published idea with the visitor's support; `None` when it does not exist or is not public.
#[server(prefix = "/fn")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_idea_for_visitor", skip_all)
)]
pub async fn load_idea_for_visitor(id: i64) -> Result<Option<IdeaForVisitor>, AppError> {
    let state = crate::state::app_state()?;
    let Some(mut found) = idea_for_visitor(&state, id).await? else {
        return Ok(None);
    };
    if found.idea.summary.status == klimadialog::PublicStatus::Merged {
        found.merged_into = state
            .db
            .merged_into(found.idea.summary.id)
            .await?
            .map(|i| i.0);
        return Ok(Some(found));
    }
    found.map = state
        .db
        .area_drawing(&found.idea.summary.area_slug, MINI_MAP_WIDTH)
        .await?;
    Ok(Some(found))
}

/// Map units across the mini-map; it scales to its box, this sets the paths' precision.
#[cfg(feature = "ssr")]
const MINI_MAP_WIDTH: f64 = 240.0;

#[cfg(feature = "ssr")]
async fn idea_for_visitor(
    state: &crate::state::AppState,
    id: i64,
) -> Result<Option<IdeaForVisitor>, AppError> {
    if id <= 0 {
        return Ok(None);
    }
    let id = klimadialog::IdeaId(id);
    let resident = crate::session::current_resident(state).await;
    if let Some(idea) = state.db.published_idea(id).await? {
        let (supported, reported) = match resident {
            Some(resident) => (
                state.db.has_support(id, resident).await?,
                state.db.has_reported(id, resident).await?,
            ),
            None => (false, false),
        };
        let support = SupportState {
            supported,
            count: idea.summary.supports,
        };
        return Ok(Some(IdeaForVisitor {
            idea,
            support,
            review: None,
            map: None,
            signed_in: crate::personal::signed_in(resident),
            reported,
            merged_into: None,
            follow: match resident {
                Some(resident) => Some(state.db.idea_follow(resident, id).await?),
                None => None,
            },
        }));
    }
    // Awaiting review, rejected or hidden: only its author sees it, with where it stands.
    let Some(resident) = resident else {
        return Ok(None);
    };
    Ok(state
        .db
        .authored_idea(id, resident)
        .await?
        .map(|(idea, moderation)| IdeaForVisitor {
            support: SupportState {
                supported: false,
                count: idea.summary.supports,
            },
            idea,
            review: Some(ReviewNotice {
                state: moderation.state,
                reason: moderation.reason,
            }),
            map: None,
            signed_in: true,
            reported: false,
            merged_into: None,
            // Not public yet: nothing happens to it that a follower would hear of.
            follow: None,
        }))
}
