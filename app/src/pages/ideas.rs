//! `/ideas`: every published idea, a page at a time.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::idea_card::IdeaList;
use crate::i18n::use_texts;
use crate::pages::LoadError;
use crate::server_fns::ideas::{PER_PAGE, top_ideas};

#[component]
pub fn IdeasPage() -> impl IntoView {
    let t = use_texts();
    // A page number that is not a positive number shows the first page: shared links stay usable.
    let page = use_query_map()
        .read_untracked()
        .get("page")
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| (1..=100_000).contains(p))
        .unwrap_or(1);
    view! {
        <Title text=format!("{} – {}", t.all_ideas_title, t.site_name) />
        <h1>{t.all_ideas_title}</h1>
        <Suspense>
            {Suspend::new(async move {
                match top_ideas(page, PER_PAGE).await {
                    Ok(found) => {
                        let pages = found.page.page_count();
                        let total = found.page.total;
                        let here = if page == 1 { "/ideas".to_owned() } else { format!("/ideas?page={page}") };
                        view! {
                            <p class="count">{(t.ideas_count)(total)}</p>
                            <IdeaList ideas=found next=here />
                            <nav class="pagination" aria-label=t.pagination>
                                {(page > 1).then(|| view! { <a rel="prev" href=format!("/ideas?page={}", page - 1)>{t.previous_page}</a> })}
                                <span aria-current="page">{(t.page_of)(page, pages)}</span>
                                {(page < pages).then(|| view! { <a rel="next" href=format!("/ideas?page={}", page + 1)>{t.next_page}</a> })}
                            </nav>
                        }.into_any()
                    }
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
