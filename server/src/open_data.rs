//! `/api/ideas.json` and `/api/ideas.geojson`: published ideas as open data, with the filters
//! of `/ideas`; `/api/arguments.json`: their published arguments. No personal data (see
//! `klimadialog::storage::OpenIdea` and `OpenArgument`). Pages of
//! `PAGE_SIZE` ideas in a stable order; a `Link: <…>; rel="next"` header points onward.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::filter::IdeaFilter;
use klimadialog::storage::OpenIdea;
use klimadialog_app::state::AppState;
use serde_json::{Value, json};

/// Ideas per page of open data.
pub const PAGE_SIZE: i64 = 1000;

/// The filter from a raw query string; malformed pairs are skipped like unknown ones.
fn filter_of(query: Option<&str>) -> IdeaFilter {
    let pairs: Vec<(String, String)> = query
        .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
        .unwrap_or_default();
    IdeaFilter::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
}

async fn page_of(
    state: &AppState,
    query: Option<&str>,
    path: &str,
) -> Result<(Vec<OpenIdea>, Option<String>), Response> {
    let filter = filter_of(query);
    let offset = i64::from(filter.page - 1) * PAGE_SIZE;
    // One more than a page tells whether there is a next page without counting.
    let mut ideas = state
        .db
        .open_ideas(&filter, PAGE_SIZE + 1, offset)
        .await
        .map_err(|error| {
            tracing::error!(%error, "open data query failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })?;
    let next = (ideas.len() as i64 > PAGE_SIZE).then(|| {
        let pairs: Vec<String> = filter
            .on_page(filter.page + 1)
            .pairs()
            .into_iter()
            .map(|(n, v)| format!("{n}={}", klimadialog_app::url::encode_component(&v)))
            .collect();
        format!("{path}?{}", pairs.join("&"))
    });
    ideas.truncate(PAGE_SIZE as usize);
    Ok((ideas, next))
}

/// Open data's headers: its type, readable by any site, cached five minutes, and the next
/// page when there is one.
pub(crate) fn with_headers(
    mut response: Response,
    content_type: &'static str,
    next: Option<String>,
) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Open data: any site may read it.
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    if let Some(value) =
        next.and_then(|n| HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok())
    {
        headers.insert(header::LINK, value);
    }
    response
}

pub async fn ideas_json(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let (ideas, next) = match page_of(&state, query.as_deref(), "/api/ideas.json").await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let body = json!({ "ideas": ideas, "next": next });
    with_headers(Json(body).into_response(), "application/json", next)
}

/// RFC 7946: a FeatureCollection of points in WGS84, longitude first.
pub async fn ideas_geojson(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let (ideas, next) = match page_of(&state, query.as_deref(), "/api/ideas.geojson").await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let features: Vec<Value> = ideas
        .into_iter()
        .map(|idea| {
            let (lon, lat) = (idea.lon, idea.lat);
            let mut properties = serde_json::to_value(&idea).unwrap_or(Value::Null);
            if let Some(map) = properties.as_object_mut() {
                map.remove("lat");
                map.remove("lon");
            }
            json!({
                "type": "Feature",
                "id": idea.columns.id,
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": properties,
            })
        })
        .collect();
    let body = json!({ "type": "FeatureCollection", "features": features });
    with_headers(Json(body).into_response(), "application/geo+json", next)
}

/// `/api/arguments.json`: published arguments and replies under published ideas (of one idea
/// with `idea=<id>`), by id, a page at a time like the ideas. No personal data (see
/// `klimadialog::storage::OpenArgument`).
pub async fn arguments_json(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let pairs: Vec<(String, String)> = query
        .as_deref()
        .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
        .unwrap_or_default();
    let number = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.parse::<i64>().ok())
            .filter(|n| *n > 0)
    };
    let idea = number("idea");
    let page = number("page").unwrap_or(1).min(1_000_000);
    let found = state
        .db
        .open_arguments(idea, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        .await;
    let mut arguments = match found {
        Ok(arguments) => arguments,
        Err(error) => {
            tracing::error!(%error, "open data query failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let next = (arguments.len() as i64 > PAGE_SIZE).then(|| match idea {
        Some(idea) => format!("/api/arguments.json?idea={idea}&page={}", page + 1),
        None => format!("/api/arguments.json?page={}", page + 1),
    });
    arguments.truncate(PAGE_SIZE as usize);
    let body = json!({ "arguments": arguments, "next": next });
    with_headers(Json(body).into_response(), "application/json", next)
}
