//! `/tilgaengelighed`: the accessibility statement, generated from the site's configuration; or,
//! when the statement is published in WAS-Tool, the evidence behind it with a link there.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::config::site_config;
use crate::i18n::{use_language, use_texts};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let t = use_texts();
    let a = &use_language().accessibility;
    let config = site_config();
    // Configured as YYYY-MM-DD; residents read "29. november 2026".
    let reviewed = klimadialog::time::Date::parse_iso(&config.accessibility_reviewed)
        .map(|d| crate::i18n::format_date(d.start_in_denmark(), crate::i18n::use_locale()))
        .unwrap_or_else(|| config.accessibility_reviewed.clone());
    let official = config.accessibility_statement_url.clone();
    let title = if official.is_some() {
        a.evidence_title
    } else {
        t.accessibility_statement
    };
    let m = config.municipality.clone();
    view! {
        <Title text=format!("{title} – {}", t.site_name) />
        <article class="prose">
            <h1>{title}</h1>
            {match official {
                Some(url) => {
                    // WAS-Tool statements are in Danish.
                    view! {
                        <p>
                            {(a.official)(&m)}" "<a href=url hreflang="da">
                                {a.official_link}
                            </a>
                        </p>
                        <p>{a.evidence_intro}</p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p>{(a.intro)(&m)}</p>
                        <h2>{a.status_heading}</h2>
                        <p>{a.status_text}</p>
                    }
                        .into_any()
                }
            }}
            <h2>{a.tested_heading}</h2>
            <ul>{a.tested.iter().map(|l| view! { <li>{*l}</li> }).collect_view()}</ul>
            <h2>{a.limits_heading}</h2>
            <ul>{a.limits.iter().map(|l| view! { <li>{*l}</li> }).collect_view()}</ul>
            <h2>{a.feedback_heading}</h2>
            <p>{(a.feedback_text)(&m)}</p>
            <ul>
                {config
                    .accessibility_phone
                    .clone()
                    .map(|phone| {
                        let tel: String = phone
                            .chars()
                            .filter(|c| c.is_ascii_digit() || *c == '+')
                            .collect();
                        view! {
                            <li>
                                {a.feedback_phone}": "<a href=format!("tel:{tel}") translate="no">
                                    {phone}
                                </a>
                            </li>
                        }
                    })}
                {config
                    .accessibility_email
                    .clone()
                    .map(|email| {
                        view! {
                            <li>
                                {a.feedback_email}": "
                                <a href=format!("mailto:{email}") translate="no">
                                    {email.clone()}
                                </a>
                            </li>
                        }
                    })}
                <li>
                    {a.feedback_website}": "<a href=config.municipality_url.clone() translate="no">
                        {config.municipality_url.clone()}
                    </a>
                </li>
            </ul>
            <h2>{a.complaint_heading}</h2>
            <p>{a.complaint_text}</p>
            <p class="meta">{(a.reviewed)(&reviewed)}</p>
        </article>
    }
}
