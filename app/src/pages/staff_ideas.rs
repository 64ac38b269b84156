//! `/staff/ideas`: public ideas with their status, filtered like `/ideas`, each with a form to
//! set a new status and the municipality's answer. Plain forms; the change mails the author and
//! the supporters in the background.

use klimadialog::PublicStatus;
use klimadialog::answer::SETTABLE;
use klimadialog::filter::IdeaFilter;
use klimadialog::listing::IdeaSummary;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use leptos_router::params::Params;

use crate::components::{raw_text, typed_field};
use crate::i18n::{status_name, use_language, use_locale, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::answer::{
    SetIdeaStatus, SetStaffNote, StaffIdeas, StaffIdeasProblem, load_staff_ideas,
};
use crate::server_fns::merge::{MergeEntry, MergeIdea, UndoMerge};
use crate::url::{Lenient, encode_component, read_query};

/// What the staff ideas page's address carries after one of its forms (beside the filter).
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct AfterForm {
    error: Lenient<StaffIdeasProblem>,
    /// The idea the problem is about.
    idea: Lenient<i64>,
    /// The idea whose status was just set.
    done: Lenient<i64>,
    merged: Lenient<String>,
    unmerged: Lenient<String>,
    noted: Lenient<i64>,
}

#[component]
pub fn StaffIdeasPage() -> impl IntoView {
    let t = &use_language().answers;
    let all = use_texts();
    let locale = use_locale();
    let params = use_query_map().read_untracked();
    let filter = IdeaFilter::from_pairs(
        ["status", "q", "page"]
            .into_iter()
            .filter_map(|n| params.get_str(n).map(|v| (n, v))),
    );
    let query: String = filter
        .pairs()
        .into_iter()
        .filter(|(n, _)| *n != "sort")
        .map(|(n, v)| format!("{n}={}", encode_component(&v)))
        .collect::<Vec<_>>()
        .join("&");
    let here = if query.is_empty() {
        "/staff/ideas".to_owned()
    } else {
        format!("/staff/ideas?{query}")
    };
    let after: AfterForm = read_query();
    let error_idea = after.idea.0;
    let error = after.error.0.map(|problem| match problem {
        StaffIdeasProblem::Status => t.error_status,
        StaffIdeasProblem::AnswerRequired => t.error_answer_required,
        StaffIdeasProblem::EnglishAlone => t.error_english_alone,
        StaffIdeasProblem::AnswerInvalid => t.error_answer_invalid,
        StaffIdeasProblem::MergeTarget => t.error_merge_target,
        StaffIdeasProblem::Note => t.error_note,
    });
    let done = after.done.0;
    let just_merged = after.merged.0.is_some() || after.unmerged.0.is_some();
    let noted = after.noted.0;
    let current_status = filter.status.map(|s| s.as_str()).unwrap_or("").to_owned();
    let q = filter.q.clone().unwrap_or_default();
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_staff_ideas(query.clone()).await {
                    Ok(StaffIdeas { page, admin, merges, notes }) => {
                        let pages = page.page_count();
                        let at = page.page;
                        let link = |n: u32| {
                            let f = filter.on_page(n);
                            let q: Vec<String> = f
                                .pairs()
                                .into_iter()
                                .filter(|(k, _)| *k != "sort")
                                .map(|(k, v)| format!("{k}={}", encode_component(&v)))
                                .collect();
                            format!("/staff/ideas?{}", q.join("&"))
                        };
                        view! {
                            <h1>{t.title}</h1>
                            <p>{t.intro}</p>
                            <form method="get" action="/staff/ideas" class="filters">
                                <div class="field">
                                    <label for="staff-status">{t.filter_status}</label>
                                    <select id="staff-status" name="status">
                                        <option value="" selected=current_status.is_empty()>
                                            {t.all}
                                        </option>
                                        {PublicStatus::ALL
                                            .iter()
                                            .map(|s| {
                                                view! {
                                                    <option
                                                        value=s.as_str()
                                                        selected=current_status == s.as_str()
                                                    >
                                                        {status_name(*s, locale)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="staff-q">{t.search}</label>
                                    <input id="staff-q" name="q" type="search" value=q.clone() />
                                </div>
                                <button type="submit" class="button">
                                    {t.show}
                                </button>
                            </form>
                            {if page.ideas.is_empty() {
                                view! { <p>{t.none}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="queue">
                                        {page
                                            .ideas
                                            .into_iter()
                                            .map(|idea| {
                                                let failed = (error_idea == Some(idea.id.0))
                                                    .then_some(error)
                                                    .flatten();
                                                let saved = done == Some(idea.id.0);
                                                let note = notes
                                                    .iter()
                                                    .find(|(id, _)| *id == idea.id.0)
                                                    .map(|(_, n)| n.clone());
                                                let noted = noted == Some(idea.id.0);
                                                view! {
                                                    <StatusCard
                                                        idea
                                                        back=here.clone()
                                                        failed
                                                        saved
                                                        note
                                                        noted
                                                    />
                                                }
                                            })
                                            .collect_view()}
                                    </ol>
                                }
                                    .into_any()
                            }}
                            <nav class="pager">
                                {(at > 1).then(|| view! { <a href=link(at - 1)>{t.previous}</a> })}
                                {(at < pages).then(|| view! { <a href=link(at + 1)>{t.next}</a> })}
                            </nav>
                            <MergeList merges admin just_merged />
                            <ExportForm filter=filter.clone() admin />
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
    idea: IdeaSummary,
    back: String,
    failed: Option<&'static str>,
    saved: bool,
    note: Option<String>,
    noted: bool,
) -> impl IntoView {
    let t = &use_language().answers;
    let locale = use_locale();
    let id = idea.id.0;
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
        <li class="queue-card" id=format!("idea-{id}")>
            <h2>
                <a href=format!("/ideas/{id}") lang=crate::i18n::lang_if_other(idea.language)>
                    {idea.title.clone()}
                </a>
            </h2>
            <p class="meta">
                {t.current}": "<strong>{status_name(idea.status, locale)}</strong> " · "
                <span lang=crate::i18n::danish_lang()>{idea.area_name.clone()}</span>" · "
                {supporters}
            </p>
            {saved
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.saved}
                        </p>
                    }
                })}
            {failed
                .map(|m| {
                    view! {
                        <p class="notice error" role="alert" id=format!("status-error-{id}")>
                            {m}
                        </p>
                    }
                })}
            <details open=failed.is_some()>
                <summary>{t.set_status}</summary>
                <form method="post" action={<SetIdeaStatus as ServerFn>::PATH} class="stack">
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
            </details>
            <details open=noted || failed == Some(t.error_note)>
                <summary>{t.note}</summary>
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
            </details>
            <form method="post" action={<MergeIdea as ServerFn>::PATH} class="inline-form merge">
                <input type="hidden" name="idea" value=id />
                <input type="hidden" name="back" value=back_for_merge />
                <label for=format!("merge-{id}")>{t.merge_label}</label>
                <input
                    id=format!("merge-{id}")
                    name="into"
                    type="text"
                    inputmode="numeric"
                    size="6"
                    aria-describedby=format!("merge-hint-{id}")
                />
                <button type="submit" class="button secondary">
                    {t.merge}
                </button>
                <p id=format!("merge-hint-{id}") class="hint">
                    {t.merge_hint}
                </p>
            </form>
        </li>
    }
}

/// Downloads of the filtered ideas: a plain GET form, so the filter travels in the address.
#[component]
fn ExportForm(filter: IdeaFilter, admin: bool) -> impl IntoView {
    let t = &use_language().answers;
    let hidden = filter
        .pairs()
        .into_iter()
        .filter(|(n, _)| !matches!(*n, "sort" | "page"))
        .map(|(n, v)| view! { <input type="hidden" name=n value=v /> })
        .collect_view();
    let format = |value: &'static str, label: &'static str| {
        let id = format!("export-{value}");
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="format"
                    value=value
                    checked=value == "csv"
                />
                // A file format's name is a name, the same in every language.
                <label for=id translate="no">
                    {label}
                </label>
            </div>
        }
    };
    view! {
        <section aria-labelledby="export-heading" class="export">
            <h2 id="export-heading">{t.export}</h2>
            <p>{t.export_intro}</p>
            <ul class="plain-list">
                // (extension, label, whether the label is a format's name, query)
                {[
                    ("csv", "CSV", true, None),
                    ("csv", t.csv_comma, false, Some("separator=comma")),
                    ("xlsx", "Excel (XLSX)", true, None),
                    ("geojson", "GeoJSON", true, None),
                    ("json", "JSON", true, None),
                ]
                    .map(|(ext, label, name, extra)| {
                        let query: Vec<String> = filter
                            .pairs()
                            .into_iter()
                            .filter(|(n, _)| !matches!(*n, "sort" | "page"))
                            .map(|(n, v)| format!("{n}={}", encode_component(&v)))
                            .chain(extra.map(str::to_owned))
                            .collect();
                        view! {
                            <li>
                                <a
                                    href=format!("/staff/export/ideas.{ext}?{}", query.join("&"))
                                    download=""
                                >
                                    {t.download}
                                    " "
                                    <span translate=name.then_some("no")>{label}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {admin
                .then(|| {
                    view! {
                        <form method="get" action="/staff/export/ideas" class="stack">
                            {hidden}
                            <fieldset>
                                <legend>{t.format}</legend>
                                {format("csv", "CSV")}
                                {format("xlsx", "Excel (XLSX)")}
                                {format("geojson", "GeoJSON")}
                                {format("json", "JSON")}
                            </fieldset>
                            <div class="choice">
                                <input
                                    type="checkbox"
                                    id="export-contact"
                                    name="contact"
                                    value="1"
                                    aria-describedby="export-contact-hint"
                                />
                                <label for="export-contact">{t.include_contact}</label>
                            </div>
                            <p id="export-contact-hint" class="hint">
                                {t.include_contact_hint}
                            </p>
                            <button type="submit" class="button secondary">
                                {t.download}
                            </button>
                        </form>
                    }
                })}
        </section>
    }
}

/// The latest merges, each undoable by an admin.
#[component]
fn MergeList(merges: Vec<MergeEntry>, admin: bool, just_merged: bool) -> impl IntoView {
    let t = &use_language().answers;
    (!merges.is_empty() || just_merged).then(|| view! {
        <section id="merges" aria-labelledby="merges-heading">
            <h2 id="merges-heading">{t.merges}</h2>
            {just_merged
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.merged_done}
                        </p>
                    }
                })}
            <ul class="plain-list">
                {merges
                    .into_iter()
                    .map(|m| {
                        view! {
                            <li>
                                <a href=format!(
                                    "/ideas/{}",
                                    m.into_idea,
                                )>{(t.merged_into)(&m.from_title, &m.into_title)}</a>
                                {m.undone.then(|| format!(" ({})", t.undone))}
                                {(admin && !m.undone)
                                    .then(|| {
                                        view! {
                                            <form
                                                method="post"
                                                action={<UndoMerge as ServerFn>::PATH}
                                                class="inline-form"
                                            >
                                                <input type="hidden" name="merge" value=m.id />
                                                <button
                                                    type="submit"
                                                    class="button secondary"
                                                    aria-label=format!("{}: {}", t.undo, m.from_title)
                                                >
                                                    {t.undo}
                                                </button>
                                            </form>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    })
}
