//! Staff accounts: names and roles (here, usable in the browser too) and, with storage,
//! passwords hashed with argon2id, lockout with back-off and staff sessions (`accounts`).

use serde::{Deserialize, Serialize};

#[cfg(feature = "storage")]
mod accounts;
#[cfg(feature = "storage")]
pub use accounts::*;

/// What a staff member may do. An admin may do everything a moderator may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StaffRole {
    Moderator,
    Admin,
}

impl StaffRole {
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Moderator => "moderator",
            StaffRole::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<StaffRole> {
        match s {
            "moderator" => Some(StaffRole::Moderator),
            "admin" => Some(StaffRole::Admin),
            _ => None,
        }
    }

    /// Whether this role may do what `needed` may.
    pub fn allows(self, needed: StaffRole) -> bool {
        self >= needed
    }
}

/// A staff login name: 2 to 60 lowercase letters, digits, dots, hyphens or underscores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(input: &str) -> Option<Username> {
        let name = input.trim().to_lowercase();
        let ok = (2..=60).contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        ok.then_some(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub role: StaffRole,
}
