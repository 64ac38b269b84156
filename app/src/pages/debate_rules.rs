//! `/debatregler`: the debate rules a moderator hides an argument under, linked from the
//! footer and from every debate form.

use klimadialog::argument::DebateRule;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::config::site_config;
use crate::i18n::{use_language, use_texts};

#[component]
pub fn DebateRulesPage() -> impl IntoView {
    let t = &use_language().argument;
    let all = use_texts();
    let municipality = site_config().municipality;
    view! {
        <Title text=format!("{} – {}", t.rules_title, all.site_name) />
        <Meta name="description" content=(t.rules_intro)(&municipality) />
        <article class="prose">
            <h1>{t.rules_title}</h1>
            <p>{(t.rules_intro)(&municipality)}</p>
            <ol class="rules">
                {DebateRule::ALL
                    .iter()
                    .map(|rule| {
                        view! {
                            <li id=format!("rule-{}", rule.as_str())>
                                <h2>{(t.rule_name)(*rule)}</h2>
                                <p>{(t.rule_text)(*rule)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>{t.rules_after}</p>
            <p>{t.rules_reports}</p>
            {(site_config().debate_moderation == klimadialog::moderation::ModerationMode::Pre)
                .then(|| view! { <p>{t.rules_approval}</p> })}
        </article>
    }
}
