//! "Use my location": with JavaScript, the phone's position fills the form's point, and the
//! server says which area it lies in (or that it lies outside the municipality). Without
//! JavaScript there is no button; the area list does the job.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocateTexts {
    pub use_location: String,
    pub locating: String,
    /// "{area}" is filled in.
    pub location_in: String,
    pub outside: String,
    pub failed: String,
    pub remove: String,
}

#[island]
pub fn LocateMe(
    lat: String,
    lon: String,
    /// The area the draft's point lies in, when it has one.
    located_in: Option<String>,
    texts: LocateTexts,
) -> impl IntoView {
    let (lat, set_lat) = signal(lat);
    let (lon, set_lon) = signal(lon);
    let texts = StoredValue::new(texts);
    let initial =
        located_in.map(|area| texts.with_value(|t| t.location_in.replace("{area}", &area)));
    let (status, set_status) = signal(initial);
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let has_point = move || !lat.get().is_empty();
    let locate = move |_| {
        #[cfg(feature = "hydrate")]
        {
            set_status.set(Some(texts.with_value(|t| t.locating.clone())));
            let found = move |la: f64, lo: f64| {
                set_lat.set(format!("{la:.6}"));
                set_lon.set(format!("{lo:.6}"));
                leptos::task::spawn_local(async move {
                    let message = match crate::server_fns::propose::locate_point(la, lo).await {
                        Ok(Some(area)) => {
                            texts.with_value(|t| t.location_in.replace("{area}", &area))
                        }
                        Ok(None) => texts.with_value(|t| t.outside.clone()),
                        Err(_) => texts.with_value(|t| t.failed.clone()),
                    };
                    set_status.set(Some(message));
                });
            };
            let failed = move || set_status.set(Some(texts.with_value(|t| t.failed.clone())));
            if ask_position(found, failed).is_err() {
                failed();
            }
        }
    };
    let remove = move |_| {
        set_lat.set(String::new());
        set_lon.set(String::new());
        set_status.set(None);
    };
    view! {
        <div class="locate" data-live=move || live.get().then_some("true")>
            <input type="hidden" name="lat" prop:value=move || lat.get() value=lat.get_untracked() />
            <input type="hidden" name="lon" prop:value=move || lon.get() value=lon.get_untracked() />
            <p role="status" class="meta">{move || status.get()}</p>
            {move || live.get().then(|| view! {
                <p class="actions">
                    <button type="button" class="button secondary" on:click=locate>{texts.with_value(|t| t.use_location.clone())}</button>
                    {move || has_point().then(|| view! {
                        <button type="button" class="button secondary" on:click=remove>{texts.with_value(|t| t.remove.clone())}</button>
                    })}
                </p>
            })}
        </div>
    }
}

/// Asks the browser for the phone's position; `found` or `failed` is called once.
#[cfg(feature = "hydrate")]
fn ask_position(
    found: impl FnOnce(f64, f64) + 'static,
    failed: impl FnOnce() + 'static,
) -> Result<(), ()> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    let geolocation = window().navigator().geolocation().map_err(|_| ())?;
    let ok = Closure::once_into_js(move |position: web_sys::Position| {
        let coords = position.coords();
        found(coords.latitude(), coords.longitude());
    });
    let refused = Closure::once_into_js(move |_: wasm_bindgen::JsValue| failed());
    let options = web_sys::PositionOptions::new();
    options.set_timeout(15_000);
    geolocation
        .get_current_position_with_error_callback_and_options(
            ok.unchecked_ref(),
            Some(refused.unchecked_ref()),
            &options,
        )
        .map_err(|_| ())
}
