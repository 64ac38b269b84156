//! The staff table's batch form: which ideas (the ticked rows, or all the filter matches, with
//! their count to confirm), one action and its fields, and what the last batch did. Part of
//! the table's POST form; `forms/batch.rs` carries it out.

use klimadialog::answer::SETTABLE;
use klimadialog::batch::{BatchError, BatchKind, BatchRefusal};
use klimadialog::staff_ideas::{PER_PAGE, StaffFilter};
use leptos::prelude::*;
use leptos_router::params::Params;

use crate::components::{choice_options, raw_text, typed_field};
use crate::i18n::{status_name, use_language, use_locale};
use crate::server_fns::propose::Choice;
use crate::url::Lenient;

/// What the table's address carries after a batch.
#[derive(Params, Debug, Clone, Default, PartialEq)]
pub struct BatchOutcome {
    pub batch_done: Lenient<BatchKind>,
    pub changed: Lenient<i64>,
    pub batch_error: Lenient<BatchError>,
    /// With `count_changed`: how many ideas the filter matches now, and the count confirmed.
    pub matching: Lenient<i64>,
    pub confirmed: Lenient<i64>,
    /// `id.reason` pairs, comma-separated, of the first refused ideas.
    pub refused: Lenient<String>,
    pub refused_all: Lenient<i64>,
}

impl BatchOutcome {
    fn refusals(&self) -> Vec<(i64, BatchRefusal)> {
        self.refused
            .0
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(|pair| {
                let (id, why) = pair.split_once('.')?;
                Some((id.parse().ok()?, BatchRefusal::parse(why)?))
            })
            .collect()
    }
}

#[component]
pub fn BatchPanel(
    /// How many ideas the filter matches.
    total: i64,
    /// The table's filter: its rows are "all that match", and an export without ticks.
    filter: StaffFilter,
    outcome: BatchOutcome,
    areas: Vec<Choice>,
    sectors: Vec<Choice>,
    themes: Vec<Choice>,
) -> impl IntoView {
    let b = &use_language().batch;
    let answers = &use_language().answers;
    let locale = use_locale();
    let failed = outcome.batch_error.0;
    let (typed_da, typed_en, typed_reason) = if failed.is_some() {
        (
            typed_field("answer_da"),
            typed_field("answer_en"),
            typed_field("reason"),
        )
    } else {
        Default::default()
    };
    let done = outcome.batch_done.0.map(|kind| {
        let mut text = (b.done)(outcome.changed.0.unwrap_or(0));
        if kind == BatchKind::Status {
            text = format!("{text} {}", b.mails_follow);
        }
        view! {
            <p class="notice" role="status">
                {text}
            </p>
        }
    });
    let error = failed.map(|error| {
        let text = match (error, outcome.matching.0, outcome.confirmed.0) {
            (BatchError::CountChanged, Some(now), Some(confirmed)) => {
                (b.count_changed)(now, confirmed)
            }
            _ => (b.error)(error).to_owned(),
        };
        view! {
            <p class="notice error" role="alert">
                {text}
            </p>
        }
    });
    let refusals = outcome.refusals();
    let more = outcome.refused_all.0.unwrap_or(0) - refusals.len() as i64;
    let refused = (!refusals.is_empty()).then(|| {
        view! {
            <div class="notice error" role="alert">
                <p>{b.refused_intro}</p>
                <ul>
                    {refusals
                        .into_iter()
                        .map(|(id, why)| {
                            view! {
                                <li>
                                    <a href=format!("/staff/ideas/{id}")>{(b.idea_number)(id)}</a>
                                    {format!(": {}", (b.refusal)(why))}
                                </li>
                            }
                        })
                        .collect_view()} {(more > 0).then(|| view! { <li>{(b.more)(more)}</li> })}
                </ul>
            </div>
        }
    });
    let (status_label, category_label, area_label, reason_label, action_label) =
        (b.status, b.category, b.area, b.reason, b.action);
    view! {
        <fieldset class="batch stack" id="batch">
            <legend>{b.legend}</legend>
            {done}
            {error}
            {refused}
            <p class="hint" id="batch-hint">
                {b.fields_hint}
            </p>
            <div class="choice">
                <input type="radio" id="scope-ticked" name="scope" value="ticked" checked />
                <label for="scope-ticked">{b.scope_ticked}</label>
            </div>
            <div class="choice">
                <input type="radio" id="scope-all" name="scope" value="all" />
                <label for="scope-all">{(b.scope_all)(total)}</label>
            </div>
            <input type="hidden" name="count" value=total />
            // How many rows are ticked, said by public/staff-table.js from these texts, one
            // for each number a page can have, so the plural rules stay on the server.
            <p
                id="picked"
                class="hint"
                role="status"
                hidden
                data-counts={(0..=i64::from(PER_PAGE)).map(b.picked).collect::<Vec<_>>().join("|")}
            ></p>
            <div class="field">
                <label for="batch-action">{action_label}</label>
                <select id="batch-action" name="action" aria-describedby="batch-hint">
                    {BatchKind::ALL
                        .iter()
                        .map(|kind| {
                            view! { <option value=kind.as_str()>{(b.action_name)(*kind)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field" data-for="status">
                <label for="batch-status">{status_label}</label>
                <select id="batch-status" name="new_status">
                    {SETTABLE
                        .iter()
                        .map(|s| {
                            view! { <option value=s.as_str()>{status_name(*s, locale)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field" data-for="status">
                <label for="batch-answer-da">{answers.answer_da}</label>
                <textarea id="batch-answer-da" name="answer_da" rows="4" maxlength="4000">
                    {raw_text(&typed_da)}
                </textarea>
            </div>
            <div class="field" data-for="status">
                <label for="batch-answer-en">{answers.answer_en}</label>
                <textarea id="batch-answer-en" name="answer_en" rows="3" maxlength="4000">
                    {raw_text(&typed_en)}
                </textarea>
            </div>
            <div class="field" data-for="category">
                <label for="batch-category">{category_label}</label>
                <select id="batch-category" name="new_category">
                    {choice_options(sectors, Some("sector"), "")}
                    {choice_options(themes, Some("theme"), "")}
                </select>
            </div>
            <div class="field" data-for="area">
                <label for="batch-area">{area_label}</label>
                <select id="batch-area" name="new_area">
                    {choice_options(areas, None, "")}
                </select>
            </div>
            <div class="field" data-for="reject hide">
                <label for="batch-reason">{reason_label}</label>
                <p class="hint" id="batch-reason-hint">
                    {b.reason_hint}
                </p>
                <textarea
                    id="batch-reason"
                    name="reason"
                    rows="3"
                    maxlength="1000"
                    aria-describedby="batch-reason-hint"
                >
                    {raw_text(&typed_reason)}
                </textarea>
            </div>
            <button type="submit" class="button">
                {b.run}
            </button>
            // A GET submission drops the action's query: the filter travels as fields.
            {filter
                .rows_only()
                .pairs()
                .into_iter()
                .map(|(n, v)| view! { <input type="hidden" name=n value=v /> })
                .collect_view()}
            <p class="hint">{b.export_hint}</p>
            <div class="actions">
                <button
                    type="submit"
                    class="button secondary"
                    formaction="/staff/export/ideas.csv"
                    formmethod="get"
                >
                    {b.export_csv}
                </button>
                <button
                    type="submit"
                    class="button secondary"
                    formaction="/staff/export/ideas.xlsx"
                    formmethod="get"
                >
                    {b.export_xlsx}
                </button>
            </div>
        </fieldset>
    }
}
