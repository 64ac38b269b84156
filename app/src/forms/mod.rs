//! The forms that are not server functions: axum handlers for multipart bodies (a photo, a
//! GeoJSON file), which server functions cannot stream with a bounded size. The server mounts
//! them at `paths::PROPOSE_FORM` and `paths::AREAS_UPLOAD`.

pub mod area;
pub mod propose;
