//! "Use my location" and "put a point on the map": with JavaScript, the phone's position or a
//! click on the map of areas fills the form's point, and the server says which area it lies in
//! (or that it lies outside the municipality). Without JavaScript there is neither; the area
//! list does the job, and it is also the text alternative to the map.

use klimadialog::map::{MapDrawing, from_micro, micro, micro_text};
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
    /// What the map is, for screen readers; the list is their way to choose.
    pub map_label: String,
    /// "{area}" is filled in: where a point put on the map lies.
    pub point_in: String,
}

#[island]
pub fn LocateMe(
    /// The draft's point in millionths of a degree (latitude, longitude), if it has one.
    point: Option<(i64, i64)>,
    /// The area the draft's point lies in, when it has one.
    located_in: Option<String>,
    map: MapDrawing,
    texts: LocateTexts,
) -> impl IntoView {
    // Whole millionths of a degree: the bundle never parses or prints a float.
    let (point, set_point_value) = signal(point);
    let texts = StoredValue::new(texts);
    let initial =
        located_in.map(|area| texts.with_value(|t| t.location_in.replace("{area}", &area)));
    let (status, set_status) = signal(initial);
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let has_point = move || point.get().is_some();
    let text_of = move |pick: fn((i64, i64)) -> i64| {
        point.get().map(|p| micro_text(pick(p))).unwrap_or_default()
    };
    // Fills the point and asks the server where it lies; `found` is the sentence for an area.
    let set_point = move |la: f64, lo: f64, found: String| {
        let (la, lo) = (micro(la), micro(lo));
        set_point_value.set(Some((la, lo)));
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let message = match crate::server_fns::propose::locate_point(la, lo).await {
                Ok(Some(area)) => found.replace("{area}", &area),
                Ok(None) => texts.with_value(|t| t.outside.clone()),
                Err(_) => texts.with_value(|t| t.failed.clone()),
            };
            set_status.set(Some(message));
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = found;
    };
    let frame = map.frame;
    let on_map_click = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(svg) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let x = (f64::from(ev.client_x()) - rect.left()) * frame.width / rect.width();
            let y = (f64::from(ev.client_y()) - rect.top()) * frame.height / rect.height();
            let (la, lo) = frame.unproject(x, y);
            set_point(la, lo, texts.with_value(|t| t.point_in.clone()));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = set_point;
    let marker = move || {
        let (la, lo) = point.get()?;
        let (cx, cy) = frame.project(from_micro(la), from_micro(lo));
        let (cx, cy) = (cx.round() as i64, cy.round() as i64);
        Some(view! { <circle class="marker" cx=cx cy=cy r="7" /> })
    };
    let areas = StoredValue::new(map.areas);
    let locate = move |_| {
        #[cfg(feature = "hydrate")]
        {
            set_status.set(Some(texts.with_value(|t| t.locating.clone())));
            let found = move |la: f64, lo: f64| {
                set_point(la, lo, texts.with_value(|t| t.location_in.clone()))
            };
            let failed = move || set_status.set(Some(texts.with_value(|t| t.failed.clone())));
            if ask_position(found, failed).is_err() {
                failed();
            }
        }
    };
    let remove = move |_| {
        set_point_value.set(None);
        set_status.set(None);
    };
    let (lat_now, lon_now) = (text_of(|p| p.0), text_of(|p| p.1));
    view! {
        <div class="locate" data-live=move || live.get().then_some("true")>
            <input type="hidden" name="lat" prop:value=move || text_of(|p| p.0) value=lat_now />
            <input type="hidden" name="lon" prop:value=move || text_of(|p| p.1) value=lon_now />
            <p role="status" class="meta">
                {move || status.get()}
            </p>
            {move || {
                live.get()
                    .then(|| {
                        view! {
                            <svg
                                class="map picker"
                                viewBox=format!(
                                    "0 0 {} {}",
                                    frame.width as i64,
                                    frame.height as i64,
                                )
                                role="img"
                                aria-label=texts.with_value(|t| t.map_label.clone())
                                on:click=on_map_click
                            >
                                // No names on the shapes: the map is an image (the area list is its text), and
                                // the sentence under it names the area a point lands in.
                                {areas
                                    .with_value(|areas| {
                                        areas
                                            .iter()
                                            .map(|a| {
                                                view! {
                                                    <path
                                                        class="area"
                                                        d=a.path.clone()
                                                        data-area=a.slug.clone()
                                                    ></path>
                                                }
                                            })
                                            .collect_view()
                                    })}
                                {marker}
                            </svg>
                            <p class="actions">
                                <button type="button" class="button secondary" on:click=locate>
                                    {texts.with_value(|t| t.use_location.clone())}
                                </button>
                                {move || {
                                    has_point()
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="button secondary"
                                                    on:click=remove
                                                >
                                                    {texts.with_value(|t| t.remove.clone())}
                                                </button>
                                            }
                                        })
                                }}
                            </p>
                        }
                    })
            }}
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
