//! The frame of every page: skip link, header with navigation and language switch, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::config::site_config;
use crate::i18n::{danish_lang, use_locale, use_texts};
use crate::server_fns::SiteNotice;
use crate::server_fns::signin::SignOut;
use crate::url::encode_component;
use leptos::server_fn::ServerFn;

/// Whether the request carries a session cookie (or is the shared render for signed-in
/// residents). The header only needs to offer the right action: signing out of a stale session
/// is harmless, and signing in replaces it.
fn has_session_cookie() -> bool {
    #[cfg(feature = "ssr")]
    return crate::personal::shared_render() || crate::session::session_token().is_some();
    #[cfg(not(feature = "ssr"))]
    false
}

/// This page's path and query, to come back to after switching language or signing in.
fn current_path_and_query() -> String {
    let location = use_location();
    let path = location.pathname.get_untracked();
    // The router gives the query without its leading '?'.
    match location.search.get_untracked().trim_start_matches('?') {
        "" => path,
        query => format!("{path}?{query}"),
    }
}

/// Links to this page in the other offered languages: `/lang/{tag}?next={path}`, each named
/// in its own language. Plain links, so they work without JavaScript; the server sets the
/// cookie and sends the visitor back.
fn language_links(here: &str) -> impl IntoView + use<> {
    let current = use_locale();
    klimadialog::Locale::ALL
        .into_iter()
        .filter(move |l| *l != current)
        .map(|l| {
            let href = format!("/lang/{}?next={}", l.tag(), encode_component(here));
            let hint = crate::i18n::texts(l).read_in_this_language;
            view! {
                <a href=href hreflang=l.tag() lang=l.tag() title=hint>
                    {l.endonym()}
                </a>
            }
        })
        .collect_view()
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let config = site_config();
    let path = use_location().pathname.get_untracked();
    let here = current_path_and_query();
    let signed_in = has_session_cookie();
    // Staff pages get the staff header, and the resident's account links give way to it.
    let staff_page = (path == "/staff" || path.starts_with("/staff/")) && path != "/staff/login";
    let staff_path = path.clone();
    // A form that was refused sends the visitor back with a notice to show.
    let notice = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("notice")
        .and_then(|key| SiteNotice::parse(&key))
        .map(|notice| match notice {
            SiteNotice::TooMany => (t.too_many, "notice error"),
            SiteNotice::TooManyIdeas => {
                (crate::i18n::use_language().propose.too_many, "notice error")
            }
            SiteNotice::AccountDeleted => (t.me.deleted, "notice"),
        });
    let sign_in_href = if path.starts_with("/signin") {
        "/signin".to_owned()
    } else {
        format!("/signin?next={}", encode_component(&here))
    };
    let current = move |href: &str| {
        let here = if href == "/" {
            path == "/"
        } else {
            (path == href || path.starts_with(&format!("{href}/")))
                && !(href == "/ideas" && path.starts_with("/ideas/new"))
        };
        here.then_some("page")
    };
    view! {
        <a class="skip-link" href="#main">
            {t.skip_to_content}
        </a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{t.site_name}</span>
                    <span class="brand-owner" lang=danish_lang()>
                        {config.municipality.clone()}
                    </span>
                </a>
                <span class="language-switch">{language_links(&here)}</span>
            </div>
            <nav class="wrap main-nav" aria-label=t.main_navigation>
                <ul>
                    <li>
                        <a href="/" aria-current=current("/")>
                            {t.nav_home}
                        </a>
                    </li>
                    <li>
                        <a href="/ideas" aria-current=current("/ideas")>
                            {t.nav_ideas}
                        </a>
                    </li>
                    <li>
                        <a href="/map" aria-current=current("/map")>
                            {crate::i18n::use_language().map.nav}
                        </a>
                    </li>
                    <li>
                        <a href="/stats" aria-current=current("/stats")>
                            {crate::i18n::use_language().stats.nav}
                        </a>
                    </li>
                    <li>
                        <a href="/plan" aria-current=current("/plan")>
                            {crate::i18n::use_language().plan.title}
                        </a>
                    </li>
                    <li>
                        <a href="/ideas/new" aria-current=current("/ideas/new")>
                            {crate::i18n::use_language().propose.nav}
                        </a>
                    </li>
                    <li class="nav-account">
                        {if staff_page {
                            ().into_any()
                        } else if signed_in {
                            view! {
                                <a href="/me" aria-current=current("/me")>
                                    {t.me.nav}
                                </a>
                                <form method="post" action={<SignOut as ServerFn>::PATH}>
                                    <button type="submit" class="link-button">
                                        {t.signin.sign_out}
                                    </button>
                                </form>
                            }
                                .into_any()
                        } else {
                            view! {
                                <a href=sign_in_href aria-current=current("/signin")>
                                    {t.signin.sign_in}
                                </a>
                            }
                                .into_any()
                        }}
                    </li>
                </ul>
            </nav>
            {staff_page
                .then(|| {
                    view! {
                        <crate::components::staff_header::StaffHeader path=staff_path.clone() />
                    }
                })}
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {notice
                .map(|(text, class)| {
                    view! {
                        <p class=class role="alert">
                            {text}
                        </p>
                    }
                })}
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{(t.footer_about)(&config.municipality, &config.targets)}</p>
                <ul class="footer-links">
                    <li>
                        <a href=config
                            .accessibility_statement_href()>{t.accessibility_statement}</a>
                    </li>
                    <li>
                        <a href="/privatliv">{crate::i18n::use_language().privacy.nav}</a>
                    </li>
                    <li>
                        <a href="/debatregler">{crate::i18n::use_language().argument.rules_link}</a>
                    </li>
                    <li>
                        <a href=config.municipality_url.clone() lang=danish_lang()>
                            {config.municipality.clone()}
                        </a>
                    </li>
                    <li class="language-links">{language_links(&here)}</li>
                </ul>
            </div>
        </footer>
    }
}
