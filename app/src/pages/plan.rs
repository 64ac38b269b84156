//! `/plan`: the climate plan's actions by sector and theme with their status and progress, the
//! gap chart (the base year, the latest year, the target, the actions' estimated cuts and what
//! is left to find) and, per sector, the emissions beside residents' ideas and supports. The
//! chart is SVG drawn on the server with its numbers in a table; no JavaScript needed.

use klimadialog::listing::Bilingual;
use klimadialog::plan::ActionRow;
use klimadialog::plan::{ActionStatus, Baseline, Gap};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::config::site_config;
use crate::i18n::{name_in_page_language, use_language, use_locale, use_texts};
use crate::pages::LoadError;
use crate::server_fns::plan::{PlanPage as Loaded, load_plan};
use crate::server_fns::propose::Choice;

#[component]
pub fn PlanPage() -> impl IntoView {
    let t = &use_language().plan;
    let all = use_texts();
    let config = site_config();
    let targets = config.targets;
    let intro = (t.intro)(
        &config.municipality,
        targets.reduction_percent,
        targets.reduction_year,
    );
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="description" content=intro.clone() />
        <h1>{t.title}</h1>
        <p class="lead">{intro}</p>
        <Suspense>
            {Suspend::new(async move {
                match load_plan().await {
                    Ok(page) => view! { <PlanView page /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanView(page: Loaded) -> impl IntoView {
    let t = &use_language().plan;
    let Loaded {
        actions,
        baseline,
        interest,
        sectors,
    } = page;
    let figures = match baseline {
        Some((baseline, gap)) => view! {
            {baseline
                .demo
                .then(|| {
                    view! {
                        <p class="notice" role="note">
                            {t.demo_notice}
                        </p>
                    }
                })}
            <GapChart baseline=baseline.clone() gap />
            <SectorTable baseline interest sectors />
        }
        .into_any(),
        None => view! { <p>{t.no_baseline}</p> }.into_any(),
    };
    let (mitigation, adaptation): (Vec<ActionRow>, Vec<ActionRow>) =
        actions.into_iter().partition(|a| a.kind == "mitigation");
    view! {
        {figures}
        <section aria-labelledby="mitigation-heading">
            <h2 id="mitigation-heading">{t.mitigation_heading}</h2>
            <ActionList actions=mitigation />
        </section>
        <section aria-labelledby="adaptation-heading">
            <h2 id="adaptation-heading">{t.adaptation_heading}</h2>
            <ActionList actions=adaptation />
        </section>
    }
}

/// Tonnes as the page's language writes whole numbers.
pub(crate) fn tonnes(value: f64) -> String {
    klimadialog::numbers::format_int(use_locale(), value.round() as i64)
}

/// Chart units: the width, the bars' longest length, one row (a label above its bar).
const WIDTH: f64 = 360.0;
const BAR: f64 = 250.0;
const ROW: i64 = 42;

#[component]
fn GapChart(baseline: Baseline, gap: Gap) -> impl IntoView {
    let t = &use_language().plan;
    let config = site_config();
    let (percent, year) = (
        config.targets.reduction_percent,
        config.targets.reduction_year,
    );
    // (label, tonnes, class): the bars from the base year down to what is left.
    let mut rows: Vec<(String, f64, &'static str)> = vec![
        ((t.gap_base)(baseline.base_year), gap.base, "bar-base"),
        (
            (t.gap_latest)(baseline.latest_year),
            gap.latest,
            "bar-latest",
        ),
        ((t.gap_target)(percent, year), gap.target, "bar-target"),
    ];
    rows.extend(
        gap.planned
            .iter()
            .map(|(status, cut)| ((t.gap_planned)(*status).to_owned(), *cut, "bar-cut")),
    );
    rows.push((t.gap_left.to_owned(), gap.left, "bar-left"));
    let longest = rows.iter().map(|(_, v, _)| *v).fold(1.0, f64::max);
    let height = ROW * rows.len() as i64 + 4;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(n, (label, value, class))| {
            let y = 2 + ROW * n as i64;
            let length = (BAR * value / longest).max(1.0).round();
            view! {
                <g>
                    <text x="0" y=y + 14>
                        {label.clone()}
                    </text>
                    <rect class=*class x="0" y=y + 20 width=length height="14" />
                    <text class="value" x=length + 4.0 y=y + 32>
                        {(t.tonnes)(&tonnes(*value))}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <section class="chart" aria-labelledby="gap-heading">
            <h2 id="gap-heading">{(t.gap_heading)(year)}</h2>
            <svg
                class="bars"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby="gap-heading"
                aria-describedby="gap-table"
            >
                {bars}
            </svg>
            <details>
                <summary>{t.show_numbers}</summary>
                <table id="gap-table" class="area-table">
                    <caption class="visually-hidden">{(t.gap_heading)(year)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.what}</th>
                            <th scope="col">{t.tonnes_heading}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(label, value, _)| {
                                view! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td>{tonnes(value)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// Per sector: the latest year's emissions beside residents' ideas and supports.
#[component]
fn SectorTable(
    baseline: Baseline,
    interest: Vec<(String, i64, i64)>,
    sectors: Vec<Choice>,
) -> impl IntoView {
    let t = &use_language().plan;
    let locale = use_locale();
    let rows = sectors
        .into_iter()
        .map(|sector| {
            let emitted = baseline
                .sectors
                .iter()
                .find(|(key, _, _)| *key == sector.value)
                .map(|(_, _, latest)| tonnes(*latest))
                .unwrap_or_else(|| "–".to_owned());
            let (ideas, supports) = interest
                .iter()
                .find(|(key, _, _)| *key == sector.value)
                .map_or((0, 0), |(_, ideas, supports)| (*ideas, *supports));
            let (label, lang) = name_in_page_language(&sector.label);
            view! {
                <tr>
                    <th scope="row" lang=lang>
                        <a href=format!("/ideas?sector={}", sector.value)>{label}</a>
                    </th>
                    <td>{emitted}</td>
                    <td>{klimadialog::numbers::format_int(locale, ideas)}</td>
                    <td>{klimadialog::numbers::format_int(locale, supports)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="sectors-heading">
            <h2 id="sectors-heading">{t.sectors_heading}</h2>
            <p>{t.sectors_intro}</p>
            <div class="table-scroll">
                <table class="area-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.sector}</th>
                            <th scope="col">{(t.emissions_in)(baseline.latest_year)}</th>
                            <th scope="col">{t.ideas}</th>
                            <th scope="col">{t.supports}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The name of an action in the page's language, with `lang` where it is Danish on an English
/// page.
pub(crate) fn action_title(
    title_da: &str,
    title_en: Option<&str>,
) -> (String, Option<&'static str>) {
    name_in_page_language(&Bilingual {
        da: title_da.to_owned(),
        en: title_en.map(str::to_owned),
    })
}

#[component]
fn ActionList(actions: Vec<ActionRow>) -> impl IntoView {
    let t = &use_language().plan;
    if actions.is_empty() {
        return view! { <p>{t.none}</p> }.into_any();
    }
    let items = actions
        .into_iter()
        .map(|action| {
            let (title, lang) = action_title(&action.title_da, action.title_en.as_deref());
            let (category, category_lang) = name_in_page_language(&Bilingual {
                da: action.category_da.clone(),
                en: Some(action.category_en.clone()),
            });
            let status = ActionStatus::parse(&action.status);
            view! {
                <li class="action-card">
                    <h3>
                        <a href=format!("/plan/{}", action.code)>
                            <span class="action-code">{action.code.clone()}</span>
                            " "
                            <span lang=lang>{title}</span>
                        </a>
                    </h3>
                    <p class="action-meta">
                        <span lang=category_lang>{category}</span>
                        " · "
                        <strong class=format!(
                            "action-status status-{}",
                            action.status,
                        )>{status.map(|s| (t.status_name)(s))}</strong>
                        {(action.milestones > 0)
                            .then(|| {
                                format!(
                                    " · {}",
                                    (t.progress)(action.milestones_done, action.milestones),
                                )
                            })}
                    </p>
                    {action
                        .reduction_t
                        .map(|tonnes_a_year| {
                            view! { <p>{(t.reduction)(&tonnes(tonnes_a_year))}</p> }
                        })}
                    {(action.ideas > 0)
                        .then(|| {
                            view! { <p>{(t.idea_count)(action.ideas)}</p> }
                        })}
                    <p class="hint">
                        {t.owner} ": " {action.owner.clone()} " · " {t.period} ": "
                        {format!("{}–{}", action.start_year, action.end_year)}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list action-list">{items}</ul> }.into_any()
}
