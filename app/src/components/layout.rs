//! The frame of every page: skip link, header with navigation and language switch, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::config::site_config;
use crate::i18n::{use_locale, use_texts};

/// The address of this page in the other language: `/lang/{tag}?next={path}`. The switch is a
/// plain link, so it works without JavaScript; the server sets the cookie and sends the
/// visitor back.
fn language_switch_href() -> (String, &'static str) {
    let location = use_location();
    let path = location.pathname.get_untracked();
    // The router gives the query without its leading '?'.
    let here = match location.search.get_untracked().trim_start_matches('?') {
        "" => path,
        query => format!("{path}?{query}"),
    };
    let other = match use_locale() {
        klimadialog::Locale::Da => klimadialog::Locale::En,
        klimadialog::Locale::En => klimadialog::Locale::Da,
    };
    (
        format!("/lang/{}?next={}", other.tag(), encode_component(&here)),
        other.tag(),
    )
}

/// Percent-encodes everything but unreserved characters and `/`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let config = site_config();
    let path = use_location().pathname.get_untracked();
    let (switch_href, other_tag) = language_switch_href();
    let current = move |href: &str| {
        let here = if href == "/" {
            path == "/"
        } else {
            path == href || path.starts_with(&format!("{href}/"))
        };
        here.then_some("page")
    };
    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{t.site_name}</span>
                    <span class="brand-owner">{config.municipality.clone()}</span>
                </a>
                <a class="language-switch" href=switch_href.clone() hreflang=other_tag lang=other_tag title=t.other_language_hint>
                    {t.other_language}
                </a>
            </div>
            <nav class="wrap main-nav" aria-label=t.main_navigation>
                <ul>
                    <li><a href="/" aria-current=current("/")>{t.nav_home}</a></li>
                    <li><a href="/ideas" aria-current=current("/ideas")>{t.nav_ideas}</a></li>
                </ul>
            </nav>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{(t.footer_about)(&config.municipality)}</p>
                <ul class="footer-links">
                    <li><a href="/tilgaengelighed">{t.accessibility_statement}</a></li>
                    <li><a href=config.municipality_url.clone()>{config.municipality.clone()}</a></li>
                    <li><a href=switch_href hreflang=other_tag lang=other_tag>{t.other_language}</a></li>
                </ul>
            </div>
        </footer>
    }
}
