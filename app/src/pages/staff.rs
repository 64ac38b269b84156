//! `/staff`: the dashboard. Without a staff session it sends to the login page; a role that may
//! not see it gets 403.

use klimadialog::PublicStatus;
use klimadialog::numbers::format_int;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::error::AppError;
use crate::i18n::{status_name, use_language, use_locale, use_texts};
use crate::pages::{LoadError, redirect_to, set_status};
use crate::server_fns::staff::load_dashboard;

/// What a staff page shows when the request may not see it.
#[component]
pub fn StaffRefusal(error: AppError, here: &'static str) -> impl IntoView {
    let t = &use_language().staff;
    match error {
        AppError::NotSignedIn => {
            let login = format!("/staff/login?next={}", crate::url::encode_component(here));
            redirect_to(&login);
            // The redirect is the answer; the link is for the rare response that arrives
            // without it (seen once in an end-to-end run, not yet explained).
            view! {
                <p>
                    <a href=login>{t.login_title}</a>
                </p>
            }
            .into_any()
        }
        AppError::Forbidden => {
            set_status(403);
            view! {
                <h1>{t.forbidden_title}</h1>
                <p>{t.forbidden_text}</p>
            }
            .into_any()
        }
        AppError::NotFound => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        _ => view! { <LoadError /> }.into_any(),
    }
}

#[component]
pub fn StaffDashboardPage() -> impl IntoView {
    let t = &use_language().staff;
    let all = use_texts();
    let locale = use_locale();
    view! {
        <Title text=format!("{} – {}", t.dashboard_title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_dashboard().await {
                    Ok(d) => {
                        view! {
                            <h1>{t.dashboard_title}</h1>
                            {d
                                .mail_not_sent
                                .then(|| {
                                    view! {
                                        <p class="notice error" role="alert">
                                            {t.mail_not_sent}
                                        </p>
                                    }
                                })}
                            <dl class="figures">
                                <div>
                                    <dt>{t.waiting}</dt>
                                    <dd>{format_int(locale, d.pending)}</dd>
                                </div>
                                <div>
                                    <dt>{t.hidden}</dt>
                                    <dd>{format_int(locale, d.hidden)}</dd>
                                </div>
                                <div>
                                    <dt>{t.reported}</dt>
                                    <dd>{format_int(locale, d.reported)}</dd>
                                </div>
                                <div>
                                    <dt>{t.arguments_waiting}</dt>
                                    <dd>{format_int(locale, d.arguments_waiting)}</dd>
                                </div>
                                <div>
                                    <dt>{t.mails_waiting}</dt>
                                    <dd>{format_int(locale, d.mails_waiting)}</dd>
                                </div>
                                <div>
                                    <dt>{t.mails_retrying}</dt>
                                    <dd>{format_int(locale, d.mails_retrying)}</dd>
                                </div>
                                <div>
                                    <dt>{t.mails_given_up}</dt>
                                    <dd>{format_int(locale, d.mails_given_up)}</dd>
                                </div>
                                <div>
                                    <dt>{t.mails_sent_today}</dt>
                                    <dd>{format_int(locale, d.mails_sent_today)}</dd>
                                </div>
                            </dl>
                            <h2>{t.per_status}</h2>
                            <ul class="plain-list">
                                {d
                                    .per_status
                                    .into_iter()
                                    .filter_map(|(status, n)| {
                                        let status = PublicStatus::parse(&status)?;
                                        Some(
                                            view! {
                                                <li>
                                                    {status_name(status, locale)}": "{format_int(locale, n)}
                                                </li>
                                            },
                                        )
                                    })
                                    .collect_view()}
                            </ul>
                            <h2>{t.recent}</h2>
                            <ul class="plain-list recent">
                                {d
                                    .recent
                                    .into_iter()
                                    .map(|(at, who, action, idea)| {
                                        view! {
                                            <li>
                                                <time datetime=at.rfc3339_utc()>{at.local_minute()}</time>
                                                " · "
                                                {staff_name(who, t.system)}
                                                " · "
                                                <span data-action=action
                                                    .clone()>
                                                    {klimadialog::audit::AuditAction::parse(&action)
                                                        .map_or(
                                                            action.clone(),
                                                            |a| crate::i18n::audit_action_name(a, locale).to_owned(),
                                                        )}
                                                </span>
                                                {idea
                                                    .map(|id| {
                                                        view! {
                                                            " · "
                                                            <a href=format!("/ideas/{id}")>{format!("#{id}")}</a>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Who did something: a staff member's username (a name, not a text to translate), or the
/// system.
pub fn staff_name(who: Option<String>, system: &'static str) -> AnyView {
    match who {
        Some(name) => view! { <span translate="no">{name}</span> }.into_any(),
        None => system.into_any(),
    }
}
