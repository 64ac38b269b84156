//! An idea's debate on its staff page: every argument and reply, hidden ones with their words;
//! hiding one under a debate rule or making it public again; replying as the municipality; and
//! closing the debate with a conclusion or opening it again. Plain forms, so it works without
//! JavaScript; what the last form did comes back in the address.

use klimadialog::argument::{
    Author, DebateRule, HiddenBy, Shown, StaffArgument, StaffDebateProblem,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::components::argument::{argument_class, argument_meta};
use crate::i18n::{format_date, lang_if_other, use_language, use_locale};
use crate::server_fns::argument_moderation::{
    CloseDebate, ModerateArgument, ReplyAsMunicipality, StaffDebate, load_staff_debate,
};
use crate::url::{Lenient, read_query};

/// What the staff page's address says about the last debate form.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct DebateForm {
    debate: Lenient<String>,
    debate_error: Lenient<StaffDebateProblem>,
    /// With `debate_error`: the argument whose reply form went back.
    reply_to: Lenient<i64>,
}

#[component]
pub fn StaffDebatePanel(idea: i64) -> impl IntoView {
    let t = &use_language().argument;
    let after: DebateForm = read_query();
    let done = after.debate.0.as_deref() == Some("done");
    let problem = after.debate_error.0;
    let reply_failed = after.reply_to.0.filter(|_| problem.is_some());
    view! {
        <section id="debate" aria-labelledby="debate-heading" class="stack">
            <h2 id="debate-heading">{t.heading}</h2>
            <p>{t.staff_intro} " " <a href="/debatregler">{t.rules_link}</a></p>
            {done
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.staff_done}
                        </p>
                    }
                })}
            {problem
                .map(|p| {
                    view! {
                        <p class="notice error" role="alert">
                            {(t.staff_error)(p)}
                        </p>
                    }
                })}
            <Suspense>
                {Suspend::new(async move {
                    load_staff_debate(idea)
                        .await
                        .ok()
                        .map(|debate| {
                            view! { <StaffDebateView idea debate problem reply_failed /> }
                        })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn StaffDebateView(
    idea: i64,
    debate: StaffDebate,
    problem: Option<StaffDebateProblem>,
    reply_failed: Option<i64>,
) -> impl IntoView {
    let t = &use_language().argument;
    let locale = use_locale();
    let typed_conclusion = if problem == Some(StaffDebateProblem::ConclusionMissing) {
        crate::components::typed_field("conclusion")
    } else {
        String::new()
    };
    let closing = match debate.closed {
        Some((at, conclusion)) => view! {
            <p>{(t.closed)(&format_date(at, locale))}</p>
            <blockquote class="answer">
                <p class="answer-label">{t.conclusion}</p>
                <p>{conclusion}</p>
            </blockquote>
            <form method="post" action={<CloseDebate as ServerFn>::PATH}>
                <input type="hidden" name="idea" value=idea />
                <input type="hidden" name="close" value="false" />
                <button type="submit" class="button secondary">
                    {t.reopen}
                </button>
            </form>
        }
        .into_any(),
        None => view! {
            <form method="post" action={<CloseDebate as ServerFn>::PATH} class="stack">
                <input type="hidden" name="idea" value=idea />
                <input type="hidden" name="close" value="true" />
                <div class="field">
                    <label for="debate-conclusion">{t.conclusion}</label>
                    <p class="hint" id="debate-conclusion-hint">
                        {t.close_hint}
                    </p>
                    <textarea
                        id="debate-conclusion"
                        name="conclusion"
                        rows="3"
                        maxlength="1500"
                        aria-describedby="debate-conclusion-hint"
                    >
                        {crate::components::raw_text(&typed_conclusion)}
                    </textarea>
                </div>
                <button type="submit" class="button secondary">
                    {t.close}
                </button>
            </form>
        }
        .into_any(),
    };
    view! {
        {if debate.arguments.is_empty() {
            view! { <p>{t.none}</p> }.into_any()
        } else {
            view! {
                <ol class="arguments">
                    {debate
                        .arguments
                        .into_iter()
                        .map(|argument| {
                            let department = debate.department.clone();
                            view! { <StaffArgumentView idea argument department reply_failed /> }
                        })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
        {closing}
    }
}

#[component]
fn StaffArgumentView(
    idea: i64,
    argument: StaffArgument,
    /// The department the member named last, to start the reply form with.
    department: Option<String>,
    reply_failed: Option<i64>,
) -> impl IntoView {
    let t = &use_language().argument;
    let locale = use_locale();
    let StaffArgument {
        item, body, parent, ..
    } = argument;
    let id = item.id.0;
    let by_municipality = matches!(item.author, Author::Municipality { .. });
    let deleted_at = match item.shown {
        Shown::DeletedByAuthor(at) => Some(at),
        _ => None,
    };
    let deleted = deleted_at.is_some();
    let reply_field = format!("municipality-reply-{id}");
    let department_field = format!("department-{id}");
    let moderation = if by_municipality || deleted {
        None
    } else {
        Some(match &item.shown {
            Shown::Hidden {
                by: HiddenBy::Rule(rule),
                ..
            } => view! {
                <p>
                    <strong>{t.hidden_mark}</strong>
                    {format!(": {}", (t.rule_name)(*rule))}
                </p>
                {decision_forms(idea, id, Some(t.restore), false, false)}
            }
            .into_any(),
            Shown::Hidden {
                by: HiddenBy::Reports,
                ..
            } => view! {
                <p>
                    <strong>{t.hidden_by_reports_mark}</strong>
                </p>
                {decision_forms(idea, id, Some(t.restore), true, false)}
            }
            .into_any(),
            Shown::Waiting(_) => view! {
                <p>
                    <strong>{t.waiting_mark}</strong>
                </p>
                {decision_forms(idea, id, Some(t.approve), true, false)}
            }
            .into_any(),
            _ => decision_forms(idea, id, None, true, false).into_any(),
        })
    };
    let failed = reply_failed == Some(id);
    let (typed_reply, typed_department) = if failed {
        (
            crate::components::typed_field("municipality_reply"),
            crate::components::typed_field("department"),
        )
    } else {
        (String::new(), department.unwrap_or_default())
    };
    let reply = (parent.is_none() && !deleted).then(|| {
        view! {
            <details class="reply" open=failed>
                <summary>{t.reply_as}</summary>
                <form method="post" action={<ReplyAsMunicipality as ServerFn>::PATH} class="stack">
                    <input type="hidden" name="idea" value=idea />
                    <input type="hidden" name="reply_to" value=id />
                    <div class="field">
                        <label for=reply_field.clone()>{t.reply_as_label}</label>
                        <textarea
                            id=reply_field
                            name="text"
                            rows="3"
                            maxlength="1500"
                            aria-invalid=failed.then_some("true")
                        >
                            {crate::components::raw_text(&typed_reply)}
                        </textarea>
                    </div>
                    <div class="field">
                        <label for=department_field.clone()>{t.department_label}</label>
                        <p class="hint" id=format!("{department_field}-hint")>
                            {t.department_hint}
                        </p>
                        <input
                            type="text"
                            id=department_field.clone()
                            name="department"
                            maxlength="80"
                            value=typed_department
                            aria-describedby=format!("{department_field}-hint")
                        />
                    </div>
                    <button type="submit" class="button secondary">
                        {t.reply_as}
                    </button>
                </form>
            </details>
        }
    });
    view! {
        <li class:replies=parent.is_some()>
            <article class=argument_class(&item) id=format!("argument-{id}")>
                {argument_meta(&item)}
                {if let Some(at) = deleted_at {
                    view! { <p class="placeholder">{(t.deleted)(&format_date(at, locale))}</p> }
                        .into_any()
                } else {
                    view! {
                        <div class="argument-text" lang=lang_if_other(item.language)>
                            {body
                                .split("\n\n")
                                .map(|p| view! { <p>{p.to_owned()}</p> })
                                .collect_view()}
                        </div>
                    }
                        .into_any()
                }}
                {moderation}
            </article>
            {reply}
        </li>
    }
}

/// A moderator's forms for one resident's argument: make it public (labelled approve, keep or
/// restore, as fits its state), and hide it under a debate rule. From the moderation queue
/// (`from_queue`), the forms lead back there.
pub(crate) fn decision_forms(
    idea: i64,
    id: i64,
    publish: Option<&'static str>,
    hide: bool,
    from_queue: bool,
) -> impl IntoView + use<> {
    let t = &use_language().argument;
    let rule_field = format!("rule-{id}");
    let from = from_queue.then(|| view! { <input type="hidden" name="from" value="queue" /> });
    view! {
        {publish
            .map(|label| {
                view! {
                    <form
                        method="post"
                        action={<ModerateArgument as ServerFn>::PATH}
                        class="inline-form"
                    >
                        <input type="hidden" name="idea" value=idea />
                        <input type="hidden" name="argument" value=id />
                        <input type="hidden" name="action" value="publish" />
                        {from.clone()}
                        <button type="submit" class="button secondary">
                            {label}
                        </button>
                    </form>
                }
            })}
        {hide
            .then(|| {
                view! {
                    <form method="post" action={<ModerateArgument as ServerFn>::PATH} class="stack">
                        <input type="hidden" name="idea" value=idea />
                        <input type="hidden" name="argument" value=id />
                        <input type="hidden" name="action" value="hide" />
                        {from.clone()}
                        <div class="field">
                            <label for=rule_field.clone()>{t.rule_label}</label>
                            <select id=rule_field.clone() name="rule">
                                <option value="">{t.rule_choose}</option>
                                {DebateRule::ALL
                                    .iter()
                                    .map(|r| {
                                        view! {
                                            <option value=r.as_str()>{(t.rule_name)(*r)}</option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button secondary">
                            {t.hide}
                        </button>
                    </form>
                }
            })}
    }
}

/// What the moderation page's address says about the last argument decided there.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct QueueForm {
    debate_error: Lenient<StaffDebateProblem>,
}

/// The arguments waiting for a moderator on `/staff/moderation`: each with its words, its
/// idea, its open reports, and the decisions that fit its state.
#[component]
pub fn ArgumentQueue(
    arguments: Vec<klimadialog::argument_moderation::QueuedArgument>,
    waiting: i64,
) -> impl IntoView {
    let t = &use_language().argument;
    let locale = use_locale();
    let problem = read_query::<QueueForm>().debate_error.0;
    let shown = arguments.len() as i64;
    let list = if arguments.is_empty() {
        view! { <p>{t.queue_none}</p> }.into_any()
    } else {
        view! {
            {(waiting > shown).then(|| view! { <p>{(t.queue_more)(shown, waiting)}</p> })}
            <ol class="plain-list stack">
                {arguments.into_iter().map(|a| queued_argument(a, locale)).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="argument-queue-heading" class="stack">
            <h2 id="argument-queue-heading">{t.queue_heading}</h2>
            <p>{t.queue_intro} " " <a href="/debatregler">{t.rules_link}</a></p>
            {problem
                .map(|p| {
                    view! {
                        <p class="notice error" role="alert">
                            {(t.staff_error)(p)}
                        </p>
                    }
                })}
            {list}
        </section>
    }
}

fn queued_argument(
    argument: klimadialog::argument_moderation::QueuedArgument,
    locale: klimadialog::Locale,
) -> impl IntoView {
    let t = &use_language().argument;
    let r = &use_language().report;
    let id = argument.id.0;
    let idea = argument.idea.0;
    let (mark, publish) = match (argument.state, argument.hidden_by_reports) {
        (klimadialog::ModerationState::Pending, _) => (t.waiting_mark.to_owned(), t.approve),
        (_, true) => (t.hidden_by_reports_mark.to_owned(), t.restore),
        _ => ((t.queue_reports)(argument.reports.len() as i64), t.keep),
    };
    view! {
        <li>
            <article class="argument" id=format!("argument-{id}")>
                <p class="argument-meta">
                    {argument
                        .stance
                        .map(|s| {
                            view! {
                                <strong class="stance">{(t.stance_name)(s)}</strong>
                                " "
                            }
                        })} <strong>{mark}</strong> " "
                    <time datetime=argument
                        .created_at
                        .iso_date()>{format_date(argument.created_at, locale)}</time>
                </p>
                <p>
                    {t.queue_under} " "
                    <a href=format!("/staff/ideas/{idea}#argument-{id}")>{argument.idea_title}</a>
                </p>
                <div class="argument-text" lang=lang_if_other(argument.language)>
                    {argument
                        .body
                        .split("\n\n")
                        .map(|p| view! { <p>{p.to_owned()}</p> })
                        .collect_view()}
                </div>
                {(!argument.reports.is_empty())
                    .then(|| {
                        view! {
                            <ul>
                                {argument
                                    .reports
                                    .into_iter()
                                    .map(|(reason, comment)| {
                                        let reason = (r.reason_name)(reason);
                                        let text = match comment {
                                            Some(comment) => format!("{reason}: {comment}"),
                                            None => reason.to_owned(),
                                        };
                                        view! { <li>{text}</li> }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {decision_forms(idea, id, Some(publish), true, true)}
            </article>
        </li>
    }
}
