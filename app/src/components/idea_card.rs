//! An idea in a list: title, kind, topic, area, status, and its support button.

use klimadialog::IdeaKind;
use klimadialog::listing::IdeaSummary;
use leptos::prelude::*;

use crate::components::support_button::{SupportTexts, support_part};
use crate::i18n::{
    danish_lang, kind_name, lang_if_other, name_in_page_language, status_name, use_locale,
    use_texts,
};
use crate::server_fns::ideas::IdeaPageForVisitor;
use crate::server_fns::support::SupportState;

#[component]
pub fn IdeaCard(idea: IdeaSummary, support: SupportState, next: String) -> impl IntoView {
    let locale = use_locale();
    let t = use_texts();
    let kind_class = match idea.kind {
        IdeaKind::Mitigation => "badge kind-mitigation",
        IdeaKind::Adaptation => "badge kind-adaptation",
    };
    let texts = SupportTexts::for_idea(t, idea.id, &next);
    let (category, category_lang) = name_in_page_language(&idea.category_name);
    view! {
        <li class="idea-card">
            <article>
                <h3 id=format!("idea-{}", idea.id)>
                    <a href=format!("/ideas/{}", idea.id) lang=lang_if_other(idea.language)>
                        {idea.title.clone()}
                    </a>
                </h3>
                <dl class="facts">
                    <div>
                        <dt>{t.kind_label}</dt>
                        <dd>
                            <span class=kind_class>{kind_name(idea.kind, locale)}</span>
                        </dd>
                    </div>
                    <div>
                        <dt>{t.category_label(idea.kind)}</dt>
                        <dd lang=category_lang>{category}</dd>
                    </div>
                    <div>
                        <dt>{t.area_label}</dt>
                        <dd lang=danish_lang()>{idea.area_name.clone()}</dd>
                    </div>
                    <div>
                        <dt>{t.status_label}</dt>
                        <dd class=format!(
                            "status status-{}",
                            idea.status.as_str(),
                        )>{status_name(idea.status, locale)}</dd>
                    </div>
                    {(idea.arguments.total() > 0)
                        .then(|| {
                            let a = &crate::i18n::use_language().argument;
                            view! {
                                <div>
                                    <dt>{a.heading}</dt>
                                    <dd>{(a.summary)(idea.arguments)}</dd>
                                </div>
                            }
                        })}
                </dl>
                {support_part(idea.id.0, support, next, texts, Some(format!("idea-{}", idea.id)))}
            </article>
        </li>
    }
}

/// A list of cards; `next` is the page to come back to after supporting from it.
#[component]
pub fn IdeaList(ideas: IdeaPageForVisitor, next: String) -> impl IntoView {
    let cards: Vec<_> = ideas
        .page
        .ideas
        .iter()
        .map(|idea| (idea.clone(), ideas.support_of(idea)))
        .collect();
    view! {
        <ol class="idea-list">
            {cards
                .into_iter()
                .map(|(idea, support)| view! { <IdeaCard idea support next=next.clone() /> })
                .collect_view()}
        </ol>
    }
}
