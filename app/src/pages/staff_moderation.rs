//! `/staff/moderation`: new and reported ideas, oldest first, each with approve, reject and
//! hide. Plain forms: one reason field and a button per action.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::params::Params;

use klimadialog::{ModerationAction, ModerationState};

use crate::components::argument_moderation::ArgumentQueue;
use crate::components::choice_options;
use crate::i18n::{content_lang, lang_if_other, reason_name, use_language, use_locale, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::moderation::{
    CorrectIdea, ModerateIdea, ModerationPage, ModerationProblem, QueueEntry, load_queue,
};
use crate::server_fns::propose::Choice;
use crate::url::{Lenient, read_query};

/// What the moderation page's address carries after a form: the problem and its idea, or done.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct ModerationQuery {
    error: Lenient<ModerationProblem>,
    idea: Lenient<i64>,
    done: Lenient<String>,
}

#[component]
pub fn StaffModerationPage() -> impl IntoView {
    let t = &use_language().staff;
    let all = use_texts();
    let query: ModerationQuery = read_query();
    let error = query.error.0.map(|problem| match problem {
        ModerationProblem::Reason => t.reason_missing,
        ModerationProblem::NotNow => t.not_now,
        ModerationProblem::Title => t.title_invalid,
    });
    let failed_idea = query.idea.0;
    let done = query.done.0.is_some();
    view! {
        <Title text=format!("{} – {}", t.moderation_title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_queue().await {
                    Ok(
                        ModerationPage {
                            queue,
                            waiting,
                            withheld,
                            arguments,
                            arguments_waiting,
                            areas,
                            sectors,
                            themes,
                        },
                    ) => {
                        let choices = CorrectionChoices {
                            areas,
                            sectors,
                            themes,
                        };
                        view! {
                            <h1>{t.moderation_title}</h1>
                            {done
                                .then(|| {
                                    view! {
                                        <p class="notice" role="status">
                                            {t.done}
                                        </p>
                                    }
                                })}
                            {error
                                .map(|m| {
                                    view! {
                                        <p class="notice error" role="alert">
                                            {m}
                                        </p>
                                    }
                                })}
                            {if queue.is_empty() {
                                view! { <p role="status">{t.queue_empty}</p> }.into_any()
                            } else {
                                let shown = queue.len() as i64;
                                view! {
                                    <p role="status">{(t.queue_waiting)(waiting, shown)}</p>
                                    // Shown by public/moderation-keys.js, which makes it true.
                                    <p class="hint" id="queue-keys" hidden>
                                        {t.queue_keys}
                                    </p>
                                    <ol class="queue" data-keys="">
                                        {queue
                                            .into_iter()
                                            .map(|entry| {
                                                view! {
                                                    <QueueCard
                                                        entry
                                                        failed=failed_idea
                                                        choices=choices.clone()
                                                    />
                                                }
                                            })
                                            .collect_view()}
                                    </ol>
                                }
                                    .into_any()
                            }}
                            <ArgumentQueue arguments waiting=arguments_waiting />
                            <section aria-labelledby="withheld-heading">
                                <h2 id="withheld-heading">{t.withheld}</h2>
                                <ul class="plain-list">
                                    {withheld
                                        .into_iter()
                                        .map(|entry| {
                                            let lang = lang_if_other(entry.language);
                                            view! {
                                                <li>
                                                    <a href=format!("/ideas/{}", entry.id) lang=lang>
                                                        {entry.title.clone()}
                                                    </a>
                                                    <form
                                                        method="post"
                                                        action={<ModerateIdea as ServerFn>::PATH}
                                                        class="inline-form"
                                                    >
                                                        <input type="hidden" name="idea" value=entry.id />
                                                        <button
                                                            type="submit"
                                                            name="action"
                                                            value="restore"
                                                            class="button secondary"
                                                            aria-describedby=format!("withheld-{}", entry.id)
                                                        >
                                                            {t.restore}
                                                        </button>
                                                    </form>
                                                    <span
                                                        id=format!("withheld-{}", entry.id)
                                                        class="visually-hidden"
                                                        lang=lang
                                                    >
                                                        {entry.title}
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => {
                        view! { <StaffRefusal error here="/staff/moderation" /> }.into_any()
                    }
                }
            })}
        </Suspense>
        // The queue from the keyboard when JavaScript runs; a module, so it never holds up
        // the page.
        <script type="module" src=crate::assets::href("/moderation-keys.js")></script>
    }
}

/// The lists the correction form chooses from.
#[derive(Clone)]
struct CorrectionChoices {
    areas: Vec<Choice>,
    sectors: Vec<Choice>,
    themes: Vec<Choice>,
}

#[component]
fn QueueCard(entry: QueueEntry, failed: Option<i64>, choices: CorrectionChoices) -> impl IntoView {
    let t = &use_language().staff;
    let locale = use_locale();
    let reason_id = format!("reason-{}", entry.id);
    let invalid = (failed == Some(entry.id)).then_some("true");
    // Only the actions that fit the idea's state: a new idea is approved or rejected, a public
    // one with reports is kept or hidden, one that reports hid is restored or hidden for good.
    let actions: Vec<(ModerationAction, &str, bool)> = match entry.state {
        ModerationState::Pending => vec![
            (ModerationAction::Approve, t.approve, true),
            (ModerationAction::Reject, t.reject, false),
            (ModerationAction::Hide, t.hide, false),
        ],
        ModerationState::Published => vec![
            (ModerationAction::Keep, t.keep, true),
            (ModerationAction::Hide, t.hide, false),
        ],
        ModerationState::Hidden => vec![
            (ModerationAction::Restore, t.restore, true),
            (ModerationAction::Hide, t.hide, false),
        ],
        ModerationState::Rejected => vec![(ModerationAction::Restore, t.restore, true)],
    };
    view! {
        <li class="queue-card" id=format!("idea-{}", entry.id)>
            <h2>
                <a href=format!("/ideas/{}", entry.id) lang=lang_if_other(entry.language)>
                    {entry.title.clone()}
                </a>
            </h2>
            <p class="meta">
                <span lang=crate::i18n::danish_lang()>{entry.area_name.clone()}</span>
                " · "
                <time datetime=entry
                    .created_at
                    .iso_date()>{crate::i18n::format_date(entry.created_at, locale)}</time>
                {(entry.open_reports > 0)
                    .then(|| format!(" · {}", (t.reports)(entry.open_reports)))}
            </p>
            {entry
                .original_title
                .clone()
                .map(|o| view! { <p class="meta">{(t.original_title)(&o)}</p> })}
            <p class="description" lang=lang_if_other(entry.language)>
                {entry.description.clone()}
            </p>
            {entry.hidden_by_reports.then(|| view! { <p class="notice">{t.hidden_by_reports}</p> })}
            {(!entry.reports.is_empty())
                .then(|| {
                    view! {
                        <h3>{t.open_reports}</h3>
                        <ul class="reports">
                            {entry
                                .reports
                                .iter()
                                .map(|(reason, comment)| {
                                    view! {
                                        <li>
                                            <strong>{reason_name(*reason, locale)}</strong>
                                            {comment
                                                .clone()
                                                .map(|c| {
                                                    let lang = content_lang(&c);
                                                    view! {
                                                        ": "
                                                        <q lang=lang>{c}</q>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <form method="post" action={<ModerateIdea as ServerFn>::PATH} class="stack">
                <input type="hidden" name="idea" value=entry.id />
                <label for=reason_id.clone()>{t.reason_label}</label>
                <textarea
                    id=reason_id.clone()
                    name="reason"
                    rows="2"
                    aria-invalid=invalid
                ></textarea>
                <div class="actions">
                    {actions
                        .iter()
                        .map(|(action, label, primary)| {
                            view! {
                                <button
                                    type="submit"
                                    name="action"
                                    value=action.as_str()
                                    class=if *primary { "button" } else { "button secondary" }
                                >
                                    {*label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </form>
            <CorrectionForm entry=entry.clone() choices />
        </li>
    }
}

#[component]
fn CorrectionForm(entry: QueueEntry, choices: CorrectionChoices) -> impl IntoView {
    let t = &use_language().staff;
    let id = entry.id;
    let (sectors_label, themes_label) = (t.sectors, t.themes);
    view! {
        <details class="correct">
            <summary>{t.correct}</summary>
            <form method="post" action={<CorrectIdea as ServerFn>::PATH} class="stack">
                <input type="hidden" name="idea" value=id />
                <div class="field">
                    <label for=format!("title-{id}")>{t.title_label}</label>
                    <input
                        id=format!("title-{id}")
                        name="title"
                        type="text"
                        value=entry.title.clone()
                    />
                </div>
                <div class="field">
                    <label for=format!("category-{id}")>{t.category_label}</label>
                    <select id=format!("category-{id}") name="category">
                        <optgroup label=sectors_label>
                            {choice_options(choices.sectors, Some("sector"), &entry.category)}
                        </optgroup>
                        <optgroup label=themes_label>
                            {choice_options(choices.themes, Some("theme"), &entry.category)}
                        </optgroup>
                    </select>
                </div>
                <div class="field">
                    <label for=format!("area-{id}")>{t.area_label}</label>
                    <select id=format!("area-{id}") name="area">
                        {choice_options(choices.areas, None, &entry.area_slug)}
                    </select>
                </div>
                <button type="submit" class="button secondary">
                    {t.save_correction}
                </button>
            </form>
        </details>
    }
}
