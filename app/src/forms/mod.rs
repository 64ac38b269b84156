//! The forms that are not server functions: axum handlers for multipart bodies (a photo, a
//! GeoJSON file), which server functions cannot stream with a bounded size, and for the staff
//! table's batch form, whose ticked rows come as repeated fields. The server mounts them at
//! `paths::PROPOSE_FORM`, `paths::AREAS_UPLOAD` and `paths::BATCH`.

pub mod area;
pub mod batch;
pub mod propose;
