//! `/staff/login`: staff sign in with username and password. A plain form; works without
//! JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::params::Params;

use crate::i18n::{use_language, use_texts};
use crate::server_fns::staff::{LoginProblem, StaffLogin};
use crate::url::{Lenient, read_query};

/// What the login page's address carries: why the form came back, what was typed, where to go.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct LoginQuery {
    error: Lenient<LoginProblem>,
    user: Lenient<String>,
    next: Lenient<String>,
}

#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let t = &use_language().staff;
    let all = use_texts();
    let query: LoginQuery = read_query();
    let error = query.error.0.map(|problem| match problem {
        LoginProblem::Bad => t.bad_credentials,
        LoginProblem::TooMany => t.too_many,
    });
    let user = query.user.0.unwrap_or_default();
    let next = query.next.0.unwrap_or_else(|| "/staff".to_owned());
    let invalid = error.map(|_| "true");
    view! {
        <Title text=format!("{} – {}", t.login_title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <div class="narrow">
            <h1>{t.login_title}</h1>
            <form method="post" action={<StaffLogin as ServerFn>::PATH} class="stack" novalidate>
                <input type="hidden" name="next" value=next />
                {error
                    .map(|m| {
                        view! {
                            <p id="login-error" class="field-error" role="alert">
                                {m}
                            </p>
                        }
                    })}
                <label for="username">{t.username}</label>
                <input
                    id="username"
                    name="username"
                    type="text"
                    autocomplete="username"
                    value=user
                    aria-invalid=invalid
                    aria-describedby=invalid.map(|_| "login-error")
                />
                <label for="password">{t.password}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    aria-invalid=invalid
                    aria-describedby=invalid.map(|_| "login-error")
                />
                <button type="submit" class="button">
                    {t.log_in}
                </button>
            </form>
        </div>
    }
}
