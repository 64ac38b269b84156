//! Admins managing the staff team. Admin role, checked on the server in each function.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

klimadialog::string_enum!(
    /// Why a team form went back (`error=`): the server functions write it, the team page reads
    /// it and marks the field it is about.
    TeamProblem {
        Username => "username",
        Role => "role",
        Password => "password",
        Mismatch => "mismatch",
        Taken => "taken",
        Yourself => "yourself",
        LastAdmin => "last_admin",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamEntry {
    pub id: i64,
    pub username: String,
    pub role: klimadialog::staff::StaffRole,
    pub disabled: bool,
    pub locked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamPage {
    pub me: i64,
    pub members: Vec<TeamEntry>,
}

#[server(prefix = "/fn", endpoint = "staff/team")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_team", skip_all))]
pub async fn load_team() -> Result<TeamPage, AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::now;

    let state = crate::state::app_state()?;
    let me = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let now = now();
    let members = state
        .db
        .team()
        .await?
        .into_iter()
        .filter_map(|m| {
            Some(TeamEntry {
                role: StaffRole::parse(&m.role)?,
                id: m.id,
                username: m.username,
                disabled: m.disabled_at.is_some(),
                locked: m.locked_until.is_some_and(|t| t > now),
            })
        })
        .collect();
    Ok(TeamPage { me: me.id, members })
}

/// Adds a staff account. The admin gives the first password, which the new member should
/// change; it is typed twice, as a password field hides typos.
#[server(prefix = "/fn", endpoint = "staff/team/add")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "add_team_member", skip_all)
)]
pub async fn add_team_member(
    username: String,
    role: String,
    password: String,
    password_again: String,
) -> Result<(), AppError> {
    use klimadialog::staff::{Password, StaffRole, Username, hash_off_thread};
    use klimadialog::storage::{TeamRefusal, now};

    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let me = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let back = |problem: TeamProblem| {
        let typed: String = username.chars().take(60).collect();
        leptos_axum::redirect(&format!(
            "/staff/team?error={}&user={}&role={}#add",
            problem.as_str(),
            encode_component(&typed),
            if role == "admin" {
                "admin"
            } else {
                "moderator"
            }
        ));
    };
    let Some(name) = Username::parse(&username) else {
        back(TeamProblem::Username);
        return Ok(());
    };
    let Some(role_value) = StaffRole::parse(&role) else {
        back(TeamProblem::Role);
        return Ok(());
    };
    let Some(password_value) = Password::parse(&password) else {
        back(TeamProblem::Password);
        return Ok(());
    };
    if password != password_again {
        back(TeamProblem::Mismatch);
        return Ok(());
    }
    let hash = hash_off_thread(password_value).await?;
    match state
        .db
        .add_team_member(name.as_str(), &hash, role_value, me.id, now())
        .await?
    {
        Ok(_) => leptos_axum::redirect("/staff/team?done=add"),
        Err(TeamRefusal::UsernameTaken) => back(TeamProblem::Taken),
        Err(_) => back(TeamProblem::Username),
    }
    Ok(())
}

/// Changes a member's role, disables or enables the account (`change`: `admin`, `moderator`,
/// `disable`, `enable`), or sets a new password when one is given.
#[server(prefix = "/fn", endpoint = "staff/team/change")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "change_team_member", skip_all)
)]
pub async fn change_team_member(
    member: i64,
    change: String,
    password: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::staff::{Password, StaffRole, hash_off_thread};
    use klimadialog::storage::{TeamChange, TeamRefusal, now};

    let state = crate::state::app_state()?;
    let me = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let back = |problem: TeamProblem| {
        leptos_axum::redirect(&format!(
            "/staff/team?error={}&member={member}#member-{member}",
            problem.as_str()
        ))
    };
    let change = match change.as_str() {
        "admin" => TeamChange::Role(StaffRole::Admin),
        "moderator" => TeamChange::Role(StaffRole::Moderator),
        "disable" => TeamChange::Disable,
        "enable" => TeamChange::Enable,
        "password" => {
            let Some(password) = password.as_deref().and_then(Password::parse) else {
                back(TeamProblem::Password);
                return Ok(());
            };
            TeamChange::Password(hash_off_thread(password).await?)
        }
        _ => return Err(AppError::BadRequest.respond()),
    };
    match state
        .db
        .change_team_member(member, &change, me.id, now())
        .await?
    {
        Ok(()) => leptos_axum::redirect("/staff/team?done=change"),
        Err(TeamRefusal::NoSuchMember) => return Err(AppError::NotFound.respond()),
        Err(TeamRefusal::Yourself) => back(TeamProblem::Yourself),
        Err(TeamRefusal::LastAdmin) => back(TeamProblem::LastAdmin),
        Err(TeamRefusal::UsernameTaken) => back(TeamProblem::Taken),
    }
    Ok(())
}
