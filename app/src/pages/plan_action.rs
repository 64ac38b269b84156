//! `/plan/{code}`: one action of the climate plan, with what it is, who is responsible, its
//! estimated cut, its timeline (every status it has had and its milestones, reached or
//! expected, in date order) and the residents' ideas behind it with their supports.

use klimadialog::plan::ActionDetail;
use klimadialog::plan::ActionStatus;
use klimadialog::time::{Date, Timestamp};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::follow_topic::FollowAction;
use crate::i18n::{format_date, status_name, use_language, use_locale, use_texts};
use crate::pages::LoadError;
use crate::pages::not_found::NotFound;
use crate::pages::plan::action_title;
use crate::personal::{SlotKind, personal, shared_render};
use crate::server_fns::follow::load_follow_state;
use crate::server_fns::plan::load_action;

/// An action's code as its page's address gives it, in capitals as the plan writes it.
fn detail_code(code: &str) -> String {
    code.trim().to_uppercase()
}

#[component]
pub fn PlanActionPage() -> impl IntoView {
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match load_action(code.clone()).await {
                    Ok(Some(detail)) => {
                        let following = load_follow_state("action".into(), code.clone())
                            .await
                            .ok()
                            .flatten();
                        let id = detail.action.id;
                        let follow = (following.is_some() || shared_render())
                            .then(|| {
                                let code = detail_code(&code);
                                personal(
                                    SlotKind::ActionFollow,
                                    id,
                                    u8::from(following == Some(true)),
                                    move |variant| {
                                        // Only a signed-in resident gets an answer (and a follow button).
                                        view! {
                                            <FollowAction code=code.clone() following=variant == 1 />
                                        }
                                    },
                                )
                            });
                        view! {
                            <ActionView detail />
                            {follow}
                        }
                            .into_any()
                    }
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One event on an action's timeline, in date order.
enum Event {
    Status(Timestamp, ActionStatus),
    Milestone {
        day: Date,
        title: String,
        reached: Option<Timestamp>,
    },
}

impl Event {
    /// When it happened, or is expected: what the timeline sorts by.
    fn at(&self) -> i64 {
        match self {
            Event::Status(at, _) => at.0,
            Event::Milestone {
                reached: Some(at), ..
            } => at.0,
            Event::Milestone { day, .. } => day.start_in_denmark().0,
        }
    }
}

#[component]
fn ActionView(detail: ActionDetail) -> impl IntoView {
    let t = &use_language().plan;
    let all = use_texts();
    let locale = use_locale();
    let ActionDetail {
        action,
        milestones,
        statuses,
        ideas,
    } = detail;
    let (title, lang) = action_title(&action.title_da, action.title_en.as_deref());
    let description = match (locale, &action.description_en) {
        (klimadialog::Locale::Da, _) | (_, None) => (action.description_da.clone(), lang),
        (_, Some(english)) => (english.clone(), None),
    };
    let status = ActionStatus::parse(&action.status);
    let mut events: Vec<Event> = statuses
        .into_iter()
        .filter_map(|(at, status)| Some(Event::Status(at, ActionStatus::parse(&status)?)))
        .chain(milestones.into_iter().filter_map(|m| {
            Some(Event::Milestone {
                day: Date::parse_iso(&m.due)?,
                title: m.title,
                reached: m.done_at.map(Timestamp),
            })
        }))
        .collect();
    events.sort_by_key(Event::at);
    let timeline = events
        .into_iter()
        .map(|event| match event {
            Event::Status(at, status) => view! {
                <li>
                    <time datetime=at.iso_date()>{format_date(at, locale)}</time>
                    ": "
                    {(t.status_became)(status)}
                </li>
            }
            .into_any(),
            Event::Milestone {
                day,
                title,
                reached,
            } => {
                let (mark, when) = match reached {
                    Some(at) => (t.milestone_done, format_date(at, locale)),
                    None => (t.milestone_due, format_date(day.start_in_denmark(), locale)),
                };
                view! {
                    <li class=if reached.is_some() { "reached" } else { "expected" }>
                        <time datetime=day.iso()>{when}</time>
                        ": "
                        <span lang="da">{title}</span>
                        {format!(" ({mark})")}
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    let ideas_list = if ideas.is_empty() {
        view! { <p>{t.no_ideas}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {ideas
                    .into_iter()
                    .map(|idea| {
                        let status = klimadialog::PublicStatus::parse(&idea.status);
                        view! {
                            <li>
                                <a href=format!("/ideas/{}", idea.id) lang="da">
                                    {idea.title}
                                </a>
                                " – "
                                {(t.supports_count)(idea.support_count)}
                                {status.map(|s| format!(" · {}", status_name(s, locale)))}
                                {idea
                                    .note
                                    .map(|note| {
                                        view! {
                                            <p class="hint" lang="da">
                                                {note}
                                            </p>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} {} – {}", action.code, title, all.site_name) />
        <Meta name="description" content=description.0.clone() />
        <p>
            <a href="/plan">{t.all_actions}</a>
        </p>
        <h1>
            <span class="action-code">{action.code.clone()}</span>
            " "
            <span lang=lang>{title}</span>
        </h1>
        <div lang=description
            .1>
            {description.0.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
        </div>
        <dl class="facts">
            <div>
                <dt>{t.status_label}</dt>
                <dd>{status.map(|s| (t.status_name)(s))}</dd>
            </div>
            <div>
                <dt>{t.owner}</dt>
                <dd lang="da">{action.owner.clone()}</dd>
            </div>
            <div>
                <dt>{t.period}</dt>
                <dd>{format!("{}–{}", action.start_year, action.end_year)}</dd>
            </div>
            {action
                .reduction_t
                .map(|tonnes| {
                    let n = klimadialog::numbers::format_int(locale, tonnes.round() as i64);
                    view! {
                        <div>
                            <dt>{t.tonnes_heading}</dt>
                            <dd>{(t.reduction)(&n)}</dd>
                        </div>
                    }
                })}
        </dl>
        {action
            .link
            .clone()
            .map(|link| {
                view! {
                    <p>
                        <a href=link rel="external">
                            {t.plan_link}
                        </a>
                    </p>
                }
            })}
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t.timeline_heading}</h2>
            <ol class="timeline">{timeline}</ol>
        </section>
        <section aria-labelledby="action-ideas-heading">
            <h2 id="action-ideas-heading">{t.ideas_heading}</h2>
            {ideas_list}
        </section>
    }
}
