//! On an idea's page: the climate plan's actions it became part of ("Del af indsats T1: … –
//! I gang"), each linked to the action's page, where its progress is.

use klimadialog::plan::ActionStatus;
use leptos::prelude::*;

use crate::i18n::use_language;
use crate::pages::plan::action_title;
use crate::server_fns::plan::load_idea_actions;

#[component]
pub fn IdeaActions(idea: i64) -> impl IntoView {
    view! {
        <Suspense>
            {Suspend::new(async move {
                load_idea_actions(idea)
                    .await
                    .ok()
                    .filter(|actions| !actions.is_empty())
                    .map(|actions| view! { <ActionLinks actions /> })
            })}
        </Suspense>
    }
}

#[component]
fn ActionLinks(actions: Vec<klimadialog::plan::ActionLink>) -> impl IntoView {
    let t = &use_language().plan;
    view! {
        <section class="in-plan" aria-labelledby="in-plan-heading">
            <h2 id="in-plan-heading">{t.in_plan_heading}</h2>
            <ul class="plain-list">
                {actions
                    .into_iter()
                    .map(|link| {
                        let (title, lang) = action_title(&link.title_da, link.title_en.as_deref());
                        let status = ActionStatus::parse(&link.status).map(|s| (t.status_name)(s));
                        let code = link.code;
                        view! {
                            <li>
                                {(t.part_of)(&code)} " " <a href=format!("/plan/{code}") lang=lang>
                                    {title}
                                </a> {status.map(|s| format!(" – {s}"))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
