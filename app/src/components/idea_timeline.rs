//! On an idea's page: its whole life as one timeline, oldest first. Proposed, approved for the
//! public, each status with the municipality's answer, linked to an action of the plan, and
//! that action's progress since (its statuses and the milestones it reached).

use klimadialog::listing::{IdeaDetail, StatusEntry};
use klimadialog::plan::{PlanEvent, PlanEventKind};
use klimadialog::time::Timestamp;
use leptos::prelude::*;

use crate::i18n::{format_date, lang_if_other, status_name, use_language, use_locale, use_texts};
use crate::pages::plan::action_title;

/// One step of the timeline.
enum Step {
    Proposed,
    Approved,
    Status(StatusEntry),
    Plan(PlanEvent),
}

#[component]
pub fn IdeaTimeline(idea: IdeaDetail) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let mut steps: Vec<(Timestamp, u8, Step)> = vec![(idea.summary.created_at, 0, Step::Proposed)];
    if let Some(at) = idea.approved_at {
        steps.push((at, 1, Step::Approved));
    }
    steps.extend(idea.history.into_iter().map(|s| (s.at, 2, Step::Status(s))));
    steps.extend(
        idea.plan_events
            .into_iter()
            .map(|e| (e.at, 3, Step::Plan(e))),
    );
    // By time; at the same second, in the order things happen (a status before its link).
    steps.sort_by_key(|(at, order, _)| (at.0, *order));
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t.status_history}</h2>
            <ol>
                {steps
                    .into_iter()
                    .map(|(at, _, step)| {
                        view! {
                            <li>
                                <time datetime=at.iso_date()>{format_date(at, locale)}</time>
                                ": "
                                <StepText step />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn StepText(step: Step) -> impl IntoView {
    let t = use_texts();
    let plan = &use_language().plan;
    let locale = use_locale();
    match step {
        Step::Proposed => view! { <strong>{t.history_proposed}</strong> }.into_any(),
        Step::Approved => view! { <strong>{t.history_approved}</strong> }.into_any(),
        Step::Status(step) => view! {
            <strong>{status_name(step.status, locale)}</strong>
            {step
                .answer
                .map(|answer| {
                    let (text, language) = answer.text(locale);
                    view! {
                        <blockquote class="answer">
                            <p class="answer-label">{t.official_answer}</p>
                            <p lang=lang_if_other(language)>{text.to_owned()}</p>
                        </blockquote>
                    }
                })}
        }
        .into_any(),
        Step::Plan(event) => {
            let (title, lang) = action_title(&event.title_da, event.title_en.as_deref());
            let action = view! {
                <a href=format!("/plan/{}", event.code) lang=lang>
                    {format!("{} {title}", event.code)}
                </a>
            };
            match event.kind {
                PlanEventKind::Linked => view! {
                    {plan.history_linked}
                    " "
                    {action}
                }
                .into_any(),
                PlanEventKind::Status(status) => view! {
                    {action}
                    " "
                    {(plan.history_action_status)(status)}
                }
                .into_any(),
                PlanEventKind::Milestone(milestone) => view! {
                    {action}
                    " "
                    {(plan.history_milestone)(&milestone)}
                }
                .into_any(),
            }
        }
    }
}
