//! `/privatliv`: the privacy notice, from the site's configuration and the retention rules.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::config::site_config;
use crate::i18n::{use_language, use_texts};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = &use_language().privacy;
    let all = use_texts();
    let config = site_config();
    let municipality = config.municipality.clone();
    let contact = match &config.dpo_email {
        Some(email) => view! {
            <p>
                {(t.dpo_email)(&municipality, email)}" "
                <a href=format!("mailto:{email}") translate="no">
                    {email.clone()}
                </a>
            </p>
        }
        .into_any(),
        None => view! {
            <p>
                {(t.dpo_website)(&municipality)}" "
                <a href=config.municipality_url.clone() translate="no">
                    {config.municipality_url.clone()}
                </a>
            </p>
        }
        .into_any(),
    };
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="description" content=(t.intro)(&municipality) />
        <article class="prose">
            <h1>{t.title}</h1>
            <p>{(t.intro)(&municipality)}</p>
            <h2>{t.contact_heading}</h2>
            {contact}
            <h2>{t.purposes_heading}</h2>
            <ul>{t.purposes.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            <h2>{t.basis_heading}</h2>
            <p>{t.basis}</p>
            <h2>{t.data_heading}</h2>
            <ul>{t.data.iter().map(|d| view! { <li>{*d}</li> }).collect_view()}</ul>
            <h2>{t.who_heading}</h2>
            {t.who.iter().map(|w| view! { <p>{*w}</p> }).collect_view()}
            <h2>{t.kept_heading}</h2>
            <table>
                <tbody>
                    {t
                        .kept
                        .iter()
                        .map(|(what, seconds)| {
                            view! {
                                <tr>
                                    <th scope="row">{*what}</th>
                                    <td>{t.period(*seconds)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p>{t.kept_until_deleted}</p>
            <h2>{t.rights_heading}</h2>
            <p>{t.rights}</p>
            <p>{t.rights_me}" "<a href="/me">{all.me.nav}</a></p>
            <h2>{t.complaint_heading}</h2>
            <p>{t.complaint}</p>
        </article>
    }
}
