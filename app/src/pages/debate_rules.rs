//! `/debatregler`: the debate rules a moderator hides an argument under, linked from the
//! footer and from every debate form; in the municipality's own words where it gave any
//! (`--debate-rules`), else the built-in ones.

use klimadialog::argument::DebateRule;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::config::site_config;
use crate::i18n::{use_language, use_locale, use_texts};

/// A configured text's paragraphs (separated by blank lines).
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.trim().to_owned()}</p> })
        .collect_view()
}

#[component]
pub fn DebateRulesPage() -> impl IntoView {
    let t = &use_language().argument;
    let all = use_texts();
    let config = site_config();
    let words = config.debate_rules.words(use_locale()).clone();
    let intro = words
        .intro
        .clone()
        .unwrap_or_else(|| (t.rules_intro)(&config.municipality));
    view! {
        <Title text=format!("{} – {}", t.rules_title, all.site_name) />
        <Meta
            name="description"
            content=intro.split("\n\n").next().unwrap_or_default().to_owned()
        />
        <article class="prose">
            <h1>{t.rules_title}</h1>
            {paragraphs(&intro)}
            <ol class="rules">
                {DebateRule::ALL
                    .iter()
                    .map(|rule| {
                        view! {
                            <li id=format!("rule-{}", rule.as_str())>
                                <h2>{(t.rule_name)(*rule)}</h2>
                                {paragraphs(words.rule(*rule).unwrap_or((t.rule_text)(*rule)))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>{t.rules_after}</p>
            <p>{t.rules_reports}</p>
            {(config.debate_moderation == klimadialog::moderation::ModerationMode::Pre)
                .then(|| view! { <p>{t.rules_approval}</p> })}
        </article>
    }
}
