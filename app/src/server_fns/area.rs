//! The areas page for admins: what there is, and the preview and confirmation of an import.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

klimadialog::string_enum!(
    /// Why an area file went back to the upload form (`error=`, with `detail=`: the feature or
    /// names it is about): written by `forms::area`, read by the areas page.
    AreasProblem {
        TooLarge => "too_large",
        NotGeojson => "not_geojson",
        Crs => "crs",
        Empty => "empty",
        NotPolygon => "not_polygon",
        Outside => "outside",
        NoName => "no_name",
        SelfIntersecting => "self_intersecting",
        SameSlug => "same_slug",
        TooManyPoints => "too_many_points",
        NoFile => "no_file",
        NoProperty => "no_property",
    }
);

/// What an import would do, in both modes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub file_name: String,
    pub names: Vec<String>,
    /// The imported areas drawn on a map.
    pub map: klimadialog::map::MapDrawing,
    /// (added, updated, removed, retired, reassigned, flagged) for replace, then merge.
    pub replace: [u64; 6],
    pub merge: [u64; 6],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreasPage {
    pub areas: Vec<String>,
    pub flagged: i64,
    /// Ideas an import could not place: (id, title, the area they are still in).
    pub to_place: Vec<(i64, String, String)>,
    pub preview: Option<ImportPreview>,
}

#[server(prefix = "/fn", endpoint = "staff/areas")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_areas_page", skip_all)
)]
pub async fn load_areas_page(preview: Option<i64>) -> Result<AreasPage, AppError> {
    use klimadialog::area_import::read_areas;
    use klimadialog::map::{DrawnArea, MapDrawing, MapFrame};
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{ImportMode, ImportSummary, now};

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let areas = state
        .db
        .list_areas()
        .await?
        .into_iter()
        .map(|a| a.name)
        .collect();
    let flagged = state.db.flagged_idea_count().await?;
    let to_place = state.db.flagged_ideas().await?;
    let mut shown = None;
    if let Some(pending) = match preview {
        Some(id) => state.db.pending_import(id).await?,
        None => None,
    } {
        // Reading a file of up to 20 MB is CPU work: off the async threads.
        let (text, property) = (pending.geojson.clone(), pending.name_property.clone());
        let imported = tokio::task::spawn_blocking(move || read_areas(&text, &property))
            .await
            .map_err(|_| AppError::Internal)?
            .map_err(|_| AppError::BadRequest.respond())?;
        let numbers = |s: ImportSummary| {
            [
                s.added,
                s.updated,
                s.removed,
                s.retired,
                s.reassigned,
                s.flagged,
            ]
        };
        let replace = state
            .db
            .import_areas(&imported, ImportMode::Replace, false, member.id, now())
            .await?;
        let merge = state
            .db
            .import_areas(&imported, ImportMode::Merge, false, member.id, now())
            .await?;
        let (west, south, east, north) =
            klimadialog::geometry::bounds(imported.iter().map(|a| &a.shape))
                .ok_or_else(|| AppError::BadRequest.respond())?;
        let frame = MapFrame::around(west, south, east, north, 640.0, 8.0);
        let map = MapDrawing {
            frame,
            areas: imported
                .iter()
                .map(|a| DrawnArea {
                    slug: a.slug.as_str().to_owned(),
                    name: a.name.clone(),
                    path: klimadialog::geometry::svg_path(&a.shape, &frame),
                })
                .collect(),
        };
        shown = Some(ImportPreview {
            id: pending.id,
            file_name: pending.file_name,
            names: imported.into_iter().map(|a| a.name).collect(),
            map,
            replace: numbers(replace),
            merge: numbers(merge),
        });
    }
    Ok(AreasPage {
        areas,
        flagged,
        to_place,
        preview: shown,
    })
}

/// Carries out a previewed import: `mode` is `replace` or `merge`.
#[server(prefix = "/fn", endpoint = "staff/areas/apply")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "apply_area_import", skip_all)
)]
pub async fn apply_area_import(import: i64, mode: String) -> Result<(), AppError> {
    use klimadialog::area_import::read_areas;
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{ImportMode, now};

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let mode = match mode.as_str() {
        "replace" => ImportMode::Replace,
        "merge" => ImportMode::Merge,
        _ => return Err(AppError::BadRequest.respond()),
    };
    let Some(pending) = state.db.pending_import(import).await? else {
        return Err(AppError::NotFound.respond());
    };
    let areas = read_areas(&pending.geojson, &pending.name_property)
        .map_err(|_| AppError::BadRequest.respond())?;
    state
        .db
        .import_areas(&areas, mode, true, member.id, now())
        .await?;
    state.db.delete_pending_import(import).await?;
    leptos_axum::redirect("/staff/areas?done=1");
    Ok(())
}
