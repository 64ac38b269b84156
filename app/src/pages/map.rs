//! `/map`: the municipality's areas drawn on the server as SVG, shaded by ideas or supports,
//! each area a link to its ideas, with a legend and the same numbers as a table. It works
//! without JavaScript, and by default nothing leaves the site: a background map of tiles
//! appears only if the municipality configured a tile server and JavaScript runs.

use klimadialog::map::{SHADES, shade, shade_range};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::i18n::{lang_if_other, use_language, use_texts};
use crate::pages::LoadError;
use crate::server_fns::map::{MapPage, load_map};

#[component]
pub fn MapPage() -> impl IntoView {
    let t = &use_language().map;
    let all = use_texts();
    let by_supports = use_query_map()
        .read_untracked()
        .get("by")
        .is_some_and(|b| b == "supports");
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="description" content=t.intro />
        <h1>{t.title}</h1>
        <p class="lead">{t.intro}</p>
        <nav class="switch" aria-label=t.shade_by>
            <span>{t.shade_by}": "</span>
            <a href="/map" aria-current=(!by_supports).then_some("page")>
                {t.by_ideas}
            </a>
            <a href="/map?by=supports" aria-current=by_supports.then_some("page")>
                {t.by_supports}
            </a>
        </nav>
        <Suspense>
            {Suspend::new(async move {
                match load_map().await {
                    Ok(page) => view! { <AreaMap page by_supports /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AreaMap(page: MapPage, by_supports: bool) -> impl IntoView {
    let t = &use_language().map;
    let value = move |ideas: i64, supports: i64| if by_supports { supports } else { ideas };
    let max = page
        .rows
        .iter()
        .map(|r| value(r.ideas, r.supports))
        .max()
        .unwrap_or(0);
    let frame = page.drawing.frame;
    let what = if by_supports {
        t.by_supports
    } else {
        t.by_ideas
    };
    let rows = page.rows.clone();
    let tiled = !page.tiles.is_empty();
    let shaded = page
        .drawing
        .areas
        .into_iter()
        .map(|area| {
            let row = rows.iter().find(|r| r.slug == area.slug);
            let (ideas, supports) = row.map(|r| (r.ideas, r.supports)).unwrap_or((0, 0));
            let label = (t.area_ideas)(&area.name, ideas, supports);
            let href = format!("/ideas?area={}", area.slug);
            let class = format!("area shade-{}", shade(value(ideas, supports), max));
            let title = label.clone();
            view! {
                <a href=href aria-label=label>
                    <path class=class d=area.path data-area=area.slug>
                        <title>{title}</title>
                    </path>
                </a>
            }
        })
        .collect_view();
    view! {
        <div class="map-layout">
            <figure class="map-figure">
                <svg
                    class="map"
                    viewBox=format!("0 0 {} {}", frame.width as i64, frame.height as i64)
                    aria-labelledby="map-title"
                >
                    <title id="map-title">{(t.map_title)(what)}</title>
                    // The background map's tiles, without addresses: public/map-tiles.js gives
                    // them theirs when JavaScript runs, so nothing is fetched from the tile
                    // server without it.
                    {(!page.tiles.is_empty())
                        .then(|| {
                            view! {
                                <g class="tiles" aria-hidden="true">
                                    {page
                                        .tiles
                                        .into_iter()
                                        .map(|tile| {
                                            view! {
                                                <image
                                                    data-href=tile.href
                                                    x=tile.x
                                                    y=tile.y
                                                    width=tile.width
                                                    height=tile.height
                                                    preserveAspectRatio="none"
                                                />
                                            }
                                        })
                                        .collect_view()}
                                </g>
                            }
                        })}
                    {shaded}
                    <g class="points" aria-hidden="true">
                        {page
                            .points
                            .into_iter()
                            .map(|p| {
                                let lang = lang_if_other(p.language);
                                view! {
                                    <circle cx=p.x cy=p.y r="3">
                                        <title lang=lang>{p.title}</title>
                                    </circle>
                                }
                            })
                            .collect_view()}
                    </g>
                </svg>
                <figcaption>
                    <p class="legend-title">{t.legend}" ("{what}")"</p>
                    <ul class="legend">
                        {(0..=SHADES)
                            .map(|s| {
                                let text = if s == 0 {
                                    t.none.to_owned()
                                } else {
                                    let (from, to) = shade_range(s, max);
                                    (t.range)(from, to)
                                };
                                view! {
                                    <li>
                                        <span
                                            class=format!("swatch shade-{s}")
                                            aria-hidden="true"
                                        ></span>
                                        {text}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <p class="meta">{t.points_note}</p>
                    <p class="meta">{t.areas_credit}</p>
                    {tiled
                        .then(|| {
                            view! {
                                // The credit as the tile server words it, a name not to translate.
                                <p class="meta tile-credit" hidden translate="no">
                                    {page.tile_credit}
                                </p>
                                <script
                                    type="module"
                                    src=crate::assets::href("/map-tiles.js")
                                ></script>
                            }
                        })}
                </figcaption>
            </figure>
            <table class="area-table">
                <caption>{t.table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.area}</th>
                        <th scope="col">{t.ideas}</th>
                        <th scope="col">{t.supports}</th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .rows
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr
                                    data-area=r.slug.clone()
                                    data-shade=shade(value(r.ideas, r.supports), max)
                                >
                                    <th scope="row">
                                        <a
                                            href=format!("/ideas?area={}", r.slug)
                                            lang=crate::i18n::danish_lang()
                                        >
                                            {r.name}
                                        </a>
                                    </th>
                                    <td>
                                        {klimadialog::numbers::format_int(
                                            crate::i18n::use_locale(),
                                            r.ideas,
                                        )}
                                    </td>
                                    <td>
                                        {klimadialog::numbers::format_int(
                                            crate::i18n::use_locale(),
                                            r.supports,
                                        )}
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
