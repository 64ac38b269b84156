//! `/signin` and `/signin/code`: sign in with a code sent by e-mail. Plain forms that post to
//! the server functions in `server_fns::signin`; they work the same with JavaScript off.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::params::Params;

use crate::i18n::{SignInTexts, use_texts};
use crate::server_fns::signin::{
    RequestSignInCode, SignInProblem, VerifySignInCode, support_intent_title,
};
use crate::url::{Lenient, encode_component};

/// The message for a problem the server function named.
fn error_message(t: &SignInTexts, problem: SignInProblem, left: Option<i64>) -> String {
    match problem {
        SignInProblem::EmailEmpty => t.error_email_empty.into(),
        SignInProblem::EmailInvalid => t.error_email_invalid.into(),
        SignInProblem::RateLimited => t.error_rate_limited.into(),
        SignInProblem::MailFailed => t.error_mail_failed.into(),
        SignInProblem::Unavailable => t.error_unavailable.into(),
        SignInProblem::CodeMalformed => t.error_code_malformed.into(),
        SignInProblem::CodeWrong => (t.error_code_wrong)(left.unwrap_or(0).clamp(0, 5)),
        SignInProblem::CodeLocked => t.error_code_locked.into(),
        SignInProblem::CodeExpired => t.error_code_expired.into(),
        SignInProblem::StartAgain => t.error_start_again.into(),
        SignInProblem::Paused => t.error_paused.into(),
    }
}

/// What the sign-in pages' addresses carry, as sent.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct SentQuery {
    error: Lenient<SignInProblem>,
    left: Lenient<i64>,
    next: Lenient<String>,
    intent: Lenient<String>,
}

struct Query {
    error: Option<SignInProblem>,
    left: Option<i64>,
    next: String,
    /// What to do once signed in (`support:<idea>`); checked again by the server.
    intent: Option<String>,
}

impl Query {
    /// The message to show next to the field, and the field's `aria-invalid` to go with it.
    fn message(&self, t: &SignInTexts) -> (Option<String>, Option<&'static str>) {
        let message = self
            .error
            .map(|problem| error_message(t, problem, self.left));
        let invalid = message.as_ref().map(|_| "true");
        (message, invalid)
    }
}

fn read_query() -> Query {
    let sent: SentQuery = crate::url::read_query();
    Query {
        error: sent.error.0,
        left: sent.left.0,
        next: sent
            .next
            .0
            .filter(|n| n.starts_with('/') && !n.starts_with("//"))
            .unwrap_or_else(|| "/".into()),
        intent: sent
            .intent
            .0
            .filter(|i| i.starts_with("support:") && i.len() <= 30),
    }
}

/// What was typed into the e-mail field, kept by the server between the steps.
fn remembered_email() -> String {
    #[cfg(feature = "ssr")]
    if let Some(kept) = crate::session::SignInCookie::get() {
        return kept.email;
    }
    String::new()
}

/// The hidden fields that carry where to go and what to do from one sign-in step to the next.
#[component]
fn CarriedFields(next: String, intent: Option<String>) -> impl IntoView {
    view! {
        <input type="hidden" name="next" value=next />
        {intent.map(|intent| view! { <input type="hidden" name="intent" value=intent /> })}
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = &use_texts().signin;
    let query = read_query();
    let (error, invalid) = query.message(t);
    view! {
        <Title text=format!("{} – {}", t.title, crate::i18n::use_texts().site_name) />
        <Meta name="robots" content="noindex" />
        <div class="narrow">
            <h1>{t.title}</h1>
            {query
                .next
                .starts_with("/ideas/new")
                .then(|| {
                    view! { <p class="notice">{crate::i18n::use_language().propose.draft_kept}</p> }
                })}
            <p>{t.intro}</p>
            <form
                method="post"
                action={<RequestSignInCode as ServerFn>::PATH}
                class="stack"
                novalidate
            >
                <CarriedFields next=query.next.clone() intent=query.intent.clone() />
                <label for="email">{t.email_label}</label>
                {error
                    .map(|message| {
                        view! {
                            <p id="email-error" class="field-error" role="alert">
                                {message}
                            </p>
                        }
                    })}
                <input
                    id="email"
                    name="email"
                    type="email"
                    autocomplete="email"
                    inputmode="email"
                    value=remembered_email()
                    aria-invalid=invalid
                    aria-describedby=invalid.map(|_| "email-error")
                />
                <button type="submit" class="button">
                    {t.send_code}
                </button>
            </form>
            <p class="meta">
                {t.privacy}" "<a href="/privatliv">{crate::i18n::use_language().privacy.nav}</a>
            </p>
        </div>
    }
}

#[component]
pub fn SignInCodePage() -> impl IntoView {
    let t = &use_texts().signin;
    let query = read_query();
    let email = remembered_email();
    let (error, invalid) = query.message(t);
    let intent = query
        .intent
        .as_deref()
        .map(|i| format!("&intent={}", encode_component(i)))
        .unwrap_or_default();
    let restart = format!("/signin?next={}{intent}", encode_component(&query.next));
    let support = query
        .intent
        .as_deref()
        .and_then(|i| i.strip_prefix("support:"))
        .and_then(klimadialog::IdeaId::parse)
        .map(|id| id.0);
    view! {
        <Title text=format!("{} – {}", t.code_title, crate::i18n::use_texts().site_name) />
        <Meta name="robots" content="noindex" />
        <div class="narrow">
            <h1>{t.code_title}</h1>
            {if email.is_empty() {
                view! { <p>{t.error_start_again}</p> }.into_any()
            } else {
                view! {
                    <p>{(t.code_sent_to)(&email)}</p>
                    <form
                        method="post"
                        action={<VerifySignInCode as ServerFn>::PATH}
                        class="stack"
                        novalidate
                    >
                        <CarriedFields next=query.next.clone() intent=None />
                        <label for="code">{t.code_label}</label>
                        {error
                            .map(|message| {
                                view! {
                                    <p id="code-error" class="field-error" role="alert">
                                        {message}
                                    </p>
                                }
                            })}
                        <input
                            id="code"
                            name="code"
                            type="text"
                            inputmode="numeric"
                            autocomplete="one-time-code"
                            maxlength="9"
                            class="code-input"
                            aria-invalid=invalid
                            aria-describedby=invalid.map(|_| "code-error")
                        />
                        {support.map(|idea| view! { <SupportQuestion idea /> })}
                        <button type="submit" class="button">
                            {t.confirm}
                        </button>
                    </form>
                    <p class="meta">{t.code_hint}</p>
                }
                    .into_any()
            }}
            <p>
                <a href=restart
                    .clone()>{if email.is_empty() { t.start_again } else { t.new_code }}</a>
            </p>
        </div>
    }
}

/// Asks, on the code form, whether to support the idea the visitor was about to support when
/// sign-in began. A link anyone can share may carry that intent, so it is asked, not assumed:
/// unticked, signing in supports nothing.
#[component]
fn SupportQuestion(idea: i64) -> impl IntoView {
    let t = &use_texts().signin;
    view! {
        <Suspense>
            {Suspend::new(async move {
                match support_intent_title(idea).await {
                    Ok(Some(title)) => {
                        view! {
                            <div class="check">
                                <input
                                    type="checkbox"
                                    id="intent"
                                    name="intent"
                                    value=format!("support:{idea}")
                                    checked
                                />
                                <label for="intent">{(t.support_on_sign_in)(&title)}</label>
                            </div>
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}
