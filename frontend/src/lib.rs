//! The WebAssembly bundle's entry point: the page is server-rendered HTML, and this hydrates its
//! islands (defined in `klimadialog-app`, linked in from there). Built by cargo-leptos with the
//! `hydrate` feature; without it (the workspace's own builds) it is empty.

#[cfg(feature = "hydrate")]
use klimadialog_app as _;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
