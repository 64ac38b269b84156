//! `/staff/ideas/{id}`: one idea for staff, in any moderation state: set its status with the
//! municipality's answer (public ideas only), keep an internal note, merge it into another.
//! Plain forms; a status change mails the author and the supporters in the background.

use klimadialog::answer::SETTABLE;
use klimadialog::listing::IdeaDetail;
use klimadialog::staff_ideas::StaffRow;
use klimadialog::{ModerationState, PublicStatus};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use leptos_router::params::Params;

use crate::components::argument_moderation::StaffDebatePanel;
use crate::components::{raw_text, typed_field};
use crate::i18n::{status_name, use_language, use_locale, use_texts};
use crate::pages::set_status;
use crate::pages::staff::StaffRefusal;
use crate::server_fns::answer::{SetIdeaStatus, SetStaffNote, StaffIdeasProblem};
use crate::server_fns::merge::MergeIdea;
use crate::server_fns::staff_ideas::{StaffIdea, load_staff_idea};
use crate::url::{Lenient, encode_component, read_query};

/// What the page's address carries: the merge search and choice, and what one of its forms did.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct AfterForm {
    merge_q: Lenient<String>,
    into: Lenient<i64>,
    error: Lenient<StaffIdeasProblem>,
    /// The idea whose status was just set.
    done: Lenient<i64>,
    noted: Lenient<i64>,
}

