//! The support button. Without JavaScript it is a form that posts the wanted state and comes
//! back to the page; with the island alive it posts in the background and updates in place.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::server_fns::support::SupportState;

/// The button's texts, in the visitor's language (islands get their texts as props).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportTexts {
    pub support: String,
    pub withdraw: String,
    pub you_support: String,
    pub too_many: String,
    /// When the support could not be saved just now (a busy or full database).
    pub try_again: String,
    /// The counted word, one and other ("støtte", "støtter"), and the language whose plural
    /// rule picks between them and whose digits group the number.
    pub word_one: String,
    pub word_other: String,
    pub locale: klimadialog::Locale,
    /// Where to go to sign in when the session has gone.
    pub sign_in_href: String,
}

fn count_text(texts: &SupportTexts, n: i64) -> String {
    klimadialog::numbers::count(texts.locale, n, &texts.word_one, &texts.word_other)
}

#[island]
pub fn SupportButton(
    idea: i64,
    state: SupportState,
    action: String,
    next: String,
    texts: SupportTexts,
    /// The id of the idea's title, so a screen reader says which idea a button in a list is for.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let (current, set_current) = signal(state);
    let (busy, set_busy) = signal(false);
    // A sentence after the count when a click did not go through (rate limit, a fault).
    let (notice, set_notice) = signal(None::<String>);
    // Effects run only in the browser: the form says when it has come alive.
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let texts = StoredValue::new(texts);
    let next_for_submit = next.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use crate::error::AppError;
            use crate::server_fns::support::set_support;
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            set_busy.set(true);
            let want = !current.get_untracked().supported;
            let next = next_for_submit.clone();
            leptos::task::spawn_local(async move {
                match set_support(idea, want, next).await {
                    Ok(state) => {
                        set_notice.set(None);
                        set_current.set(state);
                    }
                    Err(AppError::RateLimited { .. }) => {
                        set_notice.set(Some(texts.with_value(|t| t.too_many.clone())))
                    }
                    Err(AppError::NotSignedIn) => {
                        let href = texts.with_value(|t| t.sign_in_href.clone());
                        let _ = window().location().set_href(&href);
                    }
                    Err(_) => set_notice.set(Some(texts.with_value(|t| t.try_again.clone()))),
                }
                set_busy.set(false);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &next_for_submit, set_current, set_busy, set_notice);
    };
    view! {
        <form
            method="post"
            action=action
            class="support"
            on:submit=submit
            data-live=move || live.get().then_some("true")
        >
            <input type="hidden" name="idea" value=idea />
            <input
                type="hidden"
                name="support"
                value=move || (!current.get().supported).to_string()
            />
            <input type="hidden" name="next" value=next />
            <p class="supports big" role="status">
                <strong>{move || texts.with_value(|t| count_text(t, current.get().count))}</strong>
                {move || {
                    current
                        .get()
                        .supported
                        .then(|| texts.with_value(|t| format!(" · {}", t.you_support)))
                }}
                {move || notice.get().map(|text| format!(" {text}"))}
            </p>
            <button
                type="submit"
                class=move || if current.get().supported { "button secondary" } else { "button" }
                disabled=busy
                aria-describedby=described_by
            >
                {move || {
                    texts
                        .with_value(|t| {
                            if current.get().supported {
                                t.withdraw.clone()
                            } else {
                                t.support.clone()
                            }
                        })
                }}
            </button>
        </form>
    }
}

/// The support button as a part of the page that is the viewer's own (see `personal`): in the
/// shared render for residents, both states.
pub fn support_part(
    idea: i64,
    support: SupportState,
    next: String,
    texts: SupportTexts,
    described_by: Option<String>,
) -> AnyView {
    use crate::personal::{SlotKind, personal};
    use crate::server_fns::support::SetSupport;
    use leptos::server_fn::ServerFn;
    personal(
        SlotKind::Support,
        idea,
        u8::from(support.supported),
        move |variant| {
            let state = SupportState {
                supported: variant == 1,
                count: support.count,
            };
            let action = <SetSupport as ServerFn>::PATH.to_owned();
            match described_by.clone() {
                Some(described_by) => view! { <SupportButton idea state action next=next.clone() texts=texts.clone() described_by /> }
                .into_any(),
                None => view! { <SupportButton idea state action next=next.clone() texts=texts.clone() /> }
                .into_any(),
            }
        },
    )
}

impl SupportTexts {
    /// The button's texts for one idea, in the visitor's language.
    pub fn for_idea(t: &crate::i18n::Texts, idea: klimadialog::IdeaId, here: &str) -> SupportTexts {
        SupportTexts {
            support: t.support_idea.to_owned(),
            withdraw: t.withdraw_support.to_owned(),
            you_support: t.you_support.to_owned(),
            too_many: t.too_many.to_owned(),
            try_again: t.support_try_again.to_owned(),
            word_one: t.support_words[0].to_owned(),
            word_other: t.support_words[1].to_owned(),
            locale: crate::i18n::use_locale(),
            sign_in_href: format!(
                "/signin?next={}&intent=support%3A{idea}",
                crate::url::encode_component(here)
            ),
        }
    }
}
