//! `/`: what the site is, and the most supported ideas.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::idea_card::IdeaList;
use crate::i18n::use_texts;
use crate::pages::LoadError;
use crate::server_fns::ideas::top_ideas;

const ON_FRONT_PAGE: u32 = 10;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=format!("{} – {}", t.site_name, t.home_title) />
        <Meta name="description" content=t.home_intro />
        <section class="intro">
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_intro}</p>
        </section>
        <section aria-labelledby="top-heading">
            <h2 id="top-heading">{t.most_supported}</h2>
            <Suspense>
                {Suspend::new(async move {
                    match top_ideas(1, ON_FRONT_PAGE).await {
                        Ok(found) if found.page.ideas.is_empty() => {
                            view! { <p>{t.no_ideas_yet}</p> }.into_any()
                        }
                        Ok(found) => {
                            let total = found.page.total;
                            view! {
                                <IdeaList ideas=found next="/".to_owned() />
                                <p class="more">
                                    <a class="button" href="/ideas">
                                        {(t.see_all_ideas)(total)}
                                    </a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
