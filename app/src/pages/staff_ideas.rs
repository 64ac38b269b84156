//! `/staff/ideas`: every idea in one table, sortable by each column and narrowed by every
//! filter staff need; the filter lives in the address, and the exports below download exactly
//! the rows it matches. Each title leads to the idea's staff page (status, note, merge).

use klimadialog::listing::Bilingual;
use klimadialog::staff_ideas::{Column, Direction, PER_PAGE, StaffFilter, StaffRow};
use klimadialog::{IdeaKind, ModerationState, PublicStatus};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::batch_panel::{BatchOutcome, BatchPanel};
use crate::components::choice_options;
use crate::i18n::{format_date, kind_name, status_name, use_language, use_locale, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::merge::{MergeEntry, UndoMerge};
use crate::server_fns::propose::Choice;
use crate::server_fns::staff_ideas::{StaffTable, load_staff_table};
use crate::url::{encode_component, read_query};

/// The address of the table with this filter.
pub fn table_address(filter: &StaffFilter) -> String {
    let query: Vec<String> = filter
        .pairs()
        .into_iter()
        .map(|(n, v)| format!("{n}={}", encode_component(&v)))
        .collect();
    if query.is_empty() {
        "/staff/ideas".to_owned()
    } else {
        format!("/staff/ideas?{}", query.join("&"))
    }
}

#[component]
pub fn StaffIdeasPage() -> impl IntoView {
    let t = &use_language().staff_ideas;
    let all = use_texts();
    let params = use_query_map().read_untracked();
    let filter = StaffFilter::from_pairs(
        params
            .clone()
            .into_iter()
            .map(|(n, v)| (n.to_string(), v))
            .collect::<Vec<_>>()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str())),
    );
    // A plain GET form sends every field, empty ones too: on to the short address, so the
    // one staff share is the one the table links to.
    if params.clone().into_iter().any(|(_, v)| v.trim().is_empty()) {
        crate::pages::redirect_to(&table_address(&filter));
    }
    let just_merged = params.get_str("merged").is_some() || params.get_str("unmerged").is_some();
    let outcome: BatchOutcome = read_query();
    let query = table_address(&filter)
        .split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default();
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_staff_table(query.clone()).await {
                    Ok(StaffTable { page, admin, merges, areas, sectors, themes }) => {
                        let categories: Vec<Choice> = sectors
                            .iter()
                            .chain(themes.iter())
                            .cloned()
                            .collect();
                        let pages = page.page_count();
                        let at = page.page;
                        let first = i64::from(at - 1) * i64::from(PER_PAGE) + 1;
                        let last = first + page.rows.len() as i64 - 1;
                        let showing = (t.showing)(first, last, page.total);
                        let batch_address = format!(
                            "/staff/ideas/batch{}",
                            if query.is_empty() { String::new() } else { format!("?{query}") },
                        );
                        let (batch_areas, batch_sectors, batch_themes) = (
                            areas.clone(),
                            sectors.clone(),
                            themes.clone(),
                        );
                        view! {
                            <h1>{t.title}</h1>
                            <p>{t.intro}</p>
                            <FilterForm filter=filter.clone() areas sectors themes />
                            {if page.rows.is_empty() {
                                view! { <p role="status">{t.none}</p> }.into_any()
                            } else {
                                view! {
                                    <p role="status" id="showing" tabindex="-1">
                                        {showing}
                                    </p>
                                    <form method="post" action=batch_address>
                                        <IdeaTable
                                            rows=page.rows
                                            filter=filter.clone()
                                            categories
                                        />
                                        <BatchPanel
                                            total=page.total
                                            filter=filter.clone()
                                            outcome=outcome.clone()
                                            areas=batch_areas
                                            sectors=batch_sectors
                                            themes=batch_themes
                                        />
                                    </form>
                                }
                                    .into_any()
                            }}
                            <Pager filter=filter.clone() at pages />
                            <MergeList merges admin just_merged />
                            <ExportForm filter=filter.clone() admin />
                            <script
                                type="module"
                                src=crate::assets::href("/staff-table.js")
                            ></script>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff/ideas" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The filters, as a plain GET form: its address is the table's.
#[component]
fn FilterForm(
    filter: StaffFilter,
    areas: Vec<Choice>,
    sectors: Vec<Choice>,
    themes: Vec<Choice>,
) -> impl IntoView {
    let t = &use_language().staff_ideas;
    let all = use_texts();
    let locale = use_locale();
    let public = filter.public.clone();
    let current = |value: Option<&str>| value.unwrap_or("").to_owned();
    let status = current(public.status.map(PublicStatus::as_str));
    let moderation = current(filter.moderation.map(ModerationState::as_str));
    let kind = current(public.kind.map(IdeaKind::as_str));
    let area = current(public.area.as_ref().map(|a| a.as_str()));
    let sector = current(public.sector.as_ref().map(|c| c.as_str()));
    let theme = current(public.theme.as_ref().map(|c| c.as_str()));
    let any = t.any;
    let (kind_label, sector_label, theme_label, area_label, status_label) = (
        all.kind_label,
        all.sector_label,
        all.theme_label,
        all.area_label,
        all.status_label,
    );
    let check = |name: &'static str, label: &'static str, on: bool| {
        let id = format!("filter-{name}");
        view! {
            <div class="choice">
                <input type="checkbox" id=id.clone() name=name value="1" checked=on />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <form method="get" action="/staff/ideas" class="filters staff-filters">
            <fieldset>
                <legend>{t.filters}</legend>
                <div class="field">
                    <label for="filter-q">{t.search}</label>
                    <input
                        id="filter-q"
                        name="q"
                        type="search"
                        value=public.q.clone().unwrap_or_default()
                    />
                </div>
                <div class="field">
                    <label for="filter-status">{status_label}</label>
                    <select id="filter-status" name="status">
                        <option value="">{any}</option>
                        {PublicStatus::ALL
                            .iter()
                            .map(|s| {
                                view! {
                                    <option value=s.as_str() selected=status == s.as_str()>
                                        {status_name(*s, locale)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-moderation">{t.moderation}</label>
                    <select id="filter-moderation" name="moderation">
                        <option value="">{any}</option>
                        {ModerationState::ALL
                            .iter()
                            .map(|m| {
                                view! {
                                    <option value=m.as_str() selected=moderation == m.as_str()>
                                        {(t.moderation_name)(*m)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-kind">{kind_label}</label>
                    <select id="filter-kind" name="kind">
                        <option value="">{any}</option>
                        {IdeaKind::ALL
                            .iter()
                            .map(|k| {
                                view! {
                                    <option value=k.as_str() selected=kind == k.as_str()>
                                        {kind_name(*k, locale)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-sector">{sector_label}</label>
                    <select id="filter-sector" name="sector">
                        <option value="">{any}</option>
                        {choice_options(sectors, None, &sector)}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-theme">{theme_label}</label>
                    <select id="filter-theme" name="theme">
                        <option value="">{any}</option>
                        {choice_options(themes, None, &theme)}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-area">{area_label}</label>
                    <select id="filter-area" name="area">
                        <option value="">{any}</option>
                        {choice_options(areas, None, &area)}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-from">{t.from}</label>
                    <input
                        id="filter-from"
                        name="from"
                        type="date"
                        value=filter.from.map(|d| d.iso()).unwrap_or_default()
                    />
                </div>
                <div class="field">
                    <label for="filter-to">{t.to}</label>
                    <input
                        id="filter-to"
                        name="to"
                        type="date"
                        value=filter.to.map(|d| d.iso()).unwrap_or_default()
                    />
                </div>
                <div class="field">
                    <label for="filter-min-supports">{t.min_supports}</label>
                    <input
                        id="filter-min-supports"
                        name="min_supports"
                        type="number"
                        min="1"
                        inputmode="numeric"
                        value=filter.min_supports.map(|n| n.to_string()).unwrap_or_default()
                    />
                </div>
                {check("photo", t.with_photo, filter.with_photo)}
                {check("reported", t.with_open_reports, filter.with_open_reports)}
                {check("nopoint", t.without_point, filter.without_point)}
                // The order survives a new filter; the page starts again from the first.
                {(filter.order != Column::Created)
                    .then(|| {
                        view! { <input type="hidden" name="order" value=filter.order.as_str() /> }
                    })}
                {(filter.direction != filter.order.first_direction())
                    .then(|| {
                        view! { <input type="hidden" name="dir" value=filter.direction.as_str() /> }
                    })}
            </fieldset>
            <button type="submit" class="button">
                {t.show}
            </button>
            {filter.narrows().then(|| view! { <a href="/staff/ideas">{t.reset}</a> })}
        </form>
    }
}

/// The table; each header orders by its column (a link, so it works without JavaScript).
#[component]
fn IdeaTable(rows: Vec<StaffRow>, filter: StaffFilter, categories: Vec<Choice>) -> impl IntoView {
    let t = &use_language().staff_ideas;
    let b = &use_language().batch;
    let locale = use_locale();
    let header = |column: Column| {
        let name = (t.column_name)(column);
        let sorted = (filter.order == column).then_some(match filter.direction {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        });
        let numeric = matches!(column, Column::Supports | Column::Reports);
        view! {
            <th scope="col" aria-sort=sorted class:number=numeric>
                <a
                    href=table_address(&filter.ordered_by(column))
                    aria-label=(t.order_by)(name)
                    class="sort"
                >
                    {name}
                    {sorted.map(|s| if s == "ascending" { " ▲" } else { " ▼" })}
                </a>
            </th>
        }
    };
    let category_name = move |key: &str| -> (String, Option<&'static str>) {
        categories
            .iter()
            .find(|c| c.value == key)
            .map(|c| crate::i18n::name_in_page_language(&c.label))
            .unwrap_or_else(|| {
                crate::i18n::name_in_page_language(&Bilingual {
                    da: key.to_owned(),
                    en: None,
                })
            })
    };
    view! {
        <div class="table-scroll" role="region" aria-labelledby="ideas-caption" tabindex="0">
            <table class="staff-table">
                <caption id="ideas-caption">{t.caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">
                            {b.pick_column}
                            // Shown by public/staff-table.js, which ticks every row with it.
                            <span class="pick-all" hidden>
                                <input type="checkbox" id="pick-all" />
                                <label for="pick-all" class="visually-hidden">
                                    {b.pick_all}
                                </label>
                            </span>
                        </th>
                        {Column::ALL.iter().map(|c| header(*c)).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let (category, category_lang) = category_name(&row.category);
                            let marks: Vec<&str> = [
                                row.has_photo.then_some(t.photo),
                                (!row.has_point).then_some(t.no_point),
                            ]
                                .into_iter()
                                .flatten()
                                .collect();
                            let pick = format!("pick-{}", row.id);
                            let label = (b.pick)(&row.title);
                            view! {
                                <tr>
                                    <td>
                                        <input
                                            type="checkbox"
                                            name="ids"
                                            id=pick.clone()
                                            value=format!("{}:{}", row.id, row.updated_at)
                                        />
                                        <label for=pick class="visually-hidden">
                                            {label}
                                        </label>
                                    </td>
                                    <th scope="row">
                                        <a
                                            href=format!("/staff/ideas/{}", row.id)
                                            lang=crate::i18n::lang_if_other(row.language)
                                        >
                                            {row.title}
                                        </a>
                                        {(!marks.is_empty())
                                            .then(|| {
                                                view! {
                                                    <span class="hint">" (" {marks.join(", ")} ")"</span>
                                                }
                                            })}
                                    </th>
                                    <td>{kind_name(row.kind, locale)}</td>
                                    <td lang=category_lang>{category}</td>
                                    <td lang=crate::i18n::danish_lang()>{row.area_name}</td>
                                    <td>{status_name(row.status, locale)}</td>
                                    <td>{(t.moderation_name)(row.moderation)}</td>
                                    <td class="number">{row.supports}</td>
                                    <td class="number">{row.open_reports}</td>
                                    <td>{format_date(row.created_at, locale)}</td>
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
fn Pager(filter: StaffFilter, at: u32, pages: u32) -> impl IntoView {
    let t = &use_language().staff_ideas;
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t.pages>
                {(at > 1)
                    .then(|| {
                        view! { <a href=table_address(&filter.on_page(at - 1))>{t.previous}</a> }
                    })}
                <span>{(t.page_of)(at, pages)}</span>
                {(at < pages)
                    .then(|| {
                        view! { <a href=table_address(&filter.on_page(at + 1))>{t.next}</a> }
                    })}
            </nav>
        }
    })
}

/// Downloads of the filtered ideas: a plain GET form, so the filter travels in the address.
#[component]
fn ExportForm(filter: StaffFilter, admin: bool) -> impl IntoView {
    let t = &use_language().answers;
    let filter = filter.rows_only();
    let hidden = filter
        .pairs()
        .into_iter()
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
                // (file, label, whether the label is a format's name, query)
                {[
                    ("ideas.csv", "CSV", true, None),
                    ("ideas.csv", t.csv_comma, false, Some("separator=comma")),
                    ("ideas.xlsx", "Excel (XLSX)", true, None),
                    ("ideas.geojson", "GeoJSON", true, None),
                    ("ideas.json", "JSON", true, None),
                    ("arguments.csv", t.arguments_csv, false, None),
                    ("arguments.json", t.arguments_json, false, None),
                ]
                    .map(|(file, label, name, extra)| {
                        let query: Vec<String> = filter
                            .pairs()
                            .into_iter()
                            .map(|(n, v)| format!("{n}={}", encode_component(&v)))
                            .chain(extra.map(str::to_owned))
                            .collect();
                        view! {
                            <li>
                                <a
                                    href=format!("/staff/export/{file}?{}", query.join("&"))
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
