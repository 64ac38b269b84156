//! `/ideas/{id}`: one idea, its status history and the municipality's answer.

use klimadialog::IdeaId;
use klimadialog::listing::IdeaDetail;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::share_link::ShareLink;
use crate::components::support_button::{SupportButton, SupportTexts};
use crate::i18n::{kind_name, status_name, use_locale, use_texts};
use crate::pages::LoadError;
use crate::pages::not_found::NotFound;
use crate::server_fns::ideas::{ReviewNotice, SetSupport, SupportState, load_idea_for_visitor};

use leptos::server_fn::ServerFn;

#[component]
pub fn IdeaPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| IdeaId::parse(&s));
    let Some(id) = id else {
        return view! { <NotFound /> }.into_any();
    };
    view! {
        <Suspense>
            {Suspend::new(async move {
                                match load_idea_for_visitor(id.0).await {
                    Ok(Some(found)) => view! {
                        <IdeaView idea=found.idea support=found.support review=found.review />
                    }.into_any(),
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn IdeaView(
    idea: IdeaDetail,
    support: SupportState,
    review: Option<ReviewNotice>,
) -> impl IntoView {
    let locale = use_locale();
    let t = use_texts();
    let summary = idea.summary;
    let author = match &idea.author_name {
        Some(name) => (t.proposed_by)(name),
        None => (t.proposed_by)(&(t.resident_in)(&summary.area_name)),
    };
    let excerpt: String = idea.description.chars().take(160).collect();
    let here = format!("/ideas/{}", summary.id);
    let support_texts = SupportTexts::for_idea(t, summary.id, &here);
    let url = format!(
        "{}/ideas/{}",
        crate::config::site_config()
            .public_url
            .trim_end_matches('/'),
        summary.id
    );
    view! {
        <Title text=format!("{} – {}", summary.title, t.site_name) />
        <Meta name="description" content=excerpt.clone() />
        <Meta property="og:title" content=summary.title.clone() />
        <Meta property="og:description" content=excerpt />
        <Meta property="og:url" content=url.clone() />
        <article class="idea">
            <h1>{summary.title.clone()}</h1>
                        {match &review {
                Some(notice) => view! {
                    <p class="notice review" role="status">{review_text(t, notice)}</p>
                    <Meta name="robots" content="noindex" />
                }.into_any(),
                None => view! {
                    <SupportButton
                        idea=summary.id.0
                        state=support
                        action={<SetSupport as ServerFn>::PATH.to_owned()}
                        next=here
                        texts=support_texts
                    />
                }.into_any(),
            }}
            <dl class="facts">
                <div><dt>{t.kind_label}</dt><dd>{kind_name(summary.kind, locale)}</dd></div>
                <div><dt>{t.category_label}</dt><dd>{summary.category_name.get(locale).to_owned()}</dd></div>
                <div><dt>{t.area_label}</dt><dd>{summary.area_name.clone()}</dd></div>
                <div><dt>{t.status_label}</dt><dd class=format!("status status-{}", summary.status.as_str())>{status_name(summary.status, locale)}</dd></div>
            </dl>
            <div class="description">
                {idea.description.split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
            </div>
            <p class="byline">
                {author}" "
                <time datetime=summary.created_at.iso_date()>{summary.created_at.format_date(locale)}</time>
            </p>
            {(!idea.history.is_empty()).then(|| view! {
                <section class="history" aria-labelledby="history-heading">
                    <h2 id="history-heading">{t.status_history}</h2>
                    <ol>
                        {idea.history.into_iter().map(|step| view! {
                            <li>
                                <time datetime=step.at.iso_date()>{step.at.format_date(locale)}</time>": "
                                <strong>{status_name(step.status, locale)}</strong>
                                {step.answer.map(|answer| view! {
                                    <blockquote class="answer">
                                        <p class="answer-label">{t.official_answer}</p>
                                        <p>{answer.get(locale).to_owned()}</p>
                                    </blockquote>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            })}
            {review.is_none().then(|| view! {
                <section class="share" aria-labelledby="share-heading">
                <h2 id="share-heading">{t.share_idea}</h2>
                <ShareLink url copy_label=t.copy_link.to_owned() copied_label=t.link_copied.to_owned() />
            </section>
            })}
        </article>
    }
}

/// What the author of an idea the public cannot see is told about it.
fn review_text(t: &crate::i18n::Texts, notice: &ReviewNotice) -> String {
    let reason = notice.reason.as_deref().unwrap_or("");
    match notice.state {
        klimadialog::ModerationState::Rejected => (t.review_rejected)(reason),
        klimadialog::ModerationState::Hidden => (t.review_hidden)(reason),
        _ => t.review_pending.to_owned(),
    }
}