#[component]
pub fn StaffIdeaPage() -> impl IntoView {
    let t = &use_language().answers;
    let s = &use_language().staff_ideas;
    let all = use_texts();
    let id: i64 = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
        .unwrap_or(0);
    let after: AfterForm = read_query();
    let failed = after.error.0.map(|problem| match problem {
        StaffIdeasProblem::Status => t.error_status,
        StaffIdeasProblem::AnswerRequired => t.error_answer_required,
        StaffIdeasProblem::EnglishAlone => t.error_english_alone,
        StaffIdeasProblem::AnswerInvalid => t.error_answer_invalid,
        StaffIdeasProblem::MergeTarget => t.error_merge_target,
        StaffIdeasProblem::Note => t.error_note,
        StaffIdeasProblem::NoAction => t.error_no_action,
    });
    let saved = after.done.0 == Some(id);
    let merge_q = after.merge_q.0.clone().unwrap_or_default();
    let into = after.into.0;
    let noted = after.noted.0 == Some(id);
    view! {
        <Meta name="robots" content="noindex" />
        <p>
            <a href="/staff/ideas">{s.back_to_table}</a>
        </p>
        <Suspense>
            {Suspend::new(async move {
                let searched = (!merge_q.trim().is_empty()).then(|| merge_q.clone());
                match load_staff_idea(id, searched, into).await {
                    Ok(Some(StaffIdea { row, note, merge_matches, merge_pair })) => {
                        let merge = Merge {
                            query: merge_q.clone(),
                            matches: merge_matches,
                            pair: merge_pair,
                            failed: failed == Some(t.error_merge_target),
                        };
                        view! {
                            <Title text=format!("{} – {}", row.title, all.site_name) />
                            <StatusCard
                                idea=row
                                merge
                                back=format!("/staff/ideas/{id}")
                                failed
                                saved
                                note
                                noted
                            />
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        set_status(404);
                        view! {
                            <Title text=format!("{} – {}", s.not_found, all.site_name) />
                            <h1>{s.not_found}</h1>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff/ideas" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StatusCard(
    idea: StaffRow,
    merge: Merge,
    back: String,
    failed: Option<&'static str>,
    saved: bool,
    note: Option<String>,
    noted: bool,
) -> impl IntoView {
    let t = &use_language().answers;
    let s = &use_language().staff_ideas;
    let locale = use_locale();
    let id = idea.id;
    // Only a public idea that is not merged away gets a status or is merged.
    let answerable =
        idea.moderation == ModerationState::Published && idea.status != PublicStatus::Merged;
    let back_for_merge = back.clone();
    let back_for_note = back.clone();
    // After a refused note, what was typed; otherwise the stored note.
    let note_text = if failed == Some(t.error_note) {
        typed_field("note")
    } else {
        note.unwrap_or_default()
    };
    let (typed_da, typed_en) = if failed.is_some() {
        (typed_field("answer_da"), typed_field("answer_en"))
    } else {
        Default::default()
    };
    let answer_hint = {
        let names: Vec<&str> = SETTABLE
            .iter()
            .filter(|s| s.requires_answer())
            .map(|s| status_name(*s, locale))
            .collect();
        (t.answer_da_hint)(&names)
    };
    let supporters = (crate::i18n::use_texts().supports)(idea.supports);
    let reports = (s.open_reports)(idea.open_reports);
    let status_choice = |status: PublicStatus| {
        let input_id = format!("status-{id}-{}", status.as_str());
        view! {
            <div class="choice">
                <input type="radio" id=input_id.clone() name="status" value=status.as_str() />
                <label for=input_id>{status_name(status, locale)}</label>
            </div>
        }
    };
    view! {
        <section class="queue-card" id=format!("idea-{id}") aria-labelledby="idea-title">
            <h1 id="idea-title" lang=crate::i18n::lang_if_other(idea.language)>
                {idea.title.clone()}
            </h1>
            <p class="meta">
                {t.current}": "<strong>{status_name(idea.status, locale)}</strong> " · "
                {(s.moderation_name)(idea.moderation)} " · "
                <span lang=crate::i18n::danish_lang()>{idea.area_name.clone()}</span>" · "
                {supporters} " · " {reports}
            </p>
            <p>
                {answerable.then(|| view! { <a href=format!("/ideas/{id}")>{s.public_page}</a> })}
            </p>
            {(!answerable && idea.moderation != ModerationState::Published)
                .then(|| {
                    view! {
                        <p class="notice">
                            {s.not_public} " " <a href="/staff/moderation">{s.to_moderation}</a>
                        </p>
                    }
                })}
            {saved
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.saved}
                        </p>
                    }
                })}
            // A refused merge says so in its own section.
            {failed
                .filter(|m| *m != t.error_merge_target)
                .map(|m| {
                    view! {
                        <p class="notice error" role="alert" id=format!("status-error-{id}")>
                            {m}
                        </p>
                    }
                })}
            {answerable
                .then(|| {
                    view! {
                        <section aria-labelledby="set-status">
                            <h2 id="set-status">{t.set_status}</h2>
                            <form
                                method="post"
                                action={<SetIdeaStatus as ServerFn>::PATH}
                                class="stack"
                            >
                                <input type="hidden" name="idea" value=id />
                                <input type="hidden" name="back" value=back />
                                <fieldset>
                                    <legend>{t.status_legend}</legend>
                                    {SETTABLE.iter().map(|s| status_choice(*s)).collect_view()}
                                </fieldset>
                                <div class="field">
                                    <label for=format!("answer-da-{id}")>{t.answer_da}</label>
                                    <p id=format!("answer-da-hint-{id}") class="hint">
                                        {answer_hint.clone()}
                                    </p>
                                    <textarea
                                        id=format!("answer-da-{id}")
                                        name="answer_da"
                                        rows="4"
                                        maxlength="4000"
                                        aria-describedby=format!("answer-da-hint-{id}")
                                        aria-invalid=failed.map(|_| "true")
                                    >
                                        {raw_text(&typed_da)}
                                    </textarea>
                                </div>
                                <div class="field">
                                    <label for=format!("answer-en-{id}")>{t.answer_en}</label>
                                    <textarea
                                        id=format!("answer-en-{id}")
                                        name="answer_en"
                                        rows="3"
                                        maxlength="4000"
                                    >
                                        {raw_text(&typed_en)}
                                    </textarea>
                                </div>
                                <button type="submit" class="button">
                                    {t.save}
                                </button>
                            </form>
                        </section>
                    }
                })}
            <section aria-labelledby="note-heading">
                <h2 id="note-heading">{t.note}</h2>
                {noted
                    .then(|| {
                        view! {
                            <p class="notice" role="status">
                                {t.note_saved}
                            </p>
                        }
                    })}
                <form method="post" action={<SetStaffNote as ServerFn>::PATH} class="stack">
                    <input type="hidden" name="idea" value=id />
                    <input type="hidden" name="back" value=back_for_note />
                    <div class="field">
                        <label for=format!("note-{id}")>{t.note}</label>
                        <p id=format!("note-hint-{id}") class="hint">
                            {t.note_hint}
                        </p>
                        <textarea
                            id=format!("note-{id}")
                            name="note"
                            rows="3"
                            maxlength="4000"
                            aria-describedby=format!("note-hint-{id}")
                        >
                            {raw_text(&note_text)}
                        </textarea>
                    </div>
                    <button type="submit" class="button secondary">
                        {t.save_note}
                    </button>
                </form>
            </section>
            {answerable.then(|| view! { <MergeSection id back=back_for_merge merge /> })}
            {answerable
                .then(|| view! { <crate::components::plan_links::StaffPlanPanel idea=id /> })}
            {answerable.then(|| view! { <StaffDebatePanel idea=id /> })}
        </section>
    }
}

/// The merge search as the page's address gives it, and what it found.
struct Merge {
    query: String,
    matches: Vec<StaffRow>,
    pair: Option<(IdeaDetail, IdeaDetail)>,
    failed: bool,
}

/// Merging this idea into another: search by title, choose, see both side by side, confirm.
/// Plain GET links and one POST form, so it works without JavaScript.
#[component]
fn MergeSection(id: i64, back: String, merge: Merge) -> impl IntoView {
    let t = &use_language().answers;
    let all = use_texts();
    let Merge {
        query,
        matches,
        pair,
        failed,
    } = merge;
    let searched = !query.trim().is_empty();
    let choose = |other: i64| {
        format!(
            "/staff/ideas/{id}?merge_q={}&into={other}#merge",
            encode_component(&query)
        )
    };
    let results = (searched && pair.is_none()).then(|| {
        if matches.is_empty() {
            view! { <p role="status">{t.merge_none}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list merge-matches">
                    {matches
                        .into_iter()
                        .map(|other| {
                            view! {
                                <li>
                                    <a
                                        href=choose(other.id)
                                        lang=crate::i18n::lang_if_other(other.language)
                                    >
                                        {other.title}
                                    </a>
                                    " · "
                                    {(all.supports)(other.supports)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    });
    let side = |heading: &'static str, idea: &IdeaDetail| {
        let summary = &idea.summary;
        let (category, category_lang) = crate::i18n::name_in_page_language(&summary.category_name);
        view! {
            <article class="merge-side">
                <h3>{heading}</h3>
                <p lang=crate::i18n::lang_if_other(summary.language)>
                    <strong>{summary.title.clone()}</strong>
                </p>
                <p class="meta">
                    <span lang=category_lang>{category}</span>
                    " · "
                    <span lang=crate::i18n::danish_lang()>{summary.area_name.clone()}</span>
                    " · "
                    {(all.supports)(summary.supports)}
                </p>
                <p class="description" lang=crate::i18n::lang_if_other(summary.language)>
                    {idea.description.clone()}
                </p>
            </article>
        }
    };
    let confirm = pair.map(|(this, kept)| {
        let kept_id = kept.summary.id.0;
        let kept_title = kept.summary.title.clone();
        view! {
            <div class="merge-pair">{side(t.merge_this, &this)} {side(t.merge_kept, &kept)}</div>
            <form method="post" action={<MergeIdea as ServerFn>::PATH} class="stack">
                <input type="hidden" name="idea" value=id />
                <input type="hidden" name="into" value=kept_id />
                <input type="hidden" name="back" value=back />
                <button type="submit" class="button">
                    {(t.merge_confirm)(&kept_title)}
                </button>
            </form>
        }
    });
    view! {
        <section id="merge" aria-labelledby="merge-heading">
            <h2 id="merge-heading">{t.merge_heading}</h2>
            <p class="hint" id="merge-hint">
                {t.merge_hint}
            </p>
            {failed
                .then(|| {
                    view! {
                        <p class="notice error" role="alert">
                            {t.error_merge_target}
                        </p>
                    }
                })}
            <form method="get" action=format!("/staff/ideas/{id}#merge") class="inline-form">
                <label for="merge-q">{t.merge_search}</label>
                <input
                    id="merge-q"
                    name="merge_q"
                    type="search"
                    value=query.clone()
                    aria-describedby="merge-hint"
                />
                <button type="submit" class="button secondary">
                    {t.merge_find}
                </button>
            </form>
            {results}
            {confirm}
        </section>
    }
}
