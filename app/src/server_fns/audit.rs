//! The audit log for admins: who did what, when, before and after. Admin role, checked on the
//! server; the CSV export (`/staff/audit.csv`) is an axum route with the same check.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Entries per page of the audit log.
pub const AUDIT_PAGE: i64 = 100;

/// The audit page's filter as the address carries it; anything unreadable is ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub staff: String,
    pub action: String,
    pub object: String,
    pub id: String,
    pub from: String,
    pub until: String,
}

impl AuditQuery {
    /// The filter in a query string (`staff=…&action=…`, without `?`). Other fields are
    /// ignored, each value trimmed and cut to 60 characters; a query that is not a form's
    /// (a field twice, broken escapes) is no filter.
    pub fn parse(query: &str) -> AuditQuery {
        let cut = |value: &mut String| *value = value.trim().chars().take(60).collect();
        let query = query.trim_start_matches('?');
        let mut query: AuditQuery = serde_urlencoded::from_str(query).unwrap_or_default();
        for value in [
            &mut query.staff,
            &mut query.action,
            &mut query.object,
            &mut query.id,
            &mut query.from,
            &mut query.until,
        ] {
            cut(value);
        }
        query
    }

    /// The query string of this filter (without `before`), for links and the CSV export.
    pub fn to_query(&self) -> String {
        [
            ("staff", &self.staff),
            ("action", &self.action),
            ("object", &self.object),
            ("id", &self.id),
            ("from", &self.from),
            ("until", &self.until),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(n, v)| format!("{n}={}", crate::url::encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
    }

    /// The storage filter; unreadable parts are left out rather than refused.
    #[cfg(feature = "ssr")]
    pub fn filter(&self) -> klimadialog::storage::AuditFilter {
        use klimadialog::time::Date;
        let some = |s: &String| (!s.is_empty()).then(|| s.clone());
        let day = |s: &String| Date::parse_iso(s).map(Date::start_in_denmark);
        klimadialog::storage::AuditFilter {
            staff: some(&self.staff),
            action: some(&self.action),
            object_type: some(&self.object),
            object_id: self.id.parse().ok(),
            from: day(&self.from).map(|t| t.0),
            // "Until" a date includes that whole day.
            until: day(&self.until).map(|t| t.0 + 86_400),
        }
    }
}

/// One entry as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: klimadialog::time::Timestamp,
    pub staff: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    /// The id to continue from for older entries, when there are more.
    pub older: Option<i64>,
    pub staff_names: Vec<String>,
}

#[server(prefix = "/fn", endpoint = "staff/audit")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_audit", skip_all))]
pub async fn load_audit(query: AuditQuery, before: Option<i64>) -> Result<AuditPage, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    crate::session::require_staff(&state, StaffRole::Admin).await?;
    let mut entries = state
        .db
        .audit_log(&query.filter(), before, AUDIT_PAGE + 1)
        .await?;
    let older = (entries.len() as i64 > AUDIT_PAGE).then(|| entries[AUDIT_PAGE as usize - 1].id);
    entries.truncate(AUDIT_PAGE as usize);
    let staff_names = state
        .db
        .team()
        .await?
        .into_iter()
        .map(|m| m.username)
        .collect();
    Ok(AuditPage {
        rows: entries
            .into_iter()
            .map(|e| AuditRow {
                id: e.id,
                at: klimadialog::time::Timestamp(e.created_at),
                staff: e.staff,
                action: e.action,
                object_type: e.object_type,
                object_id: e.object_id,
                before: e.before_json,
                after: e.after_json,
            })
            .collect(),
        older,
        staff_names,
    })
}

#[cfg(test)]
mod tests {
    use super::AuditQuery;

    #[test]
    fn the_filter_is_read_from_the_query_string_and_round_trips() {
        let query = AuditQuery::parse("?action=areas.replace&object=area&from=+2026-01-01+&x=1");
        assert_eq!(query.action, "areas.replace");
        assert_eq!(query.object, "area");
        assert_eq!(query.from, "2026-01-01");
        assert_eq!(AuditQuery::parse(&query.to_query()), query);
        // Not a form's query: no filter, not a failure.
        assert_eq!(
            AuditQuery::parse("action=a&action=b"),
            AuditQuery::default()
        );
        let long = AuditQuery::parse(&format!("staff={}", "a".repeat(500)));
        assert_eq!(long.staff.len(), 60);
    }
}
