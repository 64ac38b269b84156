//! `/ideas/new`: propose an idea. One form, top to bottom in the order a resident thinks:
//! what the idea does, its sector or theme, where, what, and a photo if they like. It posts as
//! multipart to `POST /ideas/new`, which keeps everything as a draft and comes back here with
//! `?check=1` when something is missing, so each field shows its own message and what was
//! typed stays.

use klimadialog::propose::{DraftErrors, FieldError, PhotoProblem};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::live_text::{LiveText, LiveTextTexts, TextKind};
use crate::components::locate_me::{LocateMe, LocateTexts};
use crate::config::site_config;
use crate::i18n::{ProposeTexts, use_language, use_texts};
use crate::pages::LoadError;
use crate::server_fns::propose::{Choice, ProposeForm, load_propose_form};

#[component]
pub fn ProposePage() -> impl IntoView {
    let t = &use_language().propose;
    let all = use_texts();
    let query = use_query_map().read_untracked();
    let check = query.get("check").is_some();
    let photo_problem = query
        .get("photo_error")
        .and_then(|p| PhotoProblem::parse(&p));
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <div class="narrow">
            <h1>{t.title}</h1>
            <p>{t.intro}</p>
            <Suspense>
                {Suspend::new(async move {
                    match load_propose_form(check).await {
                        Ok(form) => view! { <ProposeFormView form photo_problem /> }.into_any(),
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The message for a field, if it has an error.
fn message(t: &ProposeTexts, error: Option<FieldError>) -> Option<String> {
    let municipality = site_config().municipality;
    error.map(|e| t.field_error(e, &municipality))
}

/// Every error, in form order, linked to its field: the list a screen reader user hears first.
fn error_summary(
    t: &ProposeTexts,
    errors: &DraftErrors,
    photo: Option<PhotoProblem>,
) -> Vec<(&'static str, String)> {
    let category_field = match errors.category {
        Some(FieldError::ThemeMissing) => "theme",
        _ => "sector",
    };
    [
        ("kind-mitigation", message(t, errors.kind)),
        (category_field, message(t, errors.category)),
        ("area", message(t, errors.place)),
        ("title", message(t, errors.title)),
        ("description", message(t, errors.description)),
        ("photo", photo.map(|p| t.photo_error(p).to_owned())),
    ]
    .into_iter()
    .filter_map(|(field, message)| message.map(|m| (field, m)))
    .collect()
}

fn text_texts(t: &ProposeTexts, label: &str, hint: &str) -> LiveTextTexts {
    LiveTextTexts {
        label: label.to_owned(),
        hint: hint.to_owned(),
        empty: t.text_empty.to_owned(),
        locale: t.locale,
        too_short: (t.text_too_short)("{n}"),
        too_long: (t.text_too_long)("{n}"),
        control: t.text_control.to_owned(),
        chars_used: (t.chars_used)("{n}", "{max}"),
    }
}

/// A select list with a "choose" option first and the current value selected.
#[component]
fn ChoiceSelect(
    id: &'static str,
    label: &'static str,
    choices: Vec<Choice>,
    current: String,
    error: Option<String>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let t = &use_language().propose;
    let invalid = error.as_ref().map(|_| "true");
    let error_id = format!("{id}-error");
    view! {
        <div class=format!("field {class}")>
            <label for=id>{label}</label>
            {error
                .map(|m| {
                    view! {
                        <p id=error_id.clone() class="field-error">
                            {m}
                        </p>
                    }
                })}
            <select
                id=id
                name=id
                aria-invalid=invalid
                aria-describedby=invalid.map(|_| format!("{id}-error"))
            >
                <option value="">{t.choose}</option>
                {crate::components::choice_options(choices, None, &current)}
            </select>
        </div>
    }
}

#[component]
fn ProposeFormView(form: ProposeForm, photo_problem: Option<PhotoProblem>) -> impl IntoView {
    let t = &use_language().propose;
    let errors = form.errors.clone();
    let summary = error_summary(t, &errors, photo_problem);
    let fields = form.fields;
    let kind_error = message(t, errors.kind);
    let (sector_error, theme_error) = match errors.category {
        Some(FieldError::ThemeMissing) => (None, message(t, errors.category)),
        other => (message(t, other), None),
    };
    let place_error = message(t, errors.place);
    let photo_error = photo_problem.map(|p| t.photo_error(p));
    let locate_texts = LocateTexts {
        use_location: t.use_location.to_owned(),
        locating: t.locating.to_owned(),
        location_in: (t.location_in)("{area}"),
        outside: (t.point_outside)(&site_config().municipality),
        failed: t.location_failed.to_owned(),
        remove: t.remove_location.to_owned(),
        map_label: t.map_label.to_owned(),
        point_in: (t.point_in)("{area}"),
    };
    let kind_radio = |value: &'static str, label: &'static str| {
        let id = format!("kind-{value}");
        let checked = fields.kind == value;
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="kind"
                    value=value
                    checked=checked
                    aria-describedby=kind_error.as_ref().map(|_| "kind-error")
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        {(!summary.is_empty())
            .then(|| {
                view! {
                    <div id="form-errors" class="notice error" role="alert" tabindex="-1">
                        <h2>{t.errors_heading}</h2>
                        <ul>
                            {summary
                                .into_iter()
                                .map(|(field, m)| {
                                    view! {
                                        <li>
                                            <a href=format!("#{field}")>{m}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
            })}
        <form
            method="post"
            action="/ideas/new"
            enctype="multipart/form-data"
            class="stack propose"
            novalidate
        >
            <fieldset>
                <legend>{t.kind_legend}</legend>
                {kind_error
                    .clone()
                    .map(|m| {
                        view! {
                            <p id="kind-error" class="field-error">
                                {m}
                            </p>
                        }
                    })}
                {kind_radio("mitigation", t.kind_mitigation)}
                {kind_radio("adaptation", t.kind_adaptation)}
            </fieldset>
            <ChoiceSelect
                id="sector"
                label=t.sector_label
                choices=form.sectors
                current=fields.sector.clone()
                error=sector_error
                class="sector-field"
            />
            <ChoiceSelect
                id="theme"
                label=t.theme_label
                choices=form.themes
                current=fields.theme.clone()
                error=theme_error
                class="theme-field"
            />
            <fieldset>
                <legend>{t.place_legend}</legend>
                <ChoiceSelect
                    id="area"
                    label=t.area_label
                    choices=form.areas
                    current=fields.area.clone()
                    error=place_error
                />
                <LocateMe
                    point=form.point
                    located_in=form.located_in
                    map=form.map
                    texts=locate_texts
                />
                <p id="exact_point-hint" class="hint">
                    {t.point_published}
                </p>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="exact_point"
                        name="exact_point"
                        value="1"
                        checked=fields.exact_point == "1"
                        aria-describedby="exact_point-hint"
                    />
                    <label for="exact_point">{t.exact_point}</label>
                </div>
            </fieldset>
            <LiveText
                kind=TextKind::Title
                name="title".to_owned()
                value=fields.title.clone()
                error=message(t, errors.title)
                texts=text_texts(t, t.title_label, t.title_hint)
            />
            <LiveText
                kind=TextKind::Description
                name="description".to_owned()
                value=fields.description.clone()
                error=message(t, errors.description)
                texts=text_texts(t, t.description_label, t.description_hint)
            />
            <div class="field">
                <label for="photo">{t.photo_label}</label>
                <p id="photo-hint" class="hint">
                    {t.photo_hint}
                </p>
                {photo_error
                    .map(|m| {
                        view! {
                            <p id="photo-error" class="field-error">
                                {m}
                            </p>
                        }
                    })}
                {form
                    .photo
                    .map(|name| {
                        let (width, height) = klimadialog::idea::photo_size(&name)
                            .unwrap_or((1600, 1200));
                        view! {
                            <figure class="photo-preview">
                                <img
                                    src=format!("/photos/{name}")
                                    width=width
                                    height=height
                                    alt=t.photo_current
                                    loading="lazy"
                                />
                                <figcaption>
                                    <input
                                        type="checkbox"
                                        id="remove_photo"
                                        name="remove_photo"
                                        value="1"
                                    />
                                    <label for="remove_photo">{t.remove_photo}</label>
                                </figcaption>
                            </figure>
                        }
                    })}
                <input
                    id="photo"
                    name="photo"
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    aria-invalid=photo_error.map(|_| "true")
                    aria-describedby=if photo_error.is_some() {
                        "photo-error photo-hint"
                    } else {
                        "photo-hint"
                    }
                />
            </div>
            <p class="meta">
                <a href="/privatliv">{crate::i18n::use_language().privacy.nav}</a>
            </p>
            <button type="submit" class="button">
                {t.continue_button}
            </button>
        </form>
    }
}
