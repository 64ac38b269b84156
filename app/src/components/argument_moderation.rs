//! An idea's debate on its staff page: every argument and reply, hidden ones with their words;
//! hiding one under a debate rule or making it public again; replying as the municipality; and
//! closing the debate with a conclusion or opening it again. Plain forms, so it works without
//! JavaScript; what the last form did comes back in the address.

use klimadialog::argument::{Author, DebateRule, Shown, StaffArgument, StaffDebateProblem};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::components::argument::{argument_class, argument_meta};
use crate::i18n::{format_date, lang_if_other, use_language, use_locale};
use crate::server_fns::argument::{
    CloseDebate, ModerateArgument, ReplyAsMunicipality, StaffDebate, load_staff_debate,
};
use crate::url::{Lenient, read_query};

/// What the staff page's address says about the last debate form.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct DebateForm {
    debate: Lenient<String>,
    debate_error: Lenient<StaffDebateProblem>,
}

#[component]
pub fn StaffDebatePanel(idea: i64) -> impl IntoView {
    let t = &use_language().argument;
    let after: DebateForm = read_query();
    let done = after.debate.0.as_deref() == Some("done");
    let problem = after.debate_error.0;
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
                        .map(|debate| view! { <StaffDebateView idea debate problem /> })
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
                        .map(|argument| view! { <StaffArgumentView idea argument /> })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
        {closing}
    }
}

#[component]
fn StaffArgumentView(idea: i64, argument: StaffArgument) -> impl IntoView {
    let t = &use_language().argument;
    let locale = use_locale();
    let StaffArgument {
        item,
        body,
        parent,
        hidden,
    } = argument;
    let id = item.id.0;
    let by_municipality = item.author == Author::Municipality;
    let deleted_at = match item.shown {
        Shown::DeletedByAuthor(at) => Some(at),
        _ => None,
    };
    let deleted = deleted_at.is_some();
    let rule_field = format!("rule-{id}");
    let reply_field = format!("municipality-reply-{id}");
    let moderation = if by_municipality || deleted {
        ().into_any()
    } else if hidden {
        let rule = match &item.shown {
            Shown::Hidden { rule, .. } => DebateRule::parse(rule).map(|r| (t.rule_name)(r)),
            _ => None,
        };
        view! {
            <p>
                <strong>{t.hidden_mark}</strong>
                {rule.map(|r| format!(": {r}"))}
            </p>
            <form method="post" action={<ModerateArgument as ServerFn>::PATH} class="inline-form">
                <input type="hidden" name="idea" value=idea />
                <input type="hidden" name="argument" value=id />
                <input type="hidden" name="action" value="restore" />
                <button type="submit" class="button secondary">
                    {t.restore}
                </button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <form method="post" action={<ModerateArgument as ServerFn>::PATH} class="stack">
                <input type="hidden" name="idea" value=idea />
                <input type="hidden" name="argument" value=id />
                <input type="hidden" name="action" value="hide" />
                <div class="field">
                    <label for=rule_field.clone()>{t.rule_label}</label>
                    <select id=rule_field name="rule">
                        <option value="">{t.rule_choose}</option>
                        {DebateRule::ALL
                            .iter()
                            .map(|r| {
                                view! { <option value=r.as_str()>{(t.rule_name)(*r)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button secondary">
                    {t.hide}
                </button>
            </form>
        }
        .into_any()
    };
    let reply = (parent.is_none() && !deleted).then(|| {
        view! {
            <details class="reply">
                <summary>{t.reply_as}</summary>
                <form method="post" action={<ReplyAsMunicipality as ServerFn>::PATH} class="stack">
                    <input type="hidden" name="idea" value=idea />
                    <input type="hidden" name="reply_to" value=id />
                    <div class="field">
                        <label for=reply_field.clone()>{t.reply_as_label}</label>
                        <textarea id=reply_field name="text" rows="3" maxlength="1500"></textarea>
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
