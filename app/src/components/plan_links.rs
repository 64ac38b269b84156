//! On an idea's staff page: the climate plan's actions the idea is linked to, each with its
//! note and a button to take it away, and a form to link it to another. Plain forms; what the
//! last one did comes back in the address.

use klimadialog::plan::LinkProblem;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::i18n::use_language;
use crate::server_fns::plan::{LinkIdea, StaffIdeaActions, load_staff_idea_actions};
use crate::url::{Lenient, read_query};

#[derive(Params, Debug, Clone, Default, PartialEq)]
struct PlanForm {
    plan: Lenient<String>,
    plan_error: Lenient<LinkProblem>,
}

#[component]
pub fn StaffPlanPanel(idea: i64) -> impl IntoView {
    let t = &use_language().plan;
    let after: PlanForm = read_query();
    let done = after.plan.0.as_deref() == Some("done");
    let problem = after.plan_error.0;
    view! {
        <section id="plan" aria-labelledby="plan-heading" class="stack">
            <h2 id="plan-heading">{t.title}</h2>
            <p>{t.staff_intro}</p>
            {done
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.link_done}
                        </p>
                    }
                })}
            {problem
                .map(|p| {
                    view! {
                        <p class="notice error" role="alert">
                            {(t.link_error)(p)}
                        </p>
                    }
                })}
            <Suspense>
                {Suspend::new(async move {
                    load_staff_idea_actions(idea)
                        .await
                        .ok()
                        .map(|actions| view! { <Links idea actions problem /> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Links(idea: i64, actions: StaffIdeaActions, problem: Option<LinkProblem>) -> impl IntoView {
    let t = &use_language().plan;
    let typed_note = if problem == Some(LinkProblem::Note) {
        crate::components::typed_field("link_note")
    } else {
        String::new()
    };
    let linked = if actions.linked.is_empty() {
        view! { <p>{t.none_linked}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {actions
                    .linked
                    .into_iter()
                    .map(|link| {
                        let label = format!("{} {}", link.code, link.title_da);
                        view! {
                            <li>
                                <a href=format!("/plan/{}", link.code) lang="da">
                                    {label.clone()}
                                </a>
                                {link
                                    .note
                                    .map(|note| {
                                        view! {
                                            <p class="hint" lang="da">
                                                {note}
                                            </p>
                                        }
                                    })}
                                <form
                                    method="post"
                                    action={<LinkIdea as ServerFn>::PATH}
                                    class="inline-form"
                                >
                                    <input type="hidden" name="idea" value=idea />
                                    <input type="hidden" name="action" value=link.code.clone() />
                                    <input type="hidden" name="unlink" value="true" />
                                    <button
                                        type="submit"
                                        class="button secondary"
                                        aria-label=format!("{} {label}", t.unlink)
                                    >
                                        {t.unlink}
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
    view! {
        {linked}
        <form method="post" action={<LinkIdea as ServerFn>::PATH} class="stack">
            <input type="hidden" name="idea" value=idea />
            <div class="field">
                <label for="link-action">{t.action_label}</label>
                <select id="link-action" name="action">
                    <option value="">{t.action_choose}</option>
                    {actions
                        .choices
                        .into_iter()
                        .map(|(code, title)| {
                            view! {
                                <option value=code.clone()>{format!("{code} {title}")}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="link-note">{t.note_label}</label>
                <p class="hint" id="link-note-hint">
                    {t.note_hint}
                </p>
                <input
                    type="text"
                    id="link-note"
                    name="note"
                    maxlength="300"
                    value=typed_note
                    aria-describedby="link-note-hint"
                    aria-invalid=(problem == Some(LinkProblem::Note)).then_some("true")
                />
            </div>
            <button type="submit" class="button secondary">
                {t.link}
            </button>
        </form>
    }
}
