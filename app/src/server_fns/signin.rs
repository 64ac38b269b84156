//! Signing in and out. These are posted to by plain HTML forms, so each one answers with a
//! redirect: onward when it worked, back to the form with a message key when it did not. What
//! the resident typed goes back in a short-lived HttpOnly cookie, never in a URL. An `intent`
//! (such as supporting an idea) rides along and is carried out by the POST that confirms the
//! code, never by a GET.

use leptos::prelude::*;

use crate::error::AppError;

klimadialog::string_enum!(
    /// Why sign-in went back to a form, as the address says it (`error=`): the server functions
    /// write it, the sign-in pages read it.
    SignInProblem {
        EmailEmpty => "email_empty",
        EmailInvalid => "email_invalid",
        RateLimited => "rate_limited",
        MailFailed => "mail_failed",
        Unavailable => "unavailable",
        CodeMalformed => "code_malformed",
        /// With `left=`: the tries left at this code.
        CodeWrong => "code_wrong",
        CodeLocked => "code_locked",
        CodeExpired => "code_expired",
        StartAgain => "start_again",
        Paused => "paused",
    }
);

/// The query string that carries `next` and `intent` from one step to the next.
#[cfg(feature = "ssr")]
fn carry(next: &str, intent: Option<&crate::session::Intent>) -> String {
    use crate::session::Intent;
    use crate::url::encode_component;
    let intent = match intent {
        Some(Intent::Support(id)) => format!("&intent=support%3A{id}"),
        None => String::new(),
    };
    format!("next={}{intent}", encode_component(next))
}

/// Step 1: mail a code to the address typed in.
#[server(prefix = "/fn", endpoint = "signin/request")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "request_sign_in_code", skip_all)
)]
pub async fn request_sign_in_code(
    email: String,
    next: String,
    intent: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::mail::Mail;
    use klimadialog::resident::EmailError;
    use klimadialog::signin::{self, SignInError};
    use klimadialog::{EmailAddress, storage::now};
    use leptos_axum::redirect;

    use crate::session::{Intent, SignInCookie, client_address, local_path};

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let intent = intent.as_deref().and_then(Intent::parse);
    let typed: String = email.trim().chars().take(300).collect();
    let parsed = EmailAddress::parse(&typed);
    // Kept for the form: the address as the code goes to it, or as typed if it is not one.
    let mut kept = SignInCookie {
        email: parsed
            .as_ref()
            .map(|e| e.as_str().to_owned())
            .unwrap_or(typed),
        browser: None,
    };

    let outcome: Result<(), SignInProblem> = async {
        let email = parsed.map_err(|e| match e {
            EmailError::Empty => SignInProblem::EmailEmpty,
            _ => SignInProblem::EmailInvalid,
        })?;
        let client = state.clients.tag(&client_address());
        let (code, browser) = signin::request_code(&state.db, &email, &client, now())
            .await
            .map_err(|error| match error {
                SignInError::RateLimited { .. } => SignInProblem::RateLimited,
                error => {
                    tracing::error!(%error, "sign-in code request failed");
                    SignInProblem::Unavailable
                }
            })?;
        kept.browser = Some(browser);
        let t = &crate::i18n::texts(crate::request_locale()).signin;
        let mail = Mail::plain(
            &email,
            t.mail_subject.to_owned(),
            (t.mail_body)(
                code.as_str(),
                &state.config.municipality,
                &state.config.public_url,
            ),
        );
        state.mailer.send(mail).await.map_err(|error| {
            tracing::error!(%error, "sign-in mail failed");
            SignInProblem::MailFailed
        })?;
        Ok(())
    }
    .await;
    kept.set();
    let carried = carry(&next, intent.as_ref());
    redirect(&match outcome {
        Ok(()) => format!("/signin/code?{carried}"),
        Err(problem) => format!("/signin?error={}&{carried}", problem.as_str()),
    });
    Ok(())
}

