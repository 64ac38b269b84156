//! One page per file. Pages that load data render in `SsrMode::Async`, so the HTML is complete
//! before it is sent: nothing waits for JavaScript, and the status code can still be set.

pub mod accessibility;
pub mod debate_rules;
pub mod home;
pub mod idea;
pub mod ideas;
pub mod map;
pub mod me;
pub mod not_found;
pub mod plan;
pub mod plan_action;
pub mod privacy;
pub mod propose;
pub mod propose_review;
pub mod signin;
pub mod staff;
pub mod staff_areas;
pub mod staff_audit;
pub mod staff_idea;
pub mod staff_ideas;
pub mod staff_login;
pub mod staff_moderation;
pub mod staff_plan;
pub mod staff_plan_action;
pub mod staff_team;
pub mod stats;
pub mod unsubscribe;

use leptos::prelude::*;

/// Sets the HTTP status of the page being rendered (404 for an unknown idea, and so on).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Answers the page being rendered with a redirect (302) to `to`, a path on this site.
pub fn redirect_to(to: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(to),
    ) {
        options.set_status(http::StatusCode::FOUND);
        options.insert_header(http::header::LOCATION, location);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = to;
}

/// Shown where data could not be loaded; the page still answers with a 5xx.
#[component]
pub fn LoadError() -> impl IntoView {
    let t = crate::i18n::use_texts();
    set_status(503);
    view! {
        <div class="notice error" role="alert">
            <h2>{t.error_title}</h2>
            <p>{t.error_text}</p>
        </div>
    }
}
