//! `/staff/areas`: admins load the municipality's own areas from a GeoJSON file. Upload, see
//! the file's areas on a map with what replacing or merging would do, then confirm.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::file_field::FileField;
use crate::i18n::{use_language, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::area::{
    ApplyAreaImport, AreasPage, AreasProblem, ImportPreview, load_areas_page,
};

#[component]
pub fn StaffAreasPage() -> impl IntoView {
    let t = &use_language().areas;
    let all = use_texts();
    let params = use_query_map().read_untracked();
    let preview = params.get("preview").and_then(|p| p.parse::<i64>().ok());
    let error = params
        .get("error")
        .and_then(|key| AreasProblem::parse(&key))
        .map(|problem| (t.error)(problem, &params.get("detail").unwrap_or_default()));
    let done = params.get("done").is_some();
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_areas_page(preview).await {
                    Ok(AreasPage { areas, flagged, to_place, preview }) => {
                        view! {
                            <h1>{t.title}</h1>
                            {done
                                .then(|| {
                                    view! {
                                        <p class="notice" role="status">
                                            {t.done}
                                        </p>
                                    }
                                })}
                            <p>{(t.current)(areas.len())}</p>
                            {(flagged > 0)
                                .then(|| {
                                    view! {
                                        <section class="notice" aria-labelledby="to-place">
                                            <h2 id="to-place">{(t.flagged)(flagged)}</h2>
                                            <ul class="plain-list">
                                                {to_place
                                                    .into_iter()
                                                    .map(|(id, title, area)| {
                                                        view! {
                                                            <li>
                                                                <a href=format!("/ideas/{id}")>{title}</a>
                                                                {format!(" ({area})")}
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </section>
                                    }
                                })}
                            {preview.map(|p| view! { <PreviewSection preview=p /> })}
                            <UploadForm error=error.clone() />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff/areas" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UploadForm(error: Option<String>) -> impl IntoView {
    let t = &use_language().areas;
    view! {
        <section id="upload" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{t.upload_heading}</h2>
            {error
                .map(|m| {
                    view! {
                        <p class="notice error" role="alert">
                            {m}
                        </p>
                    }
                })}
            <form
                method="post"
                action="/staff/areas/upload"
                enctype="multipart/form-data"
                class="stack"
            >
                <FileField
                    id="area-file"
                    label=t.file
                    hint=t.file_hint
                    accept=".geojson,.json,application/geo+json"
                />
                <div class="field">
                    <label for="area-property">{t.property}</label>
                    <p id="area-property-hint" class="hint">
                        {t.property_hint}
                    </p>
                    <input
                        id="area-property"
                        name="property"
                        type="text"
                        value="POSTBYNAVN"
                        aria-describedby="area-property-hint"
                    />
                </div>
                <button type="submit" class="button">
                    {t.preview_button}
                </button>
            </form>
        </section>
    }
}

#[component]
fn PreviewSection(preview: ImportPreview) -> impl IntoView {
    let t = &use_language().areas;
    let frame = preview.map.frame;
    let rows = [
        (t.added, 0),
        (t.updated, 1),
        (t.removed, 2),
        (t.retired, 3),
        (t.reassigned, 4),
        (t.flagged_ideas, 5),
    ];
    let apply = <ApplyAreaImport as ServerFn>::PATH;
    view! {
        <section aria-labelledby="preview-heading" class="preview">
            <h2 id="preview-heading">{(t.preview_heading)(&preview.file_name)}</h2>
            <svg
                class="map"
                viewBox=format!("0 0 {} {}", frame.width as i64, frame.height as i64)
                role="img"
                aria-label=t.map_label
            >
                {preview
                    .map
                    .areas
                    .into_iter()
                    .map(|a| {
                        view! {
                            <path class="area shade-1" d=a.path>
                                <title lang=crate::i18n::danish_lang()>{a.name}</title>
                            </path>
                        }
                    })
                    .collect_view()}
            </svg>
            <p>{(t.areas_in_file)(preview.names.len())}" "{preview.names.join(", ")}</p>
            <table>
                <caption>{t.what_happens}</caption>
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col">{t.replace}</th>
                        <th scope="col">{t.merge}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(label, i)| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{preview.replace[i]}</td>
                                    <td>{preview.merge[i]}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <form method="post" action=apply class="inline-form">
                <input type="hidden" name="import" value=preview.id />
                <button type="submit" name="mode" value="replace" class="button">
                    {t.replace_button}
                </button>
            </form>
            <form method="post" action=apply class="inline-form">
                <input type="hidden" name="import" value=preview.id />
                <button type="submit" name="mode" value="merge" class="button secondary">
                    {t.merge_button}
                </button>
            </form>
        </section>
    }
}
