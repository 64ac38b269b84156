//! The share link of an idea. Without JavaScript it is a plain link to copy; with it, a button
//! copies the address and says so to screen readers.

use leptos::prelude::*;

#[island]
pub fn ShareLink(url: String, copy_label: String, copied_label: String) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    let (copied, set_copied) = signal(false);
    // Effects run only in the browser, so the button appears once the island is alive.
    Effect::new(move |_| set_ready.set(true));
    let copy_url = url.clone();
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let url = copy_url.clone();
            if let Some(window) = web_sys::window() {
                let promise = window.navigator().clipboard().write_text(&url);
                leptos::task::spawn_local(async move {
                    let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    set_copied.set(done);
                });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&copy_url, set_copied);
    };
    view! {
        <p class="share-link" data-live=move || ready.get().then_some("true")>
            <a href=url.clone() translate="no">
                {url.clone()}
            </a>
            <button
                type="button"
                class="button secondary"
                hidden=move || !ready.get()
                on:click=copy
            >
                {copy_label}
            </button>
            <span class="copied" role="status">
                {move || copied.get().then(|| copied_label.clone())}
            </span>
        </p>
    }
}