/// Step 2: check the code, start a session, do what the resident came to do, and go back.
#[server(prefix = "/fn", endpoint = "signin/verify")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "verify_sign_in_code", skip_all)
)]
pub async fn verify_sign_in_code(
    code: String,
    next: String,
    intent: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::signin::{self, SignInError};
    use klimadialog::{EmailAddress, storage::now};
    use leptos_axum::redirect;

    use crate::session::{
        Intent, SignInCookie, SiteCookie, local_path, remove_cookie, session_token,
        set_session_cookie,
    };

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let intent = intent.as_deref().and_then(Intent::parse);
    let carried = carry(&next, intent.as_ref());
    let started = SignInCookie::get()
        .and_then(|kept| Some((EmailAddress::parse(&kept.email).ok()?, kept.browser?)));
    let Some((email, browser)) = started else {
        let problem = SignInProblem::StartAgain.as_str();
        redirect(&format!("/signin?error={problem}&{carried}"));
        return Ok(());
    };
    let resident = match signin::verify_code(&state.db, &email, &browser, &code, now()).await {
        Ok(resident) => resident,
        Err(error) => {
            // Back to the code form, or to the first step when this code is done for.
            let (page, problem, left) = match error {
                SignInError::MalformedCode => ("/signin/code", SignInProblem::CodeMalformed, None),
                SignInError::WrongCode { tries_left } => {
                    ("/signin/code", SignInProblem::CodeWrong, Some(tries_left))
                }
                SignInError::Locked => ("/signin", SignInProblem::CodeLocked, None),
                SignInError::NoValidCode => ("/signin", SignInProblem::CodeExpired, None),
                SignInError::Paused { .. } => ("/signin/code", SignInProblem::Paused, None),
                error => {
                    tracing::error!(%error, "sign-in check failed");
                    ("/signin/code", SignInProblem::Unavailable, None)
                }
            };
            let left = left.map(|n| format!("&left={n}")).unwrap_or_default();
            redirect(&format!(
                "{page}?error={}{left}&{carried}",
                problem.as_str()
            ));
            return Ok(());
        }
    };
    let internal = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "finishing sign-in failed");
        AppError::Internal
    };
    let token = signin::start_session(&state.db, resident, session_token().as_ref(), now())
        .await
        .map_err(|e| internal(&e))?;
    set_session_cookie(&token);
    remove_cookie(SiteCookie::SignInEmail);
    // Their mails come in the language of the page they first signed in on (changeable on /me).
    if let Err(error) = state
        .db
        .set_first_language(resident, crate::request_locale())
        .await
    {
        tracing::warn!(%error, "remembering a resident's language failed");
    }
    // Ticked on the code form: supported through the button's own rules and limits. Refused
    // (a limit, an idea no longer public), the resident lands on the page and can press again.
    if let Some(Intent::Support(idea)) = intent {
        let client = state.clients.tag(&crate::session::client_address());
        let supported = klimadialog::support::set_support(
            &state.db,
            &state.limits,
            resident,
            &client,
            idea,
            true,
            now(),
        )
        .await;
        if let Err(error) = supported {
            tracing::warn!(%error, "supporting on sign-in was refused");
        }
    }
    redirect(&next);
    Ok(())
}

/// The title of the public idea a sign-in would support, for the question on the code form.
#[server(prefix = "/fn", endpoint = "signin/intent")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "support_intent_title", skip_all)
)]
pub async fn support_intent_title(idea: i64) -> Result<Option<String>, AppError> {
    let state = crate::state::app_state()?;
    Ok(state
        .db
        .published_idea(klimadialog::IdeaId(idea))
        .await?
        .map(|found| found.summary.title))
}

/// Ends the session, on this device, and forgets everything the browser held for this
/// resident: on a library or school computer the next person must not find their draft (its
/// text, photo and place), what they typed or the address they signed in with.
#[server(prefix = "/fn", endpoint = "signout")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "sign_out", skip_all))]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server_fns::propose::draft_token;
    use crate::session::{SiteCookie, remove_cookie, session_token};

    let state = crate::state::app_state()?;
    if let Some(token) = session_token()
        && let Err(error) = klimadialog::signin::end_session(&state.db, &token).await
    {
        tracing::error!(%error, "ending a session failed");
        return Err(AppError::Internal);
    }
    if let Some(draft) = draft_token() {
        state.db.delete_draft(&draft).await?;
    }
    for cookie in [
        SiteCookie::Session,
        SiteCookie::Draft,
        SiteCookie::Typed,
        SiteCookie::SignInEmail,
    ] {
        remove_cookie(cookie);
    }
    leptos_axum::redirect("/");
    Ok(())
}
