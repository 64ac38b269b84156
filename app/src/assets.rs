//! The addresses of the site's static files (islands' loader and bundle, style sheet, the
//! small scripts of some pages, the icon) as this server serves them: with a hash of their
//! content in the name, so a browser may keep them for a year and an upgrade's pages never
//! meet an old file. The server reads the files at start-up and provides the names to every
//! page render; without them (unit tests, a site root never built) pages use the fixed names.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetNames {
    /// The JavaScript loader and WebAssembly bundle's name without extension, as
    /// `HydrationScripts` takes it: `klimadialog.{hash}`.
    pub script_stem: String,
    /// The other files' addresses by their fixed ones: `/pkg/klimadialog.css` →
    /// `/pkg/klimadialog.{hash}.css`, `/live-list.js` → `/live-list.{hash}.js`.
    pub hashed: HashMap<String, String>,
}

impl Default for AssetNames {
    fn default() -> AssetNames {
        AssetNames {
            script_stem: "klimadialog".to_owned(),
            hashed: HashMap::new(),
        }
    }
}

/// The address a page should use for the static file at `fixed` (`/live-list.js`).
pub fn href(fixed: &str) -> String {
    #[cfg(feature = "ssr")]
    if let Some(names) = leptos::prelude::use_context::<AssetNames>()
        && let Some(hashed) = names.hashed.get(fixed)
    {
        return hashed.clone();
    }
    fixed.to_owned()
}

/// The loader and bundle's name stem for `HydrationScripts`.
pub fn script_stem() -> String {
    #[cfg(feature = "ssr")]
    if let Some(names) = leptos::prelude::use_context::<AssetNames>() {
        return names.script_stem;
    }
    AssetNames::default().script_stem
}
