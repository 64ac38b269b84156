//! Signing in and out. These are posted to by plain HTML forms, so each one answers with a
//! redirect: onward when it worked, back to the form with a message key when it did not. What
//! the resident typed goes back in a short-lived HttpOnly cookie, never in a URL.

use leptos::prelude::*;

use crate::error::AppError;

/// Step 1: mail a code to the address typed in.
#[server(prefix = "/fn", endpoint = "signin/request")]
pub async fn request_sign_in_code(email: String, next: String) -> Result<(), AppError> {
    use klimadialog::mail::Mail;
    use klimadialog::resident::EmailError;
    use klimadialog::signin::{self, SignInError};
    use klimadialog::{EmailAddress, storage::now};
    use leptos_axum::redirect;

    use crate::session::{SIGN_IN_EMAIL_COOKIE, client_address, local_path, set_cookie};
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let typed: String = email.trim().chars().take(300).collect();
    let parsed = EmailAddress::parse(&typed);
    // Kept for the form: the address as the code goes to it, or as typed if it is not one.
    let keep = parsed
        .as_ref()
        .map(|e| e.as_str().to_owned())
        .unwrap_or(typed);
    set_cookie(SIGN_IN_EMAIL_COOKIE, &encode_component(&keep), "/", 15 * 60);

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
    let next = encode_component(&next);
    redirect(&match outcome {
        Ok(()) => format!("/signin/code?next={next}"),
        Err(error) => format!("/signin?error={error}&next={next}"),
    });
    Ok(())
}

/// Step 2: check the code, start a session, and go where the resident was going.
#[server(prefix = "/fn", endpoint = "signin/verify")]
pub async fn verify_sign_in_code(code: String, next: String) -> Result<(), AppError> {
    use klimadialog::signin::{self, SignInError};
    use klimadialog::{EmailAddress, storage::now};
    use leptos_axum::redirect;

    use crate::session::{
        SIGN_IN_EMAIL_COOKIE, local_path, request_cookie, session_token, set_cookie,
        set_session_cookie,
    };
    use crate::url::{decode_component, encode_component};

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let to_form =
        |page: &str, error: &str| format!("{page}?error={error}&next={}", encode_component(&next));
    let email = request_cookie(SIGN_IN_EMAIL_COOKIE)
        .and_then(|v| EmailAddress::parse(&decode_component(&v)).ok());
    let Some(email) = email else {
        redirect(&to_form("/signin", "start_again"));
        return Ok(());
    };
    match signin::verify_code(&state.db, &email, &code, now()).await {
        Ok(resident) => {
            let token = signin::start_session(&state.db, resident, session_token().as_ref(), now())
                .await
                .map_err(|error| {
                    tracing::error!(%error, "starting a session failed");
                    AppError::Internal
                })?;
            set_session_cookie(&token);
            set_cookie(SIGN_IN_EMAIL_COOKIE, "", "/", 0);
            redirect(&next);
        }
        Err(SignInError::MalformedCode) => redirect(&to_form("/signin/code", "code_malformed")),
        Err(SignInError::WrongCode { tries_left }) => redirect(&format!(
            "{}&left={tries_left}",
            to_form("/signin/code", "code_wrong")
        )),
        Err(SignInError::Locked) => redirect(&to_form("/signin", "code_locked")),
        Err(SignInError::NoValidCode) => redirect(&to_form("/signin", "code_expired")),
        Err(error) => {
            tracing::error!(%error, "sign-in check failed");
            redirect(&to_form("/signin/code", "unavailable"));
        }
    }
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
    set_cookie(SESSION_COOKIE, "", "/", 0);
    leptos_axum::redirect("/");
    Ok(())
}
