//! `/stats`: ideas and supports per sector, theme, area and week, as bar charts drawn on the
//! server in SVG, each with its numbers in a table as the text alternative.

use klimadialog::Locale;
use klimadialog::listing::Tally;
use klimadialog::time::Timestamp;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{use_language, use_locale, use_texts};
use crate::pages::LoadError;
use crate::server_fns::propose::Choice;
use crate::server_fns::stats::load_stats;

#[component]
pub fn StatsPage() -> impl IntoView {
    let t = &use_language().stats;
    let all = use_texts();
    let locale = use_locale();
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="description" content=t.intro />
        <h1>{t.title}</h1>
        <p class="lead">{t.intro}</p>
        <p class="legend-line">
            <span class="swatch bar-ideas" aria-hidden="true"></span>
            {t.ideas}
            " "
            <span class="swatch bar-supports" aria-hidden="true"></span>
            {t.supports}
        </p>
        <Suspense>
            {Suspend::new(async move {
                match load_stats().await {
                    Ok(page) => {
                        let named = |tallies: Vec<Tally>, names: &[Choice]| -> Vec<Row> {
                            names
                                .iter()
                                .map(|c| {
                                    let tally = tallies
                                        .iter()
                                        .find(|t| t.key == c.value)
                                        .cloned()
                                        .unwrap_or(Tally {
                                            key: c.value.clone(),
                                            ideas: 0,
                                            supports: 0,
                                        });
                                    let (label, lang) = crate::i18n::name_in_page_language(
                                        &c.label,
                                    );
                                    Row { label, lang, tally }
                                })
                                .collect()
                        };
                        let weeks: Vec<Row> = page
                            .stats
                            .by_week
                            .into_iter()
                            .map(|tally| {
                                let monday = Timestamp(tally.key.parse().unwrap_or(0));
                                let sunday = Timestamp(monday.0 + 6 * 86_400);
                                Row {
                                    label: (t_week(locale))(monday, sunday),
                                    lang: None,
                                    tally,
                                }
                            })
                            .collect();
                        view! {
                            <BarChart
                                id="sectors"
                                title=t.by_sector
                                what=t.sector
                                rows=named(page.stats.by_sector, &page.sectors)
                            />
                            <BarChart
                                id="themes"
                                title=t.by_theme
                                what=t.theme
                                rows=named(page.stats.by_theme, &page.themes)
                            />
                            <BarChart
                                id="areas"
                                title=t.by_area
                                what=t.area
                                rows=named(page.stats.by_area, &page.areas)
                            />
                            <BarChart id="weeks" title=t.by_week what=t.week rows=weeks />
                        }
                            .into_any()
                    }
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn t_week(locale: Locale) -> fn(Timestamp, Timestamp) -> String {
    crate::i18n::language(locale).stats.week_of
}

/// Map units: the chart's width, and each row's height (its label above its two bars). The
/// label sits on its own line so the chart stays narrow: at 390 px on a phone the SVG is drawn
/// at about its own size and its 14-unit labels stay above 12 px.
const WIDTH: i64 = 360;
const BAR_WIDTH: i64 = 300;
const ROW: i64 = 46;

/// One row of a chart: what it counts (with `lang` where the name is not in the page's
/// language) and the counts.
struct Row {
    label: String,
    lang: Option<&'static str>,
    tally: Tally,
}

/// A horizontal bar chart: per row a bar for ideas and one for supports, each scaled to its
/// own largest value, with the numbers written beside them; then the same numbers as a table.
#[component]
fn BarChart(
    id: &'static str,
    title: &'static str,
    /// The table's first column: what the rows are ("Sektor", "Uge").
    what: &'static str,
    rows: Vec<Row>,
) -> impl IntoView {
    let t = &use_language().stats;
    let locale = crate::i18n::use_locale();
    let number = move |n: i64| klimadialog::numbers::format_int(locale, n);
    let max_ideas = rows.iter().map(|r| r.tally.ideas).max().unwrap_or(0).max(1);
    let max_supports = rows
        .iter()
        .map(|r| r.tally.supports)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * rows.len() as i64 + 4;
    let heading = format!("{id}-heading");
    let bars = rows
        .iter()
        .enumerate()
        .map(|(n, Row { label, lang, tally })| {
            let y = 2 + ROW * n as i64;
            let ideas = BAR_WIDTH * tally.ideas / max_ideas;
            let supports = BAR_WIDTH * tally.supports / max_supports;
            view! {
                <g>
                    <text x="0" y=y + 14 lang=*lang>
                        {label.clone()}
                    </text>
                    <rect class="bar-ideas" x="0" y=y + 19 width=ideas.max(1) height="11" />
                    <text class="value" x=ideas.max(1) + 4 y=y + 29>
                        {number(tally.ideas)}
                    </text>
                    <rect class="bar-supports" x="0" y=y + 31 width=supports.max(1) height="11" />
                    <text class="value" x=supports.max(1) + 4 y=y + 41>
                        {number(tally.supports)}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <section class="chart" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{title}</h2>
            <svg
                class="bars"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-labelledby=heading.clone()
                aria-describedby=format!("{id}-table")
            >
                {bars}
            </svg>
            <details>
                <summary>{t.show_numbers}</summary>
                <table id=format!("{id}-table") class="area-table">
                    <caption class="visually-hidden">{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{what}</th>
                            <th scope="col">{t.ideas}</th>
                            <th scope="col">{t.supports}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|Row { label, lang, tally }| {
                                view! {
                                    <tr>
                                        <th scope="row" lang=lang>
                                            {label}
                                        </th>
                                        <td>{number(tally.ideas)}</td>
                                        <td>{number(tally.supports)}</td>
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
