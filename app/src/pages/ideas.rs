//! `/ideas`: every published idea, filtered, searched and sorted as the URL says, a page at a
//! time. The filters are a plain GET form, so every state of the list is a link to share and
//! works without JavaScript.

use klimadialog::filter::{FilterCounts, IdeaFilter};
use klimadialog::ranking::SortOrder;
use klimadialog::{IdeaKind, PublicStatus};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::idea_card::IdeaList;
use crate::i18n::{kind_name, status_name, use_language, use_locale, use_texts};
use crate::pages::LoadError;
use crate::server_fns::ideas::PER_PAGE;
use crate::server_fns::list::{IdeaListPage, list_ideas};
use crate::server_fns::propose::Choice;
use crate::url::encode_component;

/// The URL of the list with this filter.
pub fn list_href(filter: &IdeaFilter) -> String {
    let query: Vec<String> = filter
        .pairs()
        .into_iter()
        .map(|(name, value)| format!("{name}={}", encode_component(&value)))
        .collect();
    if query.is_empty() {
        "/ideas".to_owned()
    } else {
        format!("/ideas?{}", query.join("&"))
    }
}

/// The filter of this request, and whether its URL already is the filter's one URL. A plain
/// GET form sends every field, empty ones too (`?q=&area=hals&kind=…`); such a URL is sent on
/// to the short one, so what a visitor shares is the same link everyone else gets.
fn read_filter() -> (IdeaFilter, bool) {
    let query = use_query_map().read_untracked();
    let sent: Vec<(String, String)> = (&*query)
        .into_iter()
        .map(|(name, value)| (name.to_string(), value.to_owned()))
        .collect();
    let filter = IdeaFilter::from_pairs(sent.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    (filter, crate::canonical::is_canonical_list(&sent))
}

#[component]
pub fn IdeasPage() -> impl IntoView {
    let t = use_texts();
    let (filter, canonical) = read_filter();
    if !canonical {
        crate::pages::redirect_to(&list_href(&filter));
    }
    view! {
        <Title text=format!("{} – {}", t.all_ideas_title, t.site_name) />
        <Meta name="description" content=use_language().list.description />
        {filter.narrows().then(|| view! { <Meta name="robots" content="noindex, follow" /> })}
        <h1>{t.all_ideas_title}</h1>
        <Suspense>
            {Suspend::new(async move {
                match list_ideas(filter.clone(), PER_PAGE).await {
                    Ok(found) => view! { <IdeaListView found filter /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A select of one filter, each value with how many ideas it would show.
#[component]
fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    all: &'static str,
    options: Vec<FilterOption>,
    current: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{all}</option>
                {options
                    .into_iter()
                    .map(|FilterOption { value, text, lang, count }| {
                        let selected = current.as_deref() == Some(value.as_str());
                        let n = klimadialog::numbers::format_int(crate::i18n::use_locale(), count);
                        view! {
                            <option value=value selected=selected lang=lang>
                                {format!("{text} ({n})")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// One value of a filter: its name (with `lang` where it is not in the page's language) and
/// how many ideas it would show.
struct FilterOption {
    value: String,
    text: String,
    lang: Option<&'static str>,
    count: i64,
}

fn with_counts(choices: &[Choice], counts: &[(String, i64)]) -> Vec<FilterOption> {
    choices
        .iter()
        .map(|c| {
            let (text, lang) = crate::i18n::name_in_page_language(&c.label);
            FilterOption {
                value: c.value.clone(),
                text,
                lang,
                count: FilterCounts::of(counts, &c.value),
            }
        })
        .collect()
}

#[component]
fn IdeaListView(found: IdeaListPage, filter: IdeaFilter) -> impl IntoView {
    let t = use_texts();
    let l = &use_language().list;
    let locale = use_locale();
    let counts = &found.counts;
    let kinds = IdeaKind::ALL
        .into_iter()
        .map(|k| FilterOption {
            value: k.as_str().to_owned(),
            text: kind_name(k, locale).to_owned(),
            lang: None,
            count: FilterCounts::of(&counts.kind, k.as_str()),
        })
        .collect();
    let statuses = PublicStatus::ALL
        .iter()
        .filter(|s| **s != PublicStatus::Merged)
        .map(|s| FilterOption {
            value: s.as_str().to_owned(),
            text: status_name(*s, locale).to_owned(),
            lang: None,
            count: FilterCounts::of(&counts.status, s.as_str()),
        })
        .collect();
    let page = found.ideas.page.page;
    let pages = found.ideas.page.page_count();
    let total = found.ideas.page.total;
    let here = list_href(&filter);
    let empty = found.ideas.page.ideas.is_empty();
    view! {
        <form method="get" action="/ideas" class="filters" role="search" aria-label=l.filters>
            <div class="field search-field">
                <label for="q">{l.search}</label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    value=filter.q.clone().unwrap_or_default()
                    placeholder=l.search_hint
                />
            </div>
            <FilterSelect
                id="filter-area"
                name="area"
                label=l.area
                all=l.all_areas
                options=with_counts(&found.areas, &counts.area)
                current=filter.area.as_ref().map(|a| a.as_str().to_owned())
            />
            <FilterSelect
                id="filter-kind"
                name="kind"
                label=l.kind
                all=l.all_kinds
                options=kinds
                current=filter.kind.map(|k| k.as_str().to_owned())
            />
            <FilterSelect
                id="filter-sector"
                name="sector"
                label=l.sector
                all=l.all_sectors
                options=with_counts(&found.sectors, &counts.sector)
                current=filter.sector.as_ref().map(|s| s.as_str().to_owned())
            />
            <FilterSelect
                id="filter-theme"
                name="theme"
                label=l.theme
                all=l.all_themes
                options=with_counts(&found.themes, &counts.theme)
                current=filter.theme.as_ref().map(|s| s.as_str().to_owned())
            />
            <FilterSelect
                id="filter-status"
                name="status"
                label=l.status
                all=l.all_statuses
                options=statuses
                current=filter.status.map(|s| s.as_str().to_owned())
            />
            <div class="field">
                <label for="filter-sort">{l.sort}</label>
                <select id="filter-sort" name="sort">
                    {SortOrder::ALL
                        .into_iter()
                        .map(|o| {
                            view! {
                                <option value=o.as_str() selected=o == filter.sort>
                                    {l.sort_name(o)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="actions">
                <button type="submit" class="button">
                    {l.show}
                </button>
                {filter.narrows().then(|| view! { <a href="/ideas">{l.clear}</a> })}
            </div>
        </form>
        <h2 class="visually-hidden">{l.results}</h2>
        <p class="count" role="status" id="idea-count">
            {(t.ideas_count)(total)}
        </p>
        <div id="idea-results">
            {if empty {
                view! { <p>{l.no_match}</p> }.into_any()
            } else {
                view! { <IdeaList ideas=found.ideas next=here /> }.into_any()
            }} <nav class="pagination" aria-label=t.pagination>
                {(page > 1)
                    .then(|| {
                        view! {
                            <a rel="prev" href=list_href(&filter.on_page(page - 1))>
                                {t.previous_page}
                            </a>
                        }
                    })}
                <span aria-current="page">{(t.page_of)(page, pages)}</span>
                {(page < pages)
                    .then(|| {
                        view! {
                            <a rel="next" href=list_href(&filter.on_page(page + 1))>
                                {t.next_page}
                            </a>
                        }
                    })}
            </nav>
        </div>
        // Updates the list in place when JavaScript runs (public/live-list.js); a module, so
        // it never holds up the page.
        <script type="module" src=crate::assets::href("/live-list.js")></script>
    }
}
