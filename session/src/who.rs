//! Who a request comes from: the signed-in resident, the staff member and their role, from the
//! session cookies in its headers.

use http::HeaderMap;
use klimadialog::ResidentId;
use klimadialog::signin::SessionToken;
use klimadialog::staff::{StaffMember, StaffRole};
use klimadialog::storage::{Db, StorageError};

use crate::SiteCookie;

/// Why a request may not do what needs staff.
#[derive(Debug, thiserror::Error)]
pub enum StaffRefused {
    #[error("no staff session")]
    NotSignedIn,
    #[error("the staff member's role is too small")]
    Forbidden,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The resident whose live session the request carries. A failed lookup is logged and counts
/// as signed out: a page still renders for a visitor.
pub async fn resident_of(
    db: &Db,
    headers: &HeaderMap,
    secure: bool,
    now: i64,
) -> Option<ResidentId> {
    let token = SiteCookie::Session
        .read(headers, secure)
        .and_then(|v| SessionToken::parse(&v))?;
    match klimadialog::signin::session_resident(db, &token, now).await {
        Ok(resident) => resident,
        Err(error) => {
            tracing::error!(%error, "session lookup failed");
            None
        }
    }
}

/// The staff member whose live session the request carries, if their role allows `needed`.
pub async fn staff_of(
    db: &Db,
    headers: &HeaderMap,
    secure: bool,
    needed: StaffRole,
    now: i64,
) -> Result<StaffMember, StaffRefused> {
    let token = SiteCookie::StaffSession
        .read(headers, secure)
        .and_then(|v| SessionToken::parse(&v))
        .ok_or(StaffRefused::NotSignedIn)?;
    let member = klimadialog::staff::staff_session(db, &token, now)
        .await?
        .ok_or(StaffRefused::NotSignedIn)?;
    if member.role.allows(needed) {
        Ok(member)
    } else {
        Err(StaffRefused::Forbidden)
    }
}
