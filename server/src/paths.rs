//! The paths of the routes the server adds beside the Leptos pages and server functions, named
//! once: the router mounts them and the middlewares (flood guard, page cache, CSRF) recognise
//! them by these names, so a renamed route keeps its guards.

/// Server functions, under the prefix each `#[server]` names.
pub const SERVER_FNS: &str = "/fn/";
/// The proposal form sent without JavaScript (multipart, with a photo).
pub const PROPOSE_FORM: &str = "/ideas/new";
/// Areas uploaded by staff (multipart GeoJSON).
pub const AREAS_UPLOAD: &str = "/staff/areas/upload";
/// The plan uploaded by staff as a spreadsheet (multipart CSV or XLSX).
pub const PLAN_UPLOAD: &str = "/staff/plan/upload";
/// The emissions baseline from staff (multipart: the figures, or a CSV file of them).
pub const BASELINE: &str = "/staff/plan/baseline";
/// A batch action on the staff table (a form with repeated fields).
pub const BATCH: &str = "/staff/ideas/batch";
/// Staff exports of ideas; each format under it.
pub const EXPORTS: &str = "/staff/export";
pub const EXPORT_IDEAS: &str = "/staff/export/ideas";
pub const EXPORT_IDEAS_CSV: &str = "/staff/export/ideas.csv";
pub const EXPORT_IDEAS_XLSX: &str = "/staff/export/ideas.xlsx";
pub const EXPORT_IDEAS_GEOJSON: &str = "/staff/export/ideas.geojson";
pub const EXPORT_IDEAS_JSON: &str = "/staff/export/ideas.json";
pub const EXPORT_ARGUMENTS_CSV: &str = "/staff/export/arguments.csv";
pub const EXPORT_ARGUMENTS_JSON: &str = "/staff/export/arguments.json";
pub const EXPORT_ACTIONS_CSV: &str = "/staff/export/actions.csv";
pub const EXPORT_ACTIONS_XLSX: &str = "/staff/export/actions.xlsx";
pub const AUDIT_CSV: &str = "/staff/audit.csv";
/// Open data.
pub const OPEN_DATA: &str = "/api/";
pub const OPEN_DATA_JSON: &str = "/api/ideas.json";
pub const OPEN_DATA_GEOJSON: &str = "/api/ideas.geojson";
pub const OPEN_DATA_ARGUMENTS: &str = "/api/arguments.json";
pub const OPEN_DATA_ACTIONS_JSON: &str = "/api/actions.json";
pub const OPEN_DATA_ACTIONS_CSV: &str = "/api/actions.csv";
/// Residents' photos, by file name.
pub const PHOTOS: &str = "/photos/";
/// The language switch: `/lang/{tag}`.
pub const LANGUAGE: &str = "/lang/";
pub const HEALTH: &str = "/healthz";
/// The stop page and its one-click POST (RFC 8058): `/afmeld/{key}`.
pub const UNSUBSCRIBE: &str = "/afmeld/";
/// The official accessibility statement (a redirect to the WAS-Tool).
pub const WAS: &str = "/was";
