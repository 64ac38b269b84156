//! An idea in a list: title, kind, topic, area, status and support count.

use klimadialog::IdeaKind;
use klimadialog::listing::IdeaSummary;
use leptos::prelude::*;

use crate::i18n::{kind_name, status_name, use_locale, use_texts};

#[component]
pub fn IdeaCard(idea: IdeaSummary) -> impl IntoView {
    let locale = use_locale();
    let t = use_texts();
    let kind_class = match idea.kind {
        IdeaKind::Mitigation => "badge kind-mitigation",
        IdeaKind::Adaptation => "badge kind-adaptation",
    };
    view! {
        <li class="idea-card">
            <article>
                <h3><a href=format!("/ideas/{}", idea.id)>{idea.title.clone()}</a></h3>
                <p class="supports"><strong>{(t.supports)(idea.supports)}</strong></p>
                <dl class="facts">
                    <div><dt>{t.kind_label}</dt><dd><span class=kind_class>{kind_name(idea.kind, locale)}</span></dd></div>
                    <div><dt>{t.category_label}</dt><dd>{idea.category_name.get(locale).to_owned()}</dd></div>
                    <div><dt>{t.area_label}</dt><dd>{idea.area_name.clone()}</dd></div>
                    <div><dt>{t.status_label}</dt><dd class=format!("status status-{}", idea.status.as_str())>{status_name(idea.status, locale)}</dd></div>
                </dl>
            </article>
        </li>
    }
}

/// A list of cards.
#[component]
pub fn IdeaList(ideas: Vec<IdeaSummary>) -> impl IntoView {
    view! {
        <ol class="idea-list">
            {ideas.into_iter().map(|idea| view! { <IdeaCard idea /> }).collect_view()}
        </ol>
    }
}
