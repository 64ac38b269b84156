//! Staff sign-in, sign-out and the dashboard's figures. Every staff server function checks the
//! role on the server with `require_staff`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

klimadialog::string_enum!(
    /// Why the staff login went back (`error=`): written by `staff_login`, read by its page.
    LoginProblem {
        /// A wrong username or password, or a locked account (said alike on purpose).
        Bad => "bad",
        TooMany => "too_many",
    }
);

/// Where staff go after signing in: a staff page, never anywhere else.
#[cfg(feature = "ssr")]
fn staff_path(next: &str) -> String {
    if crate::session::is_local_path(next)
        && next.starts_with("/staff")
        && !next.starts_with("/staff/login")
    {
        next.to_owned()
    } else {
        "/staff".to_owned()
    }
}

#[server(prefix = "/fn", endpoint = "staff/login")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "staff_login", skip_all))]
pub async fn staff_login(username: String, password: String, next: String) -> Result<(), AppError> {
    use klimadialog::staff::{LoginError, login, start_staff_session};
    use klimadialog::storage::now;

    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let next = staff_path(&next);
    let back = |problem: LoginProblem| {
        format!(
            "/staff/login?error={}&user={}&next={}",
            problem.as_str(),
            encode_component(&username.chars().take(60).collect::<String>()),
            encode_component(&next)
        )
    };
    let client = state.clients.tag(&crate::session::client_address());
    if state.limits.staff_logins_per_client.check(&client).is_err() {
        leptos_axum::redirect(&back(LoginProblem::TooMany));
        return Ok(());
    }
    let password: String = password.chars().take(1000).collect();
    match login(&state.db, &username, &password, now()).await {
        Ok(member) => {
            let old = crate::session::staff_session_token();
            let token = start_staff_session(&state.db, &member, old.as_ref(), now())
                .await
                .map_err(AppError::from)?;
            crate::session::set_staff_session_cookie(Some(&token));
            leptos_axum::redirect(&next);
        }
        // A locked account answers as a wrong password does (after the same work), so nobody
        // can learn which usernames exist by locking them; the message says locks exist.
        Err(LoginError::BadCredentials | LoginError::Locked { .. }) => {
            leptos_axum::redirect(&back(LoginProblem::Bad))
        }
        Err(LoginError::Storage(error)) => return Err(AppError::from(error)),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "staff/logout")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "staff_logout", skip_all))]
pub async fn staff_logout() -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    if let Some(token) = crate::session::staff_session_token() {
        klimadialog::staff::end_staff_session(&state.db, &token).await?;
    }
    crate::session::set_staff_session_cookie(None);
    leptos_axum::redirect("/staff/login");
    Ok(())
}

/// The dashboard's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub pending: i64,
    pub hidden: i64,
    pub per_status: Vec<(String, i64)>,
    pub reported: i64,
    /// Arguments waiting for a moderator: new under approval, or reported.
    pub arguments_waiting: i64,
    /// Mails to residents in every queue: not tried yet, to be tried again after a failure,
    /// given up, and sent today.
    pub mails_waiting: i64,
    pub mails_retrying: i64,
    pub mails_given_up: i64,
    pub mails_sent_today: i64,
    /// No mail server: mail is written to files instead of sent (development, demo).
    pub mail_not_sent: bool,
    /// The latest staff actions: when, who (`None`: the system), what, about which idea.
    pub recent: Vec<(
        klimadialog::time::Timestamp,
        Option<String>,
        String,
        Option<i64>,
    )>,
}

#[server(prefix = "/fn", endpoint = "staff/dashboard")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_dashboard", skip_all)
)]
pub async fn load_dashboard() -> Result<Dashboard, AppError> {
    use klimadialog::filter::IdeaFilter;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let (pending, hidden) = state.db.moderation_counts().await?;
    let per_status = state.db.filter_counts(&IdeaFilter::default()).await?.status;
    let recent = state
        .db
        .audit_log(&klimadialog::storage::AuditFilter::default(), None, 10)
        .await?
        .into_iter()
        .map(|e| {
            let idea = (e.object_type == "idea").then_some(e.object_id).flatten();
            (
                klimadialog::time::Timestamp(e.created_at),
                e.staff,
                e.action,
                idea,
            )
        })
        .collect();
    let today = klimadialog::time::Timestamp(klimadialog::storage::now())
        .local_date()
        .start_in_denmark();
    let mails = state.db.mail_queue_state(today.0).await?;
    Ok(Dashboard {
        pending,
        hidden,
        per_status,
        reported: state.db.reported_idea_count().await?,
        arguments_waiting: state.db.argument_queue_count().await?,
        mails_waiting: mails.waiting,
        mails_retrying: mails.retrying,
        mails_given_up: mails.given_up,
        mails_sent_today: mails.sent_today,
        mail_not_sent: state.mailer.outbox_dir().is_some(),
        recent,
    })
}

/// Who is signed in as staff, for the staff header above every staff page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffBadge {
    pub username: String,
    pub admin: bool,
}

/// The signed-in staff member, if any: the staff header shows who and offers the staff menu.
#[server(prefix = "/fn", endpoint = "staff/badge")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_badge", skip_all)
)]
pub async fn load_staff_badge() -> Result<Option<StaffBadge>, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    Ok(crate::session::current_staff(&state)
        .await
        .map(|member| StaffBadge {
            username: member.username,
            admin: member.role == StaffRole::Admin,
        }))
}
