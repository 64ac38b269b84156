//! `/afmeld/{key}`: where the stop link at the bottom of every mail about what a resident
//! follows leads. Opening it changes nothing (mail scanners open links); the button posts to
//! the same address, as a mail program's one-click "unsubscribe" does, and works without
//! signing in: the key is the resident's. Stopping twice is stopping once.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::config::site_config;
use crate::i18n::{use_language, use_texts};
use crate::pages::{LoadError, set_status};
use crate::server_fns::unsubscribe::load_unsubscribe;

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let key = use_params_map()
        .read_untracked()
        .get("key")
        .unwrap_or_default();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match load_unsubscribe(key.clone()).await {
                    Ok(Some(stopped)) => view! { <StopMails key stopped /> }.into_any(),
                    Ok(None) => view! { <UnknownKey /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StopMails(key: String, stopped: bool) -> impl IntoView {
    let t = &use_language().unsubscribe;
    let site = use_texts().site_name;
    let municipality = site_config().municipality.clone();
    let title = if stopped { t.stopped_title } else { t.title };
    view! {
        <Title text=format!("{title} – {site}") />
        <Meta name="robots" content="noindex" />
        <article class="prose">
            <h1>{title}</h1>
            {if stopped {
                view! {
                    <p role="status">{t.stopped}</p>
                    <p>{t.undo}</p>
                }
                    .into_any()
            } else {
                view! {
                    <p>{(t.intro)(&municipality)}</p>
                    <form method="post" action=format!("/afmeld/{key}")>
                        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                        <button type="submit">{t.button}</button>
                    </form>
                    <p>{t.fewer}</p>
                }
                    .into_any()
            }}
            <p>
                <a href="/me#mail">{t.settings_link}</a>
            </p>
        </article>
    }
}

#[component]
fn UnknownKey() -> impl IntoView {
    let t = &use_language().unsubscribe;
    let site = use_texts().site_name;
    set_status(404);
    view! {
        <Title text=format!("{} – {site}", t.unknown_title) />
        <Meta name="robots" content="noindex" />
        <h1>{t.unknown_title}</h1>
        <p>{t.unknown}</p>
        <p>
            <a class="button" href="/me#mail">
                {t.settings_link}
            </a>
        </p>
    }
}
