#![recursion_limit = "256"]

//! Klimadialog's user interface. Pages are rendered on the server as complete HTML; only the
//! interactive parts are islands, hydrated by a small WebAssembly bundle.

pub mod assets;
pub mod canonical;
pub mod components;
pub mod config;
pub mod error;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod i18n;
pub mod pages;
pub mod personal;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod state;
pub mod url;

use klimadialog::Locale;
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::Layout;
use crate::pages::{
    accessibility::AccessibilityPage,
    debate_rules::DebateRulesPage,
    home::HomePage,
    idea::IdeaPage,
    ideas::IdeasPage,
    map::MapPage,
    me::MyPage,
    not_found::NotFound,
    plan::PlanPage,
    plan_action::PlanActionPage,
    privacy::PrivacyPage,
    propose::ProposePage,
    propose_review::ProposeReviewPage,
    signin::{SignInCodePage, SignInPage},
    staff::StaffDashboardPage,
    staff_areas::StaffAreasPage,
    staff_audit::StaffAuditPage,
    staff_idea::StaffIdeaPage,
    staff_ideas::StaffIdeasPage,
    staff_login::StaffLoginPage,
    staff_moderation::StaffModerationPage,
    staff_plan::StaffPlanPage,
    staff_plan_action::StaffPlanActionPage,
    staff_team::StaffTeamPage,
    stats::StatsPage,
    unsubscribe::UnsubscribePage,
};

/// The HTML document around every page. The language is chosen here, once per request, so
/// `<html lang>` and every text below agree.
pub fn shell(mut options: LeptosOptions) -> impl IntoView {
    let locale = request_locale();
    provide_context(locale);
    options.output_name = assets::script_stem().into();
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="stylesheet" href=assets::href("/pkg/klimadialog.css") />
                <link rel="icon" href=assets::href("/favicon.svg") type="image/svg+xml" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    let pseudo = use_context::<state::AppState>().is_some_and(|s| s.config.pseudo_locale);
    use_context::<http::request::Parts>()
        .map(|parts| locale_of(&parts.headers, pseudo))
        .unwrap_or_default()
}

/// The language a request asks for: the language switch's cookie, else `Accept-Language`.
/// `pseudo` lets it be the test-only pseudo-language.
#[cfg(feature = "ssr")]
pub fn locale_of(headers: &http::HeaderMap, pseudo: bool) -> Locale {
    // The language cookie has one name over HTTP and HTTPS.
    let chosen = klimadialog_session::SiteCookie::Language.read(headers, false);
    let accept = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Locale::negotiate(chosen.as_deref(), accept, pseudo)
}

#[cfg(not(feature = "ssr"))]
pub fn request_locale() -> Locale {
    Locale::default()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/ideas") view=IdeasPage ssr=SsrMode::Async />
                    <Route path=path!("/ideas/new") view=ProposePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/ideas/new/review")
                        view=ProposeReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/ideas/:id") view=IdeaPage ssr=SsrMode::Async />
                    <Route path=path!("/map") view=MapPage ssr=SsrMode::Async />
                    <Route path=path!("/stats") view=StatsPage ssr=SsrMode::Async />
                    <Route path=path!("/plan") view=PlanPage ssr=SsrMode::Async />
                    <Route path=path!("/plan/:code") view=PlanActionPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=StaffDashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/login") view=StaffLoginPage />
                    <Route
                        path=path!("/staff/moderation")
                        view=StaffModerationPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/staff/ideas") view=StaffIdeasPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/ideas/:id") view=StaffIdeaPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/areas") view=StaffAreasPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/team") view=StaffTeamPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/audit") view=StaffAuditPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/plan") view=StaffPlanPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/plan/edit")
                        view=StaffPlanActionPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/tilgaengelighed") view=AccessibilityPage />
                    <Route path=path!("/privatliv") view=PrivacyPage />
                    <Route path=path!("/debatregler") view=DebateRulesPage />
                    <Route path=path!("/afmeld/:key") view=UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("/me") view=MyPage ssr=SsrMode::Async />
                    <Route path=path!("/signin") view=SignInPage />
                    <Route path=path!("/signin/code") view=SignInCodePage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
