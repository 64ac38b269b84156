//! `klimadialog staff add NAME --role admin`: creates a staff account, the first admin included.

use std::io::{BufRead, IsTerminal};

use klimadialog::staff::{Password, StaffRole, Username, hash_password};

use crate::config::StaffAddArgs;
use crate::{ServerError, open_database};

/// The password: asked for without echo on a terminal, else the first line of standard input.
fn read_password() -> Result<String, ServerError> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Password again: ")?;
        if first != again {
            return Err(ServerError::Usage("the two passwords differ".into()));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub async fn add(database_url: &str, args: &StaffAddArgs) -> Result<(), ServerError> {
    let name = Username::parse(&args.name).ok_or_else(|| {
        ServerError::Usage(
            "a name is 2-60 lowercase letters, digits, dots, hyphens or underscores".into(),
        )
    })?;
    let role = StaffRole::parse(&args.role)
        .ok_or_else(|| ServerError::Usage("the role is moderator or admin".into()))?;
    let password = Password::parse(&read_password()?).ok_or_else(|| {
        ServerError::Usage(format!(
            "the password must have at least {} characters",
            Password::MIN_CHARS
        ))
    })?;
    let db = open_database(database_url, false).await?;
    if db.staff_account(name.as_str()).await?.is_some() {
        return Err(ServerError::Usage(format!(
            "{} exists already",
            name.as_str()
        )));
    }
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| ServerError::Usage(format!("hashing failed: {e}")))?;
    db.insert_staff(name.as_str(), &hash, role, klimadialog::storage::now())
        .await?;
    db.close().await;
    tracing::info!(
        name = name.as_str(),
        role = role.as_str(),
        "staff account added"
    );
    Ok(())
}
