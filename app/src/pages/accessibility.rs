//! `/tilgaengelighed`: the accessibility statement, generated from the site's configuration.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::config::site_config;
use crate::i18n::use_texts;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    let a = &t.a11y;
    let config = site_config();
    // Configured as YYYY-MM-DD; residents read "29. november 2026".
    let reviewed = klimadialog::time::Date::parse_iso(&config.accessibility_reviewed)
        .map(|d| d.start_in_denmark().format_date(crate::i18n::use_locale()))
        .unwrap_or_else(|| config.accessibility_reviewed.clone());
    view! {
        <Title text=format!("{} – {}", t.accessibility_statement, t.site_name) />
        <article class="prose">
            <h1>{t.accessibility_statement}</h1>
            <p>{(a.intro)(&config.municipality)}</p>
            <h2>{a.status_heading}</h2>
            <p>{a.status_text}</p>
            <h2>{a.limits_heading}</h2>
            <ul>{a.limits.iter().map(|l| view! { <li>{*l}</li> }).collect_view()}</ul>
            <h2>{a.made_heading}</h2>
            <p>{a.made_text}</p>
            <h2>{a.feedback_heading}</h2>
            <p>{(a.feedback_text)(&config.municipality)}</p>
            <ul>
                {config.accessibility_email.clone().map(|email| view! {
                    <li>{a.feedback_email}": "<a href=format!("mailto:{email}")>{email.clone()}</a></li>
                })}
                <li>{a.feedback_website}": "<a href=config.municipality_url.clone()>{config.municipality_url.clone()}</a></li>
            </ul>
            <h2>{a.complaint_heading}</h2>
            <p>{a.complaint_text}</p>
            <p class="meta">{(a.reviewed)(&reviewed)}</p>
        </article>
    }
}
