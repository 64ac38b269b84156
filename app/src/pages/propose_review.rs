//! `/ideas/new/review`: the draft as it will look, similar published ideas first (each with
//! "support this instead"), and the button that sends it; or, before sign-in, the way to sign
//! in with the draft kept.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};

use crate::i18n::{kind_name, use_language, use_locale, use_texts};
use crate::pages::LoadError;
use crate::server_fns::propose::{ReviewPage, SubmitIdea, load_review};
use crate::server_fns::support::SetSupport;

#[component]
pub fn ProposeReviewPage() -> impl IntoView {
    let t = &use_language().propose;
    let all = use_texts();
    view! {
        <Title text=format!("{} – {}", t.review_title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <div class="narrow">
            <h1>{t.review_title}</h1>
            <Suspense>
                {Suspend::new(async move {
                    match load_review().await {
                        Ok(Some(page)) => view! { <Review page /> }.into_any(),
                        Ok(None) => {
                            view! {
                                <p>{t.no_draft}</p>
                                <p>
                                    <a class="button" href="/ideas/new">
                                        {t.start}
                                    </a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Review(page: ReviewPage) -> impl IntoView {
    let t = &use_language().propose;
    let all = use_texts();
    let locale = use_locale();
    let area_line = if page.from_point {
        (t.area_from_point)(&page.area)
    } else {
        page.area.clone()
    };
    let (category, category_lang) = crate::i18n::name_in_page_language(&page.category);
    view! {
        <p>{t.review_intro}</p>
        <article class="draft-preview" aria-labelledby="draft-title">
            <h2 id="draft-title">{page.title.clone()}</h2>
            <dl class="facts">
                <div>
                    <dt>{all.kind_label}</dt>
                    <dd>{kind_name(page.kind, locale)}</dd>
                </div>
                <div>
                    <dt>{all.category_label(page.kind)}</dt>
                    <dd lang=category_lang>{category}</dd>
                </div>
                <div>
                    <dt>{all.area_label}</dt>
                    <dd>{area_line}</dd>
                </div>
            </dl>
            <p class="description">{page.description.clone()}</p>
            {page
                .photo
                .clone()
                .map(|name| {
                    let (width, height) = klimadialog::idea::photo_size(&name)
                        .unwrap_or((1600, 1200));
                    view! {
                        <img
                            class="photo"
                            src=format!("/photos/{name}")
                            width=width
                            height=height
                            alt=t.photo_current
                            loading="lazy"
                        />
                    }
                })}
            <p>
                <a href="/ideas/new">{t.edit}</a>
            </p>
        </article>
        <section aria-labelledby="similar">
            <h2 id="similar">{t.similar_heading}</h2>
            {if page.similar.is_empty() {
                view! { <p>{t.no_similar}</p> }.into_any()
            } else {
                view! {
                    <p>{t.similar_intro}</p>
                    <ul class="plain-list similar">
                        {page
                            .similar
                            .into_iter()
                            .map(|idea| {
                                let here = format!("/ideas/{}", idea.id);
                                let title_id = format!("similar-{}", idea.id);
                                view! {
                                    <li>
                                        <a
                                            id=title_id.clone()
                                            href=here.clone()
                                            lang=crate::i18n::lang_if_other(idea.language)
                                        >
                                            {idea.title.clone()}
                                        </a>
                                        <span class="meta">
                                            " · "
                                            <span lang=crate::i18n::danish_lang()>
                                                {idea.area_name.clone()}
                                            </span>" · "{(all.supports)(idea.supports)}
                                        </span>
                                        <form method="post" action={<SetSupport as ServerFn>::PATH}>
                                            <input type="hidden" name="idea" value=idea.id.0 />
                                            <input type="hidden" name="support" value="true" />
                                            <input type="hidden" name="next" value=here />
                                            <button
                                                type="submit"
                                                class="button secondary"
                                                aria-describedby=title_id
                                            >
                                                {t.support_instead}
                                            </button>
                                        </form>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <section aria-labelledby="send">
            <h2 id="send" class="visually-hidden">
                {t.submit}
            </h2>
            {if page.signed_in {
                view! {
                    <p class="meta">
                        {if page.post_moderation { t.post_moderation } else { t.pre_moderation }}
                    </p>
                    <form method="post" action={<SubmitIdea as ServerFn>::PATH}>
                        <button type="submit" class="button">
                            {t.submit}
                        </button>
                    </form>
                }
                    .into_any()
            } else {
                view! {
                    <p>{t.draft_kept}</p>
                    <p>
                        <a class="button" href="/signin?next=%2Fideas%2Fnew%2Freview">
                            {t.sign_in_to_submit}
                        </a>
                    </p>
                }
                    .into_any()
            }}
        </section>
    }
}
