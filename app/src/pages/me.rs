//! `/me`: the signed-in resident's ideas, with where each stands, and the ideas they support.

use klimadialog::ModerationState;
use klimadialog::listing::IdeaSummary;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{MeTexts, status_name, use_locale, use_texts};
use crate::pages::LoadError;
use crate::server_fns::me::{
    DeleteMyAccount, DownloadMyData, MeNotice, SaveMailSettings, load_my_page,
};
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

fn moderation_name(t: &MeTexts, state: ModerationState) -> &'static str {
    match state {
        ModerationState::Pending => t.pending,
        ModerationState::Published => t.published,
        ModerationState::Rejected => t.rejected,
        ModerationState::Hidden => t.hidden,
    }
}

/// One line of a list: the idea's title as a link, and what to say about it.
#[component]
fn IdeaLine(idea: IdeaSummary, note: String) -> impl IntoView {
    view! {
        <li>
            <a href=format!("/ideas/{}", idea.id) lang=crate::i18n::lang_if_other(idea.language)>
                {idea.title.clone()}
            </a>
            <span class="meta">" · "{note}</span>
        </li>
    }
}

#[component]
pub fn MyPage() -> impl IntoView {
    let all = use_texts();
    let t = &all.me;
    let locale = use_locale();
    view! {
        <Title text=format!("{} – {}", t.title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <h1>{t.title}</h1>
        <Suspense>
            {Suspend::new(async move {
                match load_my_page().await {
                    Ok(None) => {
                        view! {
                            <p>{t.sign_in_first}</p>
                            <p>
                                <a class="button" href="/signin?next=/me">
                                    {all.signin.sign_in}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Ok(Some(page)) => {
                        view! {
                            <section aria-labelledby="my-ideas">
                                <h2 id="my-ideas">{t.my_ideas}</h2>
                                {if page.ideas.is_empty() {
                                    view! { <p>{t.no_ideas}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list">
                                            {page
                                                .ideas
                                                .into_iter()
                                                .map(|(idea, state)| {
                                                    let note = format!(
                                                        "{} · {}",
                                                        moderation_name(t, state),
                                                        status_name(idea.status, locale),
                                                    );
                                                    view! { <IdeaLine idea note /> }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            </section>
                            <section aria-labelledby="my-supports">
                                <h2 id="my-supports">{t.my_supports}</h2>
                                {if page.supported.is_empty() {
                                    view! { <p>{t.no_supports}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list">
                                            {page
                                                .supported
                                                .into_iter()
                                                .map(|idea| {
                                                    let note = (all.supports)(idea.supports);
                                                    view! { <IdeaLine idea note /> }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            </section>
                            <crate::components::follow_topic::FollowTopics
                                topics=page.follows
                                areas=page.areas
                                sectors=page.sectors
                                themes=page.themes
                            />
                            <MailSettings
                                language=page.mail_language
                                status_mails=page.status_mails
                                frequency=page.frequency
                                replies_at_once=page.replies_at_once
                            />
                            <MyData />
                            <DeleteAccount />
                        }
                            .into_any()
                    }
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the address says the last form on this page did.
fn me_notice() -> Option<MeNotice> {
    use_query_map()
        .read_untracked()
        .get("me")
        .and_then(|n| MeNotice::parse(&n))
}

#[component]
fn MailSettings(
    language: klimadialog::Locale,
    status_mails: bool,
    frequency: klimadialog::follow::Frequency,
    replies_at_once: bool,
) -> impl IntoView {
    use klimadialog::follow::Frequency;

    let t = &use_texts().me;
    let notice = me_notice();
    let saved = notice == Some(MeNotice::MailSaved);
    let refused = notice == Some(MeNotice::MailRefused);
    let choices = [
        Frequency::AtOnce,
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Never,
    ]
    .map(|choice| {
        let id = format!("frequency-{}", choice.as_str());
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="frequency"
                    value=choice.as_str()
                    checked=choice == frequency
                />
                <label for=id>{(t.frequency)(choice)}</label>
            </div>
        }
    });
    let options = klimadialog::Locale::ALL.map(|locale| {
        view! {
            <option value=locale.tag() selected=locale == language lang=locale.tag()>
                {locale.endonym()}
            </option>
        }
    });
    view! {
        <section id="mail" aria-labelledby="mail-heading">
            <h2 id="mail-heading">{t.mail_heading}</h2>
            {saved
                .then(|| {
                    view! {
                        <p class="notice" role="status">
                            {t.mail_saved}
                        </p>
                    }
                })}
            {refused
                .then(|| {
                    view! {
                        <p class="notice error" role="alert">
                            {t.mail_refused}
                        </p>
                    }
                })}
            <form method="post" action={<SaveMailSettings as ServerFn>::PATH} class="stack">
                <fieldset aria-describedby="frequency-hint">
                    <legend>{t.frequency_legend}</legend>
                    <p id="frequency-hint" class="hint">
                        {t.frequency_hint}
                    </p>
                    {choices}
                </fieldset>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="replies-at-once"
                        name="replies_at_once"
                        value="1"
                        checked=replies_at_once
                    />
                    <label for="replies-at-once">{t.replies_at_once}</label>
                </div>
                <div class="field">
                    <label for="mail-language">{t.mail_language}</label>
                    <select id="mail-language" name="language">
                        {options}
                    </select>
                </div>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="status-mails"
                        name="status_mails"
                        value="1"
                        checked=status_mails
                    />
                    <label for="status-mails">{t.status_mails}</label>
                </div>
                <button type="submit" class="button secondary">
                    {t.mail_save}
                </button>
            </form>
        </section>
    }
}

#[component]
fn MyData() -> impl IntoView {
    let t = &use_texts().me;
    view! {
        <section aria-labelledby="my-data">
            <h2 id="my-data">{t.data_heading}</h2>
            <p>{t.data_text}</p>
            <p>
                <a href={<DownloadMyData as ServerFn>::PATH} download="klimadialog-data.json">
                    {t.data_link}
                </a>
            </p>
        </section>
    }
}

#[component]
fn DeleteAccount() -> impl IntoView {
    let t = &use_texts().me;
    let unconfirmed = me_notice() == Some(MeNotice::DeleteUnconfirmed);
    view! {
        <section id="delete" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{t.delete_heading}</h2>
            <p>{t.delete_text}</p>
            <form method="post" action={<DeleteMyAccount as ServerFn>::PATH} class="stack">
                {unconfirmed
                    .then(|| {
                        view! {
                            <p id="confirm-error" class="field-error" role="alert">
                                {t.delete_unconfirmed}
                            </p>
                        }
                    })}
                <div class="choice">
                    <input
                        type="checkbox"
                        id="confirm"
                        name="confirm"
                        value="yes"
                        aria-invalid=unconfirmed.then_some("true")
                        aria-describedby=unconfirmed.then_some("confirm-error")
                    />
                    <label for="confirm">{t.delete_confirm}</label>
                </div>
                <button type="submit" class="button danger">
                    {t.delete_button}
                </button>
            </form>
        </section>
    }
}
