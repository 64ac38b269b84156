//! `/staff/plan`: admins keep the climate plan's actions. The list with a way to each action's
//! form, the plan as a spreadsheet to download, and the way back in: upload a CSV or XLSX file,
//! see per row what would happen (new, changed and in which columns, the same, or refused with
//! its row number and every reason), then confirm. A file with a refused row saves nothing.

use klimadialog::plan::ActionStatus;
use klimadialog::plan_import::{Outcome, PlanRow};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::params::Params;

use crate::components::file_field::FileField;
use crate::i18n::{use_language, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::staff_plan::{
    ConfirmPlanImport, PlanFileError, PlanPreview, StaffPlan, load_staff_plan,
};
use crate::url::{Lenient, read_query};
use klimadialog::plan::{Baseline, BaselineProblem};

/// What the last emissions form did, from the address.
#[derive(Debug, Clone, Default, PartialEq)]
struct BaselineAfter {
    saved: bool,
    problem: Option<BaselineProblem>,
    /// The sector's key or the file's row the problem is about.
    about: String,
}

#[derive(Params, Debug, Clone, Default, PartialEq)]
struct PlanQuery {
    preview: Lenient<i64>,
    imported: Lenient<usize>,
    file_error: Lenient<PlanFileError>,
    baseline: Lenient<String>,
    baseline_error: Lenient<BaselineProblem>,
    about: Lenient<String>,
}

#[component]
pub fn StaffPlanPage() -> impl IntoView {
    let t = &use_language().staff_plan;
    let all = use_texts();
    let query: PlanQuery = read_query();
    let PlanQuery {
        preview,
        imported,
        file_error,
        baseline: baseline_saved,
        baseline_error,
        about,
    } = query;
    let baseline_after = BaselineAfter {
        saved: baseline_saved.0.is_some(),
        problem: baseline_error.0,
        about: about.0.unwrap_or_default(),
    };
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_staff_plan(preview.0).await {
                    Ok(StaffPlan { actions, preview, baseline, sectors }) => {
                        view! {
                            <h1>{t.title}</h1>
                            <p>{t.intro}</p>
                            {imported
                                .0
                                .map(|n| {
                                    view! {
                                        <p class="notice" role="status">
                                            {(t.imported)(n)}
                                        </p>
                                    }
                                })}
                            {preview.map(|p| view! { <PreviewSection preview=p /> })}
                            <ActionTable actions />
                            <ExportSection />
                            <UploadForm error=file_error.0 />
                            <BaselineForm baseline sectors after=baseline_after.clone() />
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
fn ActionTable(actions: Vec<klimadialog::plan::ActionRow>) -> impl IntoView {
    let language = use_language();
    let (t, plan) = (&language.staff_plan, &language.plan);
    view! {
        <section aria-labelledby="actions-heading" class="stack">
            <h2 id="actions-heading">{(t.count)(actions.len())}</h2>
            <p>
                <a href="/staff/plan/edit" class="button">
                    {t.new_action}
                </a>
            </p>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t.code}</th>
                            <th scope="col">{t.action_title}</th>
                            <th scope="col">{plan.status_label}</th>
                            <th scope="col">{plan.tonnes_heading}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {actions
                            .into_iter()
                            .map(|a| {
                                let status = ActionStatus::parse(&a.status)
                                    .map(plan.status_name)
                                    .unwrap_or_default();
                                let tonnes = a
                                    .reduction_t
                                    .map(crate::pages::plan::tonnes)
                                    .unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=format!(
                                                "/staff/plan/edit?code={}",
                                                a.code,
                                            )>{format!("{} {}", t.edit, a.code)}</a>
                                        </th>
                                        <td lang="da">{a.title_da}</td>
                                        <td>{status}</td>
                                        <td class="number">{tonnes}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let t = &use_language().staff_plan;
    view! {
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{t.export_heading}</h2>
            <p>{t.export_hint}</p>
            <ul class="plain-list">
                <li>
                    <a href="/staff/export/actions.xlsx" download="">
                        {t.export_xlsx}
                    </a>
                </li>
                <li>
                    <a href="/staff/export/actions.csv" download="">
                        {t.export_csv}
                    </a>
                </li>
            </ul>
        </section>
    }
}

#[component]
fn UploadForm(error: Option<PlanFileError>) -> impl IntoView {
    let t = &use_language().staff_plan;
    view! {
        <section id="upload" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{t.upload_heading}</h2>
            {error
                .map(|e| {
                    view! {
                        <p class="notice error" role="alert">
                            {(t.file_error)(e)}
                        </p>
                    }
                })}
            <form
                method="post"
                action="/staff/plan/upload"
                enctype="multipart/form-data"
                class="stack"
            >
                <FileField
                    id="plan-file"
                    label=t.file
                    hint=t.file_hint
                    accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                />
                <button type="submit" class="button">
                    {t.preview_button}
                </button>
            </form>
        </section>
    }
}

#[component]
fn PreviewSection(preview: PlanPreview) -> impl IntoView {
    let t = &use_language().staff_plan;
    let heading = (t.preview_heading)(&preview.file_name);
    let body = match preview.rows {
        Err(problem) => view! {
            <p class="notice error" role="alert">
                {(t.file_problem)(&problem)}
            </p>
            <p>{t.fix_and_upload}</p>
        }
        .into_any(),
        Ok(rows) => view! { <PreviewRows id=preview.id rows /> }.into_any(),
    };
    view! {
        <section id="preview" aria-labelledby="preview-heading" class="preview stack">
            <h2 id="preview-heading">{heading}</h2>
            {body}
        </section>
    }
}

#[component]
fn PreviewRows(id: i64, rows: Vec<PlanRow>) -> impl IntoView {
    let t = &use_language().staff_plan;
    let count = |f: fn(&Outcome) -> bool| rows.iter().filter(|r| f(&r.outcome)).count();
    let new = count(|o| matches!(o, Outcome::New));
    let changed = count(|o| matches!(o, Outcome::Changed(_)));
    let same = count(|o| matches!(o, Outcome::Same));
    let refused = rows.len() - new - changed - same;
    let decision = if refused > 0 {
        view! {
            <p class="notice error" role="alert">
                {t.fix_and_upload}
            </p>
        }
        .into_any()
    } else if new + changed == 0 {
        view! { <p class="notice">{t.nothing_changes}</p> }.into_any()
    } else {
        view! {
            <form method="post" action={<ConfirmPlanImport as ServerFn>::PATH}>
                <input type="hidden" name="import" value=id />
                <button type="submit" class="button">
                    {(t.confirm)(new + changed)}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <p>{(t.summary)(new, changed, same, refused)}</p>
        {decision}
        <div class="table-scroll">
            <table>
                <caption>{t.rows_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.row}</th>
                        <th scope="col">{t.code}</th>
                        <th scope="col">{t.action_title}</th>
                        <th scope="col">{t.outcome}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let bad = matches!(
                                row.outcome,
                                Outcome::Refused(_) | Outcome::SameCode(_)
                            );
                            view! {
                                <tr class:refused=bad>
                                    <th scope="row">{row.number}</th>
                                    <td>{row.code}</td>
                                    <td lang="da">{row.fields.title_da}</td>
                                    <td>
                                        <OutcomeText outcome=row.outcome />
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn OutcomeText(outcome: Outcome) -> impl IntoView {
    let t = &use_language().staff_plan;
    match outcome {
        Outcome::New => t.outcome_new.to_owned().into_any(),
        Outcome::Same => t.outcome_same.to_owned().into_any(),
        Outcome::SameCode(row) => {
            view! { <strong>{(t.outcome_same_code)(row)}</strong> }.into_any()
        }
        Outcome::Changed(columns) => {
            let names: Vec<&str> = columns.into_iter().map(t.column_name).collect();
            (t.outcome_changed)(&names.join(", ")).into_any()
        }
        Outcome::Refused(problems) => view! {
            <ul class="problems">
                {problems.into_iter().map(|p| view! { <li>{(t.problem)(p)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

#[component]
fn BaselineForm(
    baseline: Option<Baseline>,
    sectors: Vec<crate::server_fns::propose::Choice>,
    after: BaselineAfter,
) -> impl IntoView {
    let t = &use_language().staff_plan;
    let locale = crate::i18n::use_locale();
    let failed = after.problem.is_some();
    // After a refusal the form shows what was typed; else the figures there are.
    let kept = |name: &str, stored: Option<String>| {
        if failed {
            crate::components::typed_field(name)
        } else {
            stored.unwrap_or_default()
        }
    };
    let figure = |x: f64| {
        let rounded = (x * 10.0).round() / 10.0;
        format!("{rounded}")
    };
    let stored = |key: &str| {
        baseline
            .as_ref()
            .and_then(|b| b.sectors.iter().find(|(k, _, _)| k == key))
            .map(|(_, base, latest)| (figure(*base), figure(*latest)))
    };
    let about = match after.problem {
        Some(BaselineProblem::Figure) => sectors
            .iter()
            .find(|c| c.value == after.about)
            .map(|c| c.label.get(locale).to_owned())
            .unwrap_or_default(),
        _ => after.about.clone(),
    };
    let base_year = kept(
        "base_year",
        baseline.as_ref().map(|b| b.base_year.to_string()),
    );
    let latest_year = kept(
        "latest_year",
        baseline.as_ref().map(|b| b.latest_year.to_string()),
    );
    let demo = baseline.as_ref().is_some_and(|b| b.demo);
    let rows = sectors
        .into_iter()
        .map(|c| {
            let (base, latest) = stored(&c.value).unzip();
            let base = kept(&format!("base.{}", c.value), base);
            let latest = kept(&format!("latest.{}", c.value), latest);
            let row_id = format!("baseline-{}", c.value);
            view! {
                <tr>
                    <th scope="row" id=row_id.clone()>
                        {c.label.get(locale).to_owned()}
                    </th>
                    <td>
                        <input
                            type="text"
                            inputmode="decimal"
                            name=format!("base.{}", c.value)
                            value=base
                            aria-labelledby=format!("{row_id} baseline-base")
                        />
                    </td>
                    <td>
                        <input
                            type="text"
                            inputmode="decimal"
                            name=format!("latest.{}", c.value)
                            value=latest
                            aria-labelledby=format!("{row_id} baseline-latest")
                        />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="baseline" aria-labelledby="baseline-heading" class="stack">
            <h2 id="baseline-heading">{t.baseline_heading}</h2>
            <p>{t.baseline_intro}</p>
            {demo
                .then(|| {
                    view! {
                        <p class="notice" role="note">
                            {t.baseline_demo}
                        </p>
                    }
                })}
            {after
                .saved
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.baseline_saved}
                        </p>
                    }
                })}
            {after
                .problem
                .map(|p| {
                    view! {
                        <p class="notice error" role="alert">
                            {(t.baseline_error)(p, &about)}
                        </p>
                    }
                })}
            <form
                method="post"
                action="/staff/plan/baseline"
                enctype="multipart/form-data"
                class="stack"
            >
                <div class="field-row">
                    <div class="field">
                        <label for="baseline-base-year">{t.base_year}</label>
                        <input
                            id="baseline-base-year"
                            name="base_year"
                            type="text"
                            inputmode="numeric"
                            value=base_year
                        />
                    </div>
                    <div class="field">
                        <label for="baseline-latest-year">{t.latest_year}</label>
                        <input
                            id="baseline-latest-year"
                            name="latest_year"
                            type="text"
                            inputmode="numeric"
                            value=latest_year
                        />
                    </div>
                </div>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t.sector}</th>
                                <th scope="col" id="baseline-base">
                                    {t.base_tonnes}
                                </th>
                                <th scope="col" id="baseline-latest">
                                    {t.latest_tonnes}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <FileField
                    id="baseline-file"
                    label=t.baseline_file
                    hint=t.baseline_file_hint
                    accept=".csv,text/csv"
                />
                <button type="submit" class="button">
                    {t.baseline_save}
                </button>
            </form>
        </section>
    }
}
