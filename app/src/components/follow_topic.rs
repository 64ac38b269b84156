//! Following what is not an idea: a button on an action's page, and on the resident's page the
//! list of what they chose to follow (each with a stop button) and forms to follow an area, a
//! sector or a theme. Plain forms to `/fn/follow`, so they work without JavaScript.

use klimadialog::follow::FollowedTopic;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::i18n::{name_in_page_language, use_language, use_locale};
use crate::server_fns::follow::SetFollow;
use crate::server_fns::propose::Choice;

/// The hidden fields of a follow form.
#[component]
fn FollowFields(
    kind: &'static str,
    key: Option<String>,
    follow: bool,
    next: String,
) -> impl IntoView {
    view! {
        <input type="hidden" name="kind" value=kind />
        {key.map(|key| view! { <input type="hidden" name="key" value=key /> })}
        <input type="hidden" name="follow" value=if follow { "true" } else { "false" } />
        <input type="hidden" name="next" value=next />
    }
}

/// On an action's page, for a signed-in resident.
#[component]
pub fn FollowAction(code: String, following: bool) -> impl IntoView {
    let t = &use_language().follow;
    let next = format!("/plan/{code}");
    view! {
        <section id="follow" class="follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading">{t.action_start}</h2>
            <p>{(t.action_state)(following)}</p>
            <form method="post" action={<SetFollow as ServerFn>::PATH}>
                <FollowFields kind="action" key=Some(code) follow=!following next />
                <button type="submit" class="button secondary">
                    {if following { t.action_stop } else { t.action_start }}
                </button>
            </form>
        </section>
    }
}

/// On the resident's page: what they chose to follow, and forms to follow more.
#[component]
pub fn FollowTopics(
    topics: Vec<FollowedTopic>,
    areas: Vec<Choice>,
    sectors: Vec<Choice>,
    themes: Vec<Choice>,
) -> impl IntoView {
    let t = &use_language().follow;
    let locale = use_locale();
    let action = <SetFollow as ServerFn>::PATH;
    let next = "/me".to_owned();
    let listed = if topics.is_empty() {
        view! { <p>{t.topics_none}</p> }.into_any()
    } else {
        view! {
            <ul class="followed">
                {topics
                    .into_iter()
                    .map(|topic| {
                        let name = match locale {
                            klimadialog::Locale::Da => topic.name_da.clone(),
                            _ => topic.name_en.clone().unwrap_or(topic.name_da.clone()),
                        };
                        let kind = match topic.kind.as_str() {
                            "idea" => "idea",
                            "area" => "area",
                            "sector" => "sector",
                            "theme" => "theme",
                            _ => "action",
                        };
                        view! {
                            <li>
                                <a href=topic.href()>{name.clone()}</a>
                                " "
                                <form method="post" action=action class="inline-form">
                                    <FollowFields
                                        kind
                                        key=Some(topic.key.clone())
                                        follow=false
                                        next=next.clone()
                                    />
                                    <button
                                        type="submit"
                                        class="button secondary"
                                        aria-label=(t.topic_stop)(&name)
                                    >
                                        {t.stop_short}
                                    </button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let options = |choices: Vec<Choice>, prefix: &'static str| {
        choices
            .into_iter()
            .map(|c| {
                let (text, lang) = name_in_page_language(&c.label);
                view! {
                    <option value=format!("{prefix}{}", c.value) lang=lang>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section id="follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading">{t.topics_heading}</h2>
            <p class="hint">{t.topics_hint}</p>
            {listed}
            <ChooseToFollow kind="area" id="follow-area" label=t.follow_area>
                {options(areas, "")}
            </ChooseToFollow>
            <ChooseToFollow kind="category" id="follow-category" label=t.follow_category>
                <optgroup label=t.sectors>{options(sectors, "sector:")}</optgroup>
                <optgroup label=t.themes>{options(themes, "theme:")}</optgroup>
            </ChooseToFollow>
        </section>
    }
}

/// A form that follows what the resident picks from a list (`children`: its options).
#[component]
fn ChooseToFollow(
    kind: &'static str,
    id: &'static str,
    label: &'static str,
    children: Children,
) -> impl IntoView {
    let t = &use_language().follow;
    view! {
        <form method="post" action={<SetFollow as ServerFn>::PATH} class="stack">
            <FollowFields kind key=None follow=true next="/me".to_owned() />
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name="key">
                    {children()}
                </select>
            </div>
            <button type="submit" class="button secondary">
                {t.follow_short}
            </button>
        </form>
    }
}
