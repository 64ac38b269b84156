//! The public list of ideas with its filters.

use klimadialog::filter::FilterCounts;
use klimadialog::filter::IdeaFilter;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::server_fns::ideas::IdeaPageForVisitor;
use crate::server_fns::propose::Choice;

/// What `/ideas` shows: a page of ideas, the values of each filter with their counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaListPage {
    pub ideas: IdeaPageForVisitor,
    pub counts: FilterCounts,
    pub areas: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub themes: Vec<Choice>,
}

/// The visitor's seed. The page it orders is theirs alone: marked private, so neither the
/// server's copy of public pages nor a proxy hands it to anyone else.
#[cfg(feature = "ssr")]
fn visitor_seed() -> u32 {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("private"),
        );
    }
    if let Some(seed) = crate::session::request_cookie(crate::session::SiteCookie::Seed)
        .and_then(|v| v.parse().ok())
    {
        return seed;
    }
    let seed = klimadialog::signin::random_seed();
    crate::session::set_cookie(crate::session::SiteCookie::Seed, &seed.to_string());
    seed
}

#[server(prefix = "/fn")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "list_ideas", skip_all))]
pub async fn list_ideas(filter: IdeaFilter, per_page: u32) -> Result<IdeaListPage, AppError> {
    use klimadialog::ranking::SortOrder;
    use klimadialog::storage::now;

    let state = crate::state::app_state()?;
    let seed = if filter.sort == SortOrder::Random {
        visitor_seed()
    } else {
        0
    };
    let page = state
        .db
        .list_published(&filter, per_page.clamp(1, 50), seed, now())
        .await?;
    let supported = match crate::session::current_resident(&state).await {
        Some(resident) => {
            let ids: Vec<_> = page.ideas.iter().map(|i| i.id).collect();
            state.db.supported_among(resident, &ids).await?
        }
        None => Vec::new(),
    };
    let counts = state.db.filter_counts(&filter).await?;
    let (areas, sectors, themes) = super::reference_choices(&state).await?;
    Ok(IdeaListPage {
        ideas: IdeaPageForVisitor { page, supported },
        counts,
        areas,
        sectors,
        themes,
    })
}
