//! Signing in and out. These are posted to by plain HTML forms, so each one answers with a
//! redirect: onward when it worked, back to the form with a message key when it did not. What
//! the resident typed goes back in a short-lived HttpOnly cookie, never in a URL. An `intent`
//! (such as supporting an idea) rides along and is carried out by the POST that confirms the
//! code, never by a GET.

use leptos::prelude::*;

use crate::error::AppError;

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

    use crate::session::{Intent, SIGN_IN_EMAIL_COOKIE, client_address, local_path, set_cookie};
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let intent = intent.as_deref().and_then(Intent::parse);
    let typed: String = email.trim().chars().take(300).collect();
    let parsed = EmailAddress::parse(&typed);
    // Kept for the form: the address as the code goes to it, or as typed if it is not one.
    let keep = parsed
        .as_ref()
        .map(|e| e.as_str().to_owned())
        .unwrap_or(typed);
    set_cookie(SIGN_IN_EMAIL_COOKIE, &encode_component(&keep), 15 * 60);

    let outcome: Result<(), &str> = async {
        let email = parsed.map_err(|e| match e {
            EmailError::Empty => "email_empty",
            _ => "email_invalid",
        })?;
        let client = state.clients.tag(&client_address());
        let code = signin::request_code(&state.db, &email, &client, now())
            .await
            .map_err(|error| match error {
                SignInError::RateLimited { .. } => "rate_limited",
                error => {
                    tracing::error!(%error, "sign-in code request failed");
                    "unavailable"
                }
            })?;
        let t = &crate::i18n::texts(crate::request_locale()).signin;
        let mail = Mail {
            to: &email,
            subject: (t.mail_subject)(code.as_str()),
            body: (t.mail_body)(code.as_str(), &state.config.municipality),
        };
        state.mailer.send(mail).await.map_err(|error| {
            tracing::error!(%error, "sign-in mail failed");
            "mail_failed"
        })?;
        if state.mailer.outbox_dir().is_some() {
            // Only without SMTP, so a first installation can sign in from its own log.
            tracing::info!(code = code.as_str(), "sign-in code written to the outbox");
        }
        Ok(())
    }
    .await;
    let carried = carry(&next, intent.as_ref());
    redirect(&match outcome {
        Ok(()) => format!("/signin/code?{carried}"),
        Err(error) => format!("/signin?error={error}&{carried}"),
    });
    Ok(())
}

/// Step 2: check the code, start a session, do what the resident came to do, and go back.
#[server(prefix = "/fn", endpoint = "signin/verify")]
pub async fn verify_sign_in_code(
    code: String,
    next: String,
    intent: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::signin::{self, SignInError};
    use klimadialog::{EmailAddress, storage::now};
    use leptos_axum::redirect;

    use crate::session::{
        Intent, SIGN_IN_EMAIL_COOKIE, local_path, request_cookie, session_token, set_cookie,
        set_session_cookie,
    };
    use crate::url::decode_component;

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let intent = intent.as_deref().and_then(Intent::parse);
    let carried = carry(&next, intent.as_ref());
    let email = request_cookie(SIGN_IN_EMAIL_COOKIE)
        .and_then(|v| EmailAddress::parse(&decode_component(&v)).ok());
    let Some(email) = email else {
        redirect(&format!("/signin?error=start_again&{carried}"));
        return Ok(());
    };
    let resident = match signin::verify_code(&state.db, &email, &code, now()).await {
        Ok(resident) => resident,
        Err(error) => {
            let to = match error {
                SignInError::MalformedCode => {
                    format!("/signin/code?error=code_malformed&{carried}")
                }
                SignInError::WrongCode { tries_left } => {
                    format!("/signin/code?error=code_wrong&left={tries_left}&{carried}")
                }
                SignInError::Locked => format!("/signin?error=code_locked&{carried}"),
                SignInError::NoValidCode => format!("/signin?error=code_expired&{carried}"),
                error => {
                    tracing::error!(%error, "sign-in check failed");
                    format!("/signin/code?error=unavailable&{carried}")
                }
            };
            redirect(&to);
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
    set_cookie(SIGN_IN_EMAIL_COOKIE, "", 0);
    if let Some(Intent::Support(idea)) = intent {
        state
            .db
            .add_public_support(idea, resident, now())
            .await
            .map_err(|e| internal(&e))?;
    }
    redirect(&next);
    Ok(())
}

/// Ends the session, on this device.
#[server(prefix = "/fn", endpoint = "signout")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::session::{SESSION_COOKIE, session_token, set_cookie};

    let state = crate::state::app_state()?;
    if let Some(token) = session_token()
        && let Err(error) = klimadialog::signin::end_session(&state.db, &token).await
    {
        tracing::error!(%error, "ending a session failed");
        return Err(AppError::Internal);
    }
    set_cookie(SESSION_COOKIE, "", 0);
    leptos_axum::redirect("/");
    Ok(())
}
