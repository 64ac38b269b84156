//! The debate under an idea: the count of arguments by stance, a form to post one, the
//! arguments (one stance or all, most helpful or newest first, 20 at a time), each with its
//! replies, a reply form and a "helpful" button. Plain forms and links, so everything works
//! without JavaScript; what the last post did comes back in the address.

use klimadialog::argument::{
    ArgumentDraft, ArgumentItem, ArgumentMark, ArgumentOrder, ArgumentProblem, Author, HiddenBy,
    PER_PAGE, Shown, Stance, Thread,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::i18n::{format_date, lang_if_other, use_language, use_locale};
use crate::personal::{SlotKind, personal};
use crate::server_fns::argument::{
    ArgueNotice, DeleteArgument, EditArgument, MarkHelpful, PostArgument, load_debate,
};
use crate::url::{Lenient, encode_component, read_query};

/// What the idea page's address says about its debate.
#[derive(Params, Debug, Clone, Default, PartialEq)]
pub struct DebateQuery {
    pub order: Lenient<ArgumentOrder>,
    pub stance: Lenient<Stance>,
    pub apage: Lenient<u32>,
    pub argued: Lenient<ArgueNotice>,
    pub argument_error: Lenient<ArgumentProblem>,
    pub reply_to: Lenient<i64>,
    /// With `argument_error`: the argument whose edit went back.
    pub edit: Lenient<i64>,
}

impl DebateQuery {
    /// The idea page's address showing this stance, order and page of the debate.
    fn address(idea: i64, stance: Option<Stance>, order: ArgumentOrder, page: u32) -> String {
        let mut query = Vec::new();
        if let Some(stance) = stance {
            query.push(format!("stance={}", stance.as_str()));
        }
        if order != ArgumentOrder::Helpful {
            query.push(format!("order={}", order.as_str()));
        }
        if page > 1 {
            query.push(format!("apage={page}"));
        }
        if query.is_empty() {
            format!("/ideas/{idea}#debate")
        } else {
            format!("/ideas/{idea}?{}#debate", query.join("&"))
        }
    }
}

#[component]
pub fn DebateSection(idea: i64) -> impl IntoView {
    let asked: DebateQuery = read_query();
    let order = asked.order.0.unwrap_or(ArgumentOrder::Helpful);
    let stance = asked.stance.0;
    let page = asked.apage.0.unwrap_or(1).max(1);
    view! {
        <Suspense>
            {Suspend::new({
                let asked = asked.clone();
                async move {
                    load_debate(idea, Some(order), stance, page)
                        .await
                        .ok()
                        .map(|found| {
                            view! {
                                <DebateView
                                    idea
                                    debate=found.debate
                                    signed_in=found.signed_in
                                    draft=found.draft
                                    asked=asked.clone()
                                />
                            }
                        })
                }
            })}
        </Suspense>
        // Posting and marking in place (public/live-debate.js); the forms work without it.
        <script type="module" src=crate::assets::href("/live-debate.js")></script>
    }
}

#[component]
fn DebateView(
    idea: i64,
    debate: klimadialog::argument::Debate,
    signed_in: bool,
    draft: Option<ArgumentDraft>,
    asked: DebateQuery,
) -> impl IntoView {
    let t = &use_language().argument;
    let order = asked.order.0.unwrap_or(ArgumentOrder::Helpful);
    let stance = asked.stance.0;
    let page = asked.apage.0.unwrap_or(1).max(1);
    let pages = u32::try_from((debate.matching + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE))
        .unwrap_or(1)
        .max(1);
    let open = debate.closed.is_none();
    let problem = asked.argument_error.0;
    let reply_to = asked.reply_to.0;
    let edit_failed = asked.edit.0.zip(problem);
    let problem = problem.filter(|_| edit_failed.is_none());
    // A draft from before signing in fills the form it was typed in.
    let draft_reply = draft.as_ref().and_then(|d| d.reply_to);
    let draft_here = draft.clone().filter(|d| d.reply_to.is_none());
    let filter_link = move |s: Option<Stance>, label: &'static str| {
        let current = s == stance;
        view! {
            <li>
                <a
                    href=DebateQuery::address(idea, s, order, 1)
                    aria-current=current.then_some("true")
                >
                    {label}
                </a>
            </li>
        }
    };
    let order_link = move |o: ArgumentOrder, label: &'static str| {
        view! {
            <li>
                <a
                    href=DebateQuery::address(idea, stance, o, 1)
                    aria-current=(o == order).then_some("true")
                >
                    {label}
                </a>
            </li>
        }
    };
    // Only its author sees an argument awaiting review (and the counts with it): a resident who
    // has one here gets the page rendered for them, never the shared one.
    let guard = personal(SlotKind::Debate, idea, 0, |_| ());
    view! {
        {guard}
        <section id="debate" class="debate" aria-labelledby="debate-heading">
            <h2 id="debate-heading">{t.heading}</h2>
            <p class="debate-summary">{(t.summary)(debate.counts)}</p>
            {debate
                .closed
                .clone()
                .map(|(at, conclusion)| {
                    view! {
                        <p>{(t.closed)(&format_date(at, use_locale()))}</p>
                        <blockquote class="answer">
                            <p class="answer-label">{t.conclusion}</p>
                            <p>{conclusion}</p>
                        </blockquote>
                    }
                })}
            {asked
                .argued
                .0
                .map(|notice| {
                    let text = match notice {
                        ArgueNotice::Posted => t.posted,
                        ArgueNotice::Waiting => t.posted_waiting,
                        ArgueNotice::Edited => t.edited_done,
                        ArgueNotice::Deleted => t.deleted_done,
                    };
                    view! {
                        <p class="notice" role="status">
                            {text}
                        </p>
                    }
                })}
            {open
                .then(|| {
                    let next = encode_component(&format!("/ideas/{idea}#debate"));
                    view! {
                        {(!signed_in)
                            .then(|| {
                                view! {
                                    <p>
                                        <a href=format!("/signin?next={next}")>{t.sign_in}</a>
                                    </p>
                                }
                            })}
                        <ArgumentForm
                            idea
                            problem=problem.filter(|_| reply_to.is_none())
                            draft=draft_here.clone()
                            signed_in
                        />
                    }
                })}
            <nav class="debate-filters" aria-label=t.show>
                <ul class="inline-list">
                    {filter_link(None, t.all)}
                    {Stance::ALL
                        .iter()
                        .map(|s| filter_link(Some(*s), (t.stance_name)(*s)))
                        .collect_view()}
                </ul>
            </nav>
            <nav class="debate-order" aria-label=t.order>
                <ul class="inline-list">
                    {order_link(ArgumentOrder::Helpful, t.order_helpful)}
                    {order_link(ArgumentOrder::Newest, t.order_newest)}
                </ul>
            </nav>
            {if debate.threads.is_empty() {
                view! { <p>{t.none}</p> }.into_any()
            } else {
                view! {
                    <ol class="arguments">
                        {debate
                            .threads
                            .into_iter()
                            .map(|thread| {
                                let here = thread.argument.id.0;
                                let draft = draft.clone().filter(|_| draft_reply == Some(here));
                                view! {
                                    <ThreadView
                                        idea
                                        thread
                                        signed_in
                                        open
                                        problem=problem.filter(|_| reply_to == Some(here))
                                        edit_failed
                                        draft
                                    />
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
            {(pages > 1)
                .then(|| {
                    view! {
                        <nav class="pager" aria-label=t.heading>
                            {(page > 1)
                                .then(|| {
                                    view! {
                                        <a href=DebateQuery::address(
                                            idea,
                                            stance,
                                            order,
                                            page - 1,
                                        )>{t.previous}</a>
                                    }
                                })}
                            {(page < pages)
                                .then(|| {
                                    view! {
                                        <a href=DebateQuery::address(
                                            idea,
                                            stance,
                                            order,
                                            page + 1,
                                        )>{t.next}</a>
                                    }
                                })}
                        </nav>
                    }
                })}
        </section>
    }
}

/// The form for a new argument: its stance and its words. A visitor who is not signed in
/// may type first; sending leads through sign-in and back here, the words kept.
#[component]
fn ArgumentForm(
    idea: i64,
    problem: Option<ArgumentProblem>,
    draft: Option<ArgumentDraft>,
    signed_in: bool,
) -> impl IntoView {
    let t = &use_language().argument;
    let waiting = draft.is_some();
    let chosen = draft.as_ref().and_then(|d| d.stance);
    let typed = form_text(draft, problem);
    let error = problem.is_some();
    view! {
        <form method="post" action={<PostArgument as ServerFn>::PATH} class="stack" id="argue">
            <input type="hidden" name="idea" value=idea />
            {form_notices(waiting, problem, Some("argue-error"))}
            <fieldset>
                <legend>{t.stance_legend}</legend>
                {Stance::ALL
                    .iter()
                    .map(|s| {
                        let id = format!("stance-{}", s.as_str());
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name="stance"
                                    value=s.as_str()
                                    checked=chosen == Some(*s)
                                />
                                <label for=id>{(t.stance_choice)(*s)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field">
                <label for="argument-text">{t.text_label}</label>
                <p class="hint" id="argument-hint">
                    {t.text_hint}
                    " "
                    <a href="/debatregler">{t.rules_link}</a>
                </p>
                <textarea
                    id="argument-text"
                    name="text"
                    rows="4"
                    maxlength="1500"
                    aria-describedby=if error {
                        "argument-hint argue-error"
                    } else {
                        "argument-hint"
                    }
                    aria-invalid=error.then_some("true")
                >
                    {crate::components::raw_text(&typed)}
                </textarea>
            </div>
            {(!signed_in).then(|| view! { <p class="hint">{t.signed_out_hint}</p> })}
            <button type="submit" class="button">
                {t.send}
            </button>
        </form>
    }
}

#[component]
fn ThreadView(
    idea: i64,
    thread: Thread,
    signed_in: bool,
    open: bool,
    problem: Option<ArgumentProblem>,
    draft: Option<ArgumentDraft>,
    edit_failed: Option<(i64, ArgumentProblem)>,
) -> impl IntoView {
    let t = &use_language().argument;
    let parent = thread.argument.id.0;
    let can_reply = open && matches!(thread.argument.shown, Shown::Text(_));
    let waiting = draft.is_some();
    let typed = form_text(draft, problem);
    let field = format!("reply-text-{parent}");
    view! {
        <li>
            {argument_part(idea, thread.argument, edit_failed, signed_in)}
            {(!thread.replies.is_empty())
                .then(|| {
                    view! {
                        <ol class="replies">
                            {thread
                                .replies
                                .into_iter()
                                .map(|reply| {
                                    view! {
                                        <li>
                                            {argument_part(idea, reply, edit_failed, signed_in)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })}
            {can_reply
                .then(|| {
                    view! {
                        <details class="reply" open=problem.is_some() || waiting>
                            <summary>{t.reply}</summary>
                            <form
                                method="post"
                                action={<PostArgument as ServerFn>::PATH}
                                class="stack"
                                id=format!("argue-{parent}")
                            >
                                <input type="hidden" name="idea" value=idea />
                                <input type="hidden" name="reply_to" value=parent />
                                {form_notices(waiting, problem, None)}
                                <div class="field">
                                    <label for=field.clone()>{t.reply_label}</label>
                                    <textarea id=field name="text" rows="3" maxlength="1500">
                                        {crate::components::raw_text(&typed)}
                                    </textarea>
                                </div>
                                {(!signed_in)
                                    .then(|| view! { <p class="hint">{t.signed_out_hint}</p> })}
                                <button type="submit" class="button secondary">
                                    {t.send_reply}
                                </button>
                            </form>
                        </details>
                    }
                })}
        </li>
    }
}

/// An argument as its reader sees it: their helpful mark, or their own edit and delete (a part
/// of the page that is each resident's own, see `personal`).
fn argument_part(
    idea: i64,
    item: ArgumentItem,
    edit_failed: Option<(i64, ArgumentProblem)>,
    signed_in: bool,
) -> AnyView {
    let actual = ArgumentMark::ALL
        .iter()
        .position(|m| *m == ArgumentMark::of_item(&item))
        .unwrap_or(0);
    personal(
        SlotKind::Argument,
        item.id.0,
        u8::try_from(actual).unwrap_or(0),
        move |variant| {
            let mut item = item.clone();
            ArgumentMark::ALL[usize::from(variant)].apply(&mut item);
            view! { <ArgumentView idea item edit_failed signed_in /> }
        },
    )
}

#[component]
fn ArgumentView(
    idea: i64,
    item: ArgumentItem,
    edit_failed: Option<(i64, ArgumentProblem)>,
    signed_in: bool,
) -> impl IntoView {
    let t = &use_language().argument;
    let locale = use_locale();
    let body = match &item.shown {
        Shown::Text(text) => view! {
            <div class="argument-text" lang=lang_if_other(item.language)>
                {text.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        }
        .into_any(),
        Shown::DeletedByAuthor(at) => {
            view! { <p class="placeholder">{(t.deleted)(&format_date(*at, locale))}</p> }.into_any()
        }
        Shown::Hidden {
            at,
            by: HiddenBy::Rule(rule),
        } => {
            // The rule by its name in the reader's language, linked to where it is explained.
            view! {
                <p class="placeholder">
                    <a href=format!(
                        "/debatregler#rule-{}",
                        rule.as_str(),
                    )>{(t.hidden)(&format_date(*at, locale), (t.rule_name)(*rule))}</a>
                </p>
            }
            .into_any()
        }
        Shown::Hidden {
            at,
            by: HiddenBy::Reports,
        } => {
            view! { <p class="placeholder">{(t.hidden_by_reports)(&format_date(*at, locale))}</p> }
                .into_any()
        }
        Shown::Waiting(text) => view! {
            <p class="notice">{t.waiting}</p>
            <div class="argument-text" lang=lang_if_other(item.language)>
                {text.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
        }
        .into_any(),
    };
    // Residents' words may be reported by other residents; the municipality's may not.
    let reportable = !item.mine
        && matches!(item.shown, Shown::Text(_))
        && !matches!(item.author, Author::Municipality { .. });
    // Marking leads a visitor who is not signed in through sign-in and back.
    let markable = !item.mine && matches!(item.shown, Shown::Text(_));
    let failed = edit_failed
        .filter(|(id, _)| *id == item.id.0)
        .map(|(_, p)| p);
    let own = own_actions(idea, &item, failed);
    let helpful = (t.helpful)(item.helpful);
    view! {
        <article class=argument_class(&item) id=format!("argument-{}", item.id.0)>
            {argument_meta(&item)}
            {body}
            {if markable {
                view! {
                    <form
                        method="post"
                        action={<MarkHelpful as ServerFn>::PATH}
                        class="inline-form"
                    >
                        <input type="hidden" name="idea" value=idea />
                        <input type="hidden" name="argument" value=item.id.0 />
                        <input
                            type="hidden"
                            name="helpful"
                            value=if item.helped { "false" } else { "true" }
                        />
                        <button
                            type="submit"
                            class="button secondary helpful"
                            aria-pressed=if item.helped { "true" } else { "false" }
                        >
                            {helpful}
                        </button>
                    </form>
                }
                    .into_any()
            } else {
                view! { <p class="helpful-count">{helpful}</p> }.into_any()
            }}
            {own}
            {reportable
                .then(|| {
                    view! {
                        <crate::components::argument_report::ArgumentReport
                            idea
                            argument=item.id.0
                            signed_in
                        />
                    }
                })}
        </article>
    }
}

/// The author's own argument: edit it within the window, delete it any time.
fn own_actions(
    idea: i64,
    item: &ArgumentItem,
    failed: Option<ArgumentProblem>,
) -> impl IntoView + use<> {
    let t = &use_language().argument;
    let id = item.id.0;
    let current = match &item.shown {
        Shown::Text(text) | Shown::Waiting(text) if item.mine => text.clone(),
        _ => return None,
    };
    let field = format!("edit-text-{id}");
    let edit = item.editable.then(|| {
        // A refused edit comes back open, with the words as typed and why.
        let text = match failed {
            Some(_) => crate::components::typed_field("argument_text"),
            None => current,
        };
        view! {
            <details class="reply" open=failed.is_some()>
                <summary>{t.edit}</summary>
                {failed
                    .map(|p| {
                        view! {
                            <p class="notice error" role="alert">
                                {(t.error)(p)}
                            </p>
                        }
                    })}
                <form method="post" action={<EditArgument as ServerFn>::PATH} class="stack">
                    <input type="hidden" name="idea" value=idea />
                    <input type="hidden" name="argument" value=id />
                    <div class="field">
                        <label for=field.clone()>{t.edit_label}</label>
                        <textarea id=field name="text" rows="4" maxlength="1500">
                            {crate::components::raw_text(&text)}
                        </textarea>
                    </div>
                    <button type="submit" class="button secondary">
                        {t.save_edit}
                    </button>
                </form>
            </details>
        }
    });
    Some(view! {
        {edit}
        <form method="post" action={<DeleteArgument as ServerFn>::PATH} class="inline-form">
            <input type="hidden" name="idea" value=idea />
            <input type="hidden" name="argument" value=id />
            <button type="submit" class="button secondary">
                {t.delete}
            </button>
        </form>
    })
}

/// Who wrote an argument, as readers (and staff) see it.
pub(crate) fn author_name(author: &Author) -> String {
    let t = &use_language().argument;
    match author {
        Author::Resident(Some(name)) => name.clone(),
        Author::Resident(None) => t.resident.to_owned(),
        Author::Former => t.former.to_owned(),
        Author::Municipality { .. } => crate::config::site_config().municipality,
    }
}

/// An argument's classes: its stance's colour, and the municipality's highlight.
pub(crate) fn argument_class(item: &ArgumentItem) -> String {
    format!(
        "argument{}{}",
        item.stance
            .map(|s| format!(" stance-{}", s.as_str()))
            .unwrap_or_default(),
        if matches!(item.author, Author::Municipality { .. }) {
            " municipality"
        } else {
            ""
        },
    )
}

/// The line above an argument: its stance, who wrote it (the municipality with its badge),
/// when, and whether it was edited.
pub(crate) fn argument_meta(item: &ArgumentItem) -> impl IntoView + use<> {
    let t = &use_language().argument;
    let department = match &item.author {
        Author::Municipality { department } => Some(department.clone()),
        _ => None,
    };
    view! {
        <p class="argument-meta">
            {item
                .stance
                .map(|s| {
                    view! {
                        <strong class="stance">{(t.stance_name)(s)}</strong>
                        " "
                    }
                })} <span class="author">{author_name(&item.author)}</span>
            {department
                .map(|department| {
                    view! {
                        {department
                            .map(|d| view! { <span class="department">{format!(", {d}")}</span> })}
                        " "
                        <span class="badge">{t.official}</span>
                    }
                })} " "
            <time datetime=item
                .created_at
                .iso_date()>{format_date(item.created_at, use_locale())}</time>
            {item.edited.then(|| format!(" ({})", t.edited))}
        </p>
    }
}

/// What a debate form shows in its field: the draft from before signing in, else what was
/// typed when the form came back with a problem, else nothing.
fn form_text(draft: Option<ArgumentDraft>, problem: Option<ArgumentProblem>) -> String {
    match draft {
        Some(draft) => draft.text,
        None if problem.is_some() => crate::components::typed_field("argument_text"),
        None => String::new(),
    }
}

/// Above a debate form: that a draft from before signing in waits, and why it came back.
fn form_notices(
    waiting: bool,
    problem: Option<ArgumentProblem>,
    error_id: Option<&'static str>,
) -> impl IntoView + use<> {
    let t = &use_language().argument;
    view! {
        {waiting
            .then(|| {
                view! {
                    <p class="notice" role="status">
                        {t.draft_waiting}
                    </p>
                }
            })}
        {problem
            .map(|p| {
                view! {
                    <p class="notice error" role="alert" id=error_id>
                        {(t.error)(p)}
                    </p>
                }
            })}
    }
}
