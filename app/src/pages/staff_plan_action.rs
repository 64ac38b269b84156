//! `/staff/plan/edit`: one action's form (new, or `?code=T3` to edit; the code stays once
//! given) and its milestones: the list with a button to mark each reached, and a form to add
//! one. A form with problems comes back as typed (kept on the server: descriptions are long),
//! every problem named at its field.

use klimadialog::plan::{ActionProblem, ActionStatus, MilestoneProblem, MilestoneRow};
use klimadialog::time::Timestamp;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::params::Params;

use crate::components::{raw_text, typed_field};
use crate::i18n::{format_date, use_language, use_locale, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::staff_plan::{
    ActionForm, AddMilestone, ReachMilestone, SaveAction, load_action_form,
};
use crate::url::{Lenient, read_query};

#[derive(Params, Debug, Clone, Default, PartialEq)]
struct EditQuery {
    code: Lenient<String>,
    draft: Lenient<i64>,
    saved: Lenient<String>,
    milestone: Lenient<String>,
    milestone_error: Lenient<MilestoneProblem>,
}

#[component]
pub fn StaffPlanActionPage() -> impl IntoView {
    let t = &use_language().staff_plan;
    let all = use_texts();
    let query: EditQuery = read_query();
    let heading = match &query.code.0 {
        Some(code) => (t.edit_heading)(code),
        None => t.new_heading.to_owned(),
    };
    view! {
        <Title text=format!("{heading} – {}", all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_action_form(query.code.0.clone(), query.draft.0).await {
                    Ok(form) => {
                        view! {
                            <p>
                                <a href="/staff/plan">{t.back}</a>
                            </p>
                            <h1>{heading.clone()}</h1>
                            <Loaded form query=query.clone() />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff/plan" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Loaded(form: ActionForm, query: EditQuery) -> impl IntoView {
    let t = &use_language().staff_plan;
    let saved = query.saved.0.is_some() && form.problems.is_empty();
    let milestones = form.editing.clone().map(|code| {
        view! {
            <Milestones
                code
                milestones=form.milestones.clone()
                done=query.milestone.0.clone()
                problem=query.milestone_error.0
            />
        }
    });
    view! {
        {saved
            .then(|| {
                view! {
                    <p class="notice" role="status">
                        {t.saved}
                        " "
                        {form
                            .editing
                            .clone()
                            .map(|code| {
                                view! { <a href=format!("/plan/{code}")>{t.public_page}</a> }
                            })}
                    </p>
                }
            })}
        <ActionFormView form />
        {milestones}
    }
}

/// One text field of the action form: label, hint, problem and its input or text area.
struct TextField {
    id: &'static str,
    name: &'static str,
    label: &'static str,
    value: String,
    which: &'static [ActionProblem],
    hint: Option<&'static str>,
    required: bool,
    multiline: bool,
}

#[component]
fn ActionFormView(form: ActionForm) -> impl IntoView {
    let language = use_language();
    let (t, plan) = (&language.staff_plan, &language.plan);
    let locale = use_locale();
    let ActionForm {
        fields,
        editing,
        problems,
        sectors,
        themes,
        ..
    } = form;
    let has = |p: ActionProblem| problems.contains(&p);
    // A field's problem, shown under its label and tied to it.
    let problem_text = |id: &'static str, which: &[ActionProblem]| {
        which.iter().find(|p| problems.contains(p)).map(|p| {
            view! {
                <p id=format!("{id}-error") class="field-error">
                    {(t.problem)(*p)}
                </p>
            }
        })
    };
    let described = |id: &str, bad: bool, hint: bool| {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{id}-hint"));
        }
        if bad {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let option = |value: String, label: String, chosen: &str| {
        let selected = value == chosen;
        view! {
            <option value=value selected=selected>
                {label}
            </option>
        }
    };
    let category = fields.category.clone();
    let sector_options = sectors
        .into_iter()
        .map(|c| {
            option(
                format!("sector:{}", c.value),
                c.label.get(locale).to_owned(),
                &category,
            )
        })
        .collect_view();
    let theme_options = themes
        .into_iter()
        .map(|c| {
            option(
                format!("theme:{}", c.value),
                c.label.get(locale).to_owned(),
                &category,
            )
        })
        .collect_view();
    let status_options = ActionStatus::ALL
        .iter()
        .map(|s| {
            option(
                s.as_str().to_owned(),
                (plan.status_name)(*s).to_owned(),
                &fields.status,
            )
        })
        .collect_view();
    let code_field = match &editing {
        Some(code) => view! {
            <input type="hidden" name="editing" value=code.clone() />
            <p>{format!("{} {code}. {}", t.code, t.code_fixed)}</p>
        }
        .into_any(),
        None => view! {
            <div class="field">
                <label for="action-code">{t.code}</label>
                <p id="action-code-hint" class="hint">
                    {t.code_hint}
                </p>
                {problem_text("action-code", &[ActionProblem::Code])}
                <input
                    id="action-code"
                    name="code"
                    type="text"
                    value=fields.code.clone()
                    maxlength="12"
                    required
                    aria-invalid=has(ActionProblem::Code).then_some("true")
                    aria-describedby=described("action-code", has(ActionProblem::Code), true)
                />
            </div>
        }
        .into_any(),
    };
    let field = |f: TextField| {
        let TextField {
            id,
            name,
            label,
            value,
            which,
            hint,
            required,
            multiline,
        } = f;
        let bad = which.iter().any(|p| problems.contains(p));
        let invalid = bad.then_some("true");
        let describedby = described(id, bad, hint.is_some());
        let control = if multiline {
            view! {
                <textarea
                    id=id
                    name=name
                    rows="6"
                    required=required
                    aria-invalid=invalid
                    aria-describedby=describedby
                >
                    {raw_text(&value)}
                </textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=id
                    name=name
                    type="text"
                    value=value
                    required=required
                    aria-invalid=invalid
                    aria-describedby=describedby
                />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {hint
                    .map(|h| {
                        view! {
                            <p id=format!("{id}-hint") class="hint">
                                {h}
                            </p>
                        }
                    })}
                {problem_text(id, which)}
                {control}
            </div>
        }
    };
    let summary = (!problems.is_empty()).then(|| {
        view! {
            <div class="notice error" role="alert">
                <p>{t.form_problems}</p>
                <ul>
                    {problems.iter().map(|p| view! { <li>{(t.problem)(*p)}</li> }).collect_view()}
                </ul>
            </div>
        }
    });
    let category_bad = has(ActionProblem::Category);
    let years_bad = has(ActionProblem::Years);
    let status_bad = has(ActionProblem::Status);
    view! {
        <form
            id="form"
            method="post"
            action={<SaveAction as ServerFn>::PATH}
            class="stack"
            novalidate
        >
            {summary}
            {code_field}
            {field(TextField {
                id: "action-title",
                name: "title_da",
                label: t.action_title,
                value: fields.title_da.clone(),
                which: &[ActionProblem::Title],
                hint: None,
                required: true,
                multiline: false,
            })}
            {field(TextField {
                id: "action-title-en",
                name: "title_en",
                label: t.title_en,
                value: fields.title_en.clone(),
                which: &[ActionProblem::TitleEn],
                hint: Some(t.english_hint),
                required: false,
                multiline: false,
            })}
            {field(TextField {
                id: "action-description",
                name: "description_da",
                label: t.description,
                value: fields.description_da.clone(),
                which: &[ActionProblem::Description],
                hint: None,
                required: true,
                multiline: true,
            })}
            {field(TextField {
                id: "action-description-en",
                name: "description_en",
                label: t.description_en,
                value: fields.description_en.clone(),
                which: &[ActionProblem::DescriptionEn],
                hint: Some(t.english_hint),
                required: false,
                multiline: true,
            })}
            <div class="field">
                <label for="action-category">{t.category}</label>
                <p id="action-category-hint" class="hint">
                    {t.category_hint}
                </p>
                {problem_text("action-category", &[ActionProblem::Category])}
                <select
                    id="action-category"
                    name="category"
                    aria-invalid=category_bad.then_some("true")
                    aria-describedby=described("action-category", category_bad, true)
                >
                    <optgroup label=t.sectors>{sector_options}</optgroup>
                    <optgroup label=t.themes>{theme_options}</optgroup>
                </select>
            </div>
            {field(TextField {
                id: "action-owner",
                name: "owner",
                label: t.owner,
                value: fields.owner.clone(),
                which: &[ActionProblem::Owner],
                hint: Some(t.owner_hint),
                required: true,
                multiline: false,
            })}
            <div class="field">
                <label for="action-status">{t.status}</label>
                {problem_text("action-status", &[ActionProblem::Status])}
                <select
                    id="action-status"
                    name="status"
                    aria-invalid=status_bad.then_some("true")
                    aria-describedby=described("action-status", status_bad, false)
                >
                    {status_options}
                </select>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="action-start">{t.start_year}</label>
                    {problem_text("action-start", &[ActionProblem::Years])}
                    <input
                        id="action-start"
                        name="start_year"
                        type="text"
                        inputmode="numeric"
                        value=fields.start_year.clone()
                        aria-invalid=years_bad.then_some("true")
                        aria-describedby=described("action-start", years_bad, false)
                    />
                </div>
                <div class="field">
                    <label for="action-end">{t.end_year}</label>
                    <input
                        id="action-end"
                        name="end_year"
                        type="text"
                        inputmode="numeric"
                        value=fields.end_year.clone()
                        aria-invalid=years_bad.then_some("true")
                        aria-describedby=described("action-start", years_bad, false)
                            .map(|_| "action-start-error".to_owned())
                    />
                </div>
            </div>
            {field(TextField {
                id: "action-reduction",
                name: "reduction",
                label: t.reduction,
                value: fields.reduction.clone(),
                which: &[ActionProblem::Reduction, ActionProblem::ReductionForAdaptation],
                hint: Some(t.reduction_hint),
                required: false,
                multiline: false,
            })}
            {field(TextField {
                id: "action-link",
                name: "link",
                label: t.link,
                value: fields.link.clone(),
                which: &[ActionProblem::Link],
                hint: Some(t.link_hint),
                required: false,
                multiline: false,
            })}
            <button type="submit" class="button">
                {t.save}
            </button>
        </form>
    }
}

#[component]
fn Milestones(
    code: String,
    milestones: Vec<MilestoneRow>,
    done: Option<String>,
    problem: Option<MilestoneProblem>,
) -> impl IntoView {
    let t = &use_language().staff_plan;
    let locale = use_locale();
    let notice = match done.as_deref() {
        Some("added") => Some(t.milestone_added),
        Some("reached") => Some(t.milestone_reached),
        _ => None,
    };
    let (typed_title, typed_due) = if problem.is_some() {
        (typed_field("milestone_title"), typed_field("milestone_due"))
    } else {
        (String::new(), String::new())
    };
    let day = move |iso: &str| {
        klimadialog::time::Date::parse_iso(iso)
            .map(|d| format_date(d.start_in_denmark(), locale))
            .unwrap_or_else(|| iso.to_owned())
    };
    let list = if milestones.is_empty() {
        view! { <p>{t.no_milestones}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list stack">
                {milestones
                    .into_iter()
                    .map(|m| {
                        let state = match m.done_at {
                            Some(at) => {
                                (t.reached_on)(&format_date(Timestamp(at), locale)).into_any()
                            }
                            None => {
                                view! {
                                    {(t.due_on)(&day(&m.due))}
                                    <form
                                        method="post"
                                        action={<ReachMilestone as ServerFn>::PATH}
                                        class="inline-form"
                                    >
                                        <input type="hidden" name="code" value=code.clone() />
                                        <input type="hidden" name="milestone" value=m.id />
                                        <button
                                            type="submit"
                                            class="button secondary"
                                            aria-label=format!("{}: {}", t.mark_reached, m.title)
                                        >
                                            {t.mark_reached}
                                        </button>
                                    </form>
                                }
                                    .into_any()
                            }
                        };
                        view! {
                            <li>
                                <strong lang="da">{m.title}</strong>
                                " "
                                {state}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section id="milestones" aria-labelledby="milestones-heading" class="stack">
            <h2 id="milestones-heading">{t.milestones_heading}</h2>
            {notice
                .map(|n| {
                    view! {
                        <p class="notice" role="status">
                            {n}
                        </p>
                    }
                })}
            {list}
            <form method="post" action={<AddMilestone as ServerFn>::PATH} class="stack">
                <h3>{t.add_milestone}</h3>
                {problem
                    .map(|p| {
                        view! {
                            <p class="notice error" role="alert">
                                {(t.milestone_problem)(p)}
                            </p>
                        }
                    })}
                <input type="hidden" name="code" value=code.clone() />
                <div class="field">
                    <label for="milestone-title">{t.milestone_title}</label>
                    <input
                        id="milestone-title"
                        name="title"
                        type="text"
                        value=typed_title
                        maxlength="200"
                    />
                </div>
                <div class="field">
                    <label for="milestone-due">{t.milestone_due}</label>
                    <p id="milestone-due-hint" class="hint">
                        {t.milestone_due_hint}
                    </p>
                    <input
                        id="milestone-due"
                        name="due"
                        type="date"
                        value=typed_due
                        aria-describedby="milestone-due-hint"
                    />
                </div>
                <button type="submit" class="button">
                    {t.add_milestone}
                </button>
            </form>
        </section>
    }
}
