//! The page for addresses and ideas that do not exist, with status 404.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::use_texts;
use crate::pages::set_status;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_texts();
    set_status(404);
    view! {
        <Title text=format!("{} – {}", t.not_found_title, t.site_name) />
        <Meta name="robots" content="noindex" />
        <h1>{t.not_found_title}</h1>
        <p>{t.not_found_text}</p>
        <p>
            <a class="button" href="/">
                {t.back_home}
            </a>
        </p>
    }
}
