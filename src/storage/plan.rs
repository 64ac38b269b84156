//! The climate plan in the database: actions (saved whole, keyed by code, each change audited
//! and each new status on the action's timeline), their milestones, the links from ideas, and
//! the emissions baseline.

use super::audit::{Record, record};
use super::plan_mail::{ActionChange, queue_plan_mails};
use super::{Db, Result};
use crate::audit::AuditAction;
use crate::idea::{Category, IdeaId};
use crate::plan::{
    Action, ActionCode, ActionDetail, ActionLink, ActionRow, ActionStatus, Baseline, PlanEvent,
    PlanEventKind,
};
use crate::time::Timestamp;

/// Why an action was not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionRefusal {
    /// The sector or theme is not one of the site's.
    UnknownCategory,
}

// `CROSS JOIN` keeps SQLite from the plan it otherwise picks for an action's ideas: walking
// every public idea and probing its links (10 000 ideas for each of 200 actions made `/plan`
// take a quarter of a second to render); from the action's links to their ideas is a few rows.
const ROW_COLUMNS: &str = "x.id, x.code, x.title_da, x.title_en, x.description_da,
    x.description_en, x.kind, coalesce(x.sector_key, x.theme_key) AS category_key,
    coalesce(s.name_da, t.name_da) AS category_da, coalesce(s.name_en, t.name_en) AS category_en,
    x.owner, x.status, x.start_year, x.end_year, x.reduction_t, x.link,
    (SELECT count(*) FROM action_milestones m WHERE m.action_id = x.id) AS milestones,
    (SELECT count(*) FROM action_milestones m WHERE m.action_id = x.id AND m.done_at IS NOT NULL)
        AS milestones_done,
    (SELECT count(*) FROM idea_actions l CROSS JOIN ideas i ON i.id = l.idea_id
     WHERE l.action_id = x.id AND i.moderation_state = 'published') AS ideas
    FROM actions x
    LEFT JOIN sectors s ON s.key = x.sector_key
    LEFT JOIN adaptation_themes t ON t.key = x.theme_key";

/// An event as the timeline's query returns it: when, code, titles, kind and its detail.
type EventRow = (i64, String, String, Option<String>, String, Option<String>);

impl Db {
    /// Creates the action, or updates the one with its code, with an audit entry before and
    /// after; a new status goes on the action's timeline. Returns the action's id.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_action(
        &self,
        action: &Action,
        staff: Option<i64>,
        now: i64,
    ) -> Result<std::result::Result<i64, ActionRefusal>> {
        let mut tx = self.begin_write().await?;
        let saved = save_action_in(&mut tx, action, staff, now).await?;
        if saved.is_ok() {
            tx.commit().await?;
        }
        Ok(saved)
    }

    /// Every action, by kind (mitigation first), the plan's order of sectors and themes, code.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn plan_actions(&self) -> Result<Vec<ActionRow>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {ROW_COLUMNS}
             ORDER BY x.kind DESC, coalesce(s.position, t.position), x.code"
        ))
        .fetch_all(self.pool())
        .await?)
    }

    /// One action with its milestones, its statuses and the public ideas linked to it.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn action_detail(&self, code: &ActionCode) -> Result<Option<ActionDetail>> {
        let action: Option<ActionRow> =
            sqlx::query_as(&format!("SELECT {ROW_COLUMNS} WHERE x.code = ?"))
                .bind(code.as_str())
                .fetch_optional(self.pool())
                .await?;
        let Some(action) = action else {
            return Ok(None);
        };
        let milestones = sqlx::query_as(
            "SELECT id, title, due, done_at FROM action_milestones WHERE action_id = ?
             ORDER BY due, id",
        )
        .bind(action.id)
        .fetch_all(self.pool())
        .await?;
        let statuses: Vec<(i64, String)> = sqlx::query_as(
            "SELECT created_at, status FROM action_status_changes WHERE action_id = ?
             ORDER BY created_at, id",
        )
        .bind(action.id)
        .fetch_all(self.pool())
        .await?;
        let ideas = sqlx::query_as(
            "SELECT i.id, i.title, i.support_count, i.status, l.note
             FROM idea_actions l CROSS JOIN ideas i ON i.id = l.idea_id
             WHERE l.action_id = ? AND i.moderation_state = 'published'
             ORDER BY i.support_count DESC, i.id",
        )
        .bind(action.id)
        .fetch_all(self.pool())
        .await?;
        Ok(Some(ActionDetail {
            action,
            milestones,
            statuses: statuses
                .into_iter()
                .map(|(at, status)| (Timestamp(at), status))
                .collect(),
            ideas,
        }))
    }

    /// Adds a milestone to an action.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn add_milestone(
        &self,
        action: i64,
        title: &str,
        due: crate::time::Date,
        done_at: Option<i64>,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO action_milestones (action_id, title, due, done_at) VALUES (?, ?, ?, ?)
             RETURNING id",
        )
        .bind(action)
        .bind(title)
        .bind(due.iso())
        .bind(done_at)
        .fetch_one(self.pool())
        .await?)
    }

    /// An admin adds a milestone to the action with `code`, audited on the action; `None`
    /// when there is no such action.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn add_action_milestone(
        &self,
        code: &ActionCode,
        title: &str,
        due: crate::time::Date,
        staff: i64,
        now: i64,
    ) -> Result<Option<i64>> {
        let mut tx = self.begin_write().await?;
        let added: Option<(i64, i64)> = sqlx::query_as(
            "INSERT INTO action_milestones (action_id, title, due)
             SELECT id, ?, ? FROM actions WHERE code = ? RETURNING id, action_id",
        )
        .bind(title)
        .bind(due.iso())
        .bind(code.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id, action)) = added else {
            return Ok(None);
        };
        record(
            &mut tx,
            Record::action(
                Some(staff),
                AuditAction::PlanMilestoneAdd,
                action,
                serde_json::Value::Null,
                serde_json::json!({ "milestone": id, "title": title, "due": due.iso() }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Marks a milestone of the action with `code` as reached, audited on the action; `false`
    /// when there is no such milestone or it was reached already.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn reach_milestone(
        &self,
        code: &ActionCode,
        milestone: i64,
        staff: i64,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let reached: Option<(i64, String)> = sqlx::query_as(
            "UPDATE action_milestones SET done_at = ?1
             WHERE id = ?2 AND done_at IS NULL
               AND action_id = (SELECT id FROM actions WHERE code = ?3)
             RETURNING action_id, title",
        )
        .bind(now)
        .bind(milestone)
        .bind(code.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((action, title)) = reached else {
            return Ok(false);
        };
        queue_plan_mails(&mut tx, action, ActionChange::Milestone(milestone), now).await?;
        record(
            &mut tx,
            Record::action(
                Some(staff),
                AuditAction::PlanMilestoneReach,
                action,
                serde_json::json!({ "milestone": milestone, "done": false }),
                serde_json::json!({ "milestone": milestone, "title": title, "done": true }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Links a public idea to an action with a short note (or changes the note), audited on
    /// the idea. `false` when either is missing.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn link_idea(
        &self,
        idea: IdeaId,
        code: &ActionCode,
        note: Option<&str>,
        staff: Option<i64>,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let linked = sqlx::query(
            "INSERT INTO idea_actions (idea_id, action_id, note, created_at)
             SELECT i.id, x.id, ?3, ?4 FROM ideas i, actions x
             WHERE i.id = ?1 AND x.code = ?2 AND i.moderation_state = 'published'
             ON CONFLICT (idea_id, action_id) DO UPDATE SET note = ?3",
        )
        .bind(idea.0)
        .bind(code.as_str())
        .bind(note)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if linked == 0 {
            return Ok(false);
        }
        if let Some(staff) = staff {
            record(
                &mut tx,
                Record::idea(
                    Some(staff),
                    AuditAction::IdeaLinkAction,
                    idea.0,
                    serde_json::Value::Null,
                    serde_json::json!({ "action": code.as_str(), "note": note }),
                    now,
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Takes a link from an idea to an action away, audited on the idea; `false` when there
    /// was none.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn unlink_idea(
        &self,
        idea: IdeaId,
        code: &ActionCode,
        staff: i64,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let note: Option<Option<String>> = sqlx::query_scalar(
            "DELETE FROM idea_actions
             WHERE idea_id = ? AND action_id = (SELECT id FROM actions WHERE code = ?)
             RETURNING note",
        )
        .bind(idea.0)
        .bind(code.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(note) = note else {
            return Ok(false);
        };
        record(
            &mut tx,
            Record::idea(
                Some(staff),
                AuditAction::IdeaUnlinkAction,
                idea.0,
                serde_json::json!({ "action": code.as_str(), "note": note }),
                serde_json::Value::Null,
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The actions a public idea is linked to.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn actions_of_idea(&self, idea: IdeaId) -> Result<Vec<ActionLink>> {
        Ok(sqlx::query_as(
            "SELECT x.code, x.title_da, x.title_en, x.status, l.note
             FROM idea_actions l JOIN actions x ON x.id = l.action_id
             WHERE l.idea_id = ? ORDER BY x.code",
        )
        .bind(idea.0)
        .fetch_all(self.pool())
        .await?)
    }

    /// The plan's events on an idea's timeline: its links to actions, and those actions'
    /// statuses and reached milestones since it became part of them, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn plan_events_of_idea(&self, idea: IdeaId) -> Result<Vec<PlanEvent>> {
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT l.created_at, x.code, x.title_da, x.title_en, 'linked', NULL
                 FROM idea_actions l JOIN actions x ON x.id = l.action_id WHERE l.idea_id = ?1
                 UNION ALL
                 SELECT c.created_at, x.code, x.title_da, x.title_en, 'status', c.status
                 FROM idea_actions l JOIN actions x ON x.id = l.action_id
                 JOIN action_status_changes c ON c.action_id = x.id
                 WHERE l.idea_id = ?1 AND c.created_at >= l.created_at
                   -- A change, not the status the action was created with.
                   AND c.id > (SELECT min(c0.id) FROM action_status_changes c0
                               WHERE c0.action_id = x.id)
                 UNION ALL
                 SELECT m.done_at, x.code, x.title_da, x.title_en, 'milestone', m.title
                 FROM idea_actions l JOIN actions x ON x.id = l.action_id
                 JOIN action_milestones m ON m.action_id = x.id
                 WHERE l.idea_id = ?1 AND m.done_at >= l.created_at
                 ORDER BY 1, 2, 5 DESC",
        )
        .bind(idea.0)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(at, code, title_da, title_en, kind, detail)| {
                let kind = match (kind.as_str(), detail) {
                    ("linked", _) => PlanEventKind::Linked,
                    ("status", Some(status)) => {
                        PlanEventKind::Status(ActionStatus::parse(&status)?)
                    }
                    ("milestone", Some(title)) => PlanEventKind::Milestone(title),
                    _ => return None,
                };
                Some(PlanEvent {
                    at: Timestamp(at),
                    code,
                    title_da,
                    title_en,
                    kind,
                })
            })
            .collect())
    }

    /// The public ideas linked to each action: (action id, idea id), by action and idea.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn action_idea_ids(&self) -> Result<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT l.action_id, l.idea_id FROM idea_actions l CROSS JOIN ideas i ON i.id = l.idea_id
             WHERE i.moderation_state = 'published' ORDER BY l.action_id, l.idea_id",
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// The emissions baseline, if the municipality has entered one.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn baseline(&self) -> Result<Option<Baseline>> {
        let years: Option<(i64, i64, bool)> =
            sqlx::query_as("SELECT base_year, latest_year, demo FROM emissions_years WHERE id = 1")
                .fetch_optional(self.pool())
                .await?;
        let Some((base_year, latest_year, demo)) = years else {
            return Ok(None);
        };
        let sectors = sqlx::query_as(
            "SELECT e.sector_key, e.base_t, e.latest_t FROM emissions e
             JOIN sectors s ON s.key = e.sector_key ORDER BY s.position",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(Some(Baseline {
            base_year: u16::try_from(base_year).unwrap_or_default(),
            latest_year: u16::try_from(latest_year).unwrap_or_default(),
            sectors,
            demo,
        }))
    }

    /// Replaces the emissions baseline, with an audit entry.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_baseline(
        &self,
        baseline: &Baseline,
        staff: Option<i64>,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM emissions")
            .execute(&mut *tx)
            .await?;
        for (sector, base, latest) in &baseline.sectors {
            sqlx::query("INSERT INTO emissions (sector_key, base_t, latest_t) VALUES (?, ?, ?)")
                .bind(sector)
                .bind(base)
                .bind(latest)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT OR REPLACE INTO emissions_years (id, base_year, latest_year, demo)
             VALUES (1, ?, ?, ?)",
        )
        .bind(i64::from(baseline.base_year))
        .bind(i64::from(baseline.latest_year))
        .bind(baseline.demo)
        .execute(&mut *tx)
        .await?;
        if let Some(staff) = staff {
            record(
                &mut tx,
                Record::settings(
                    Some(staff),
                    AuditAction::PlanBaseline,
                    serde_json::Value::Null,
                    serde_json::to_value(baseline).unwrap_or_default(),
                    now,
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Per sector: published mitigation ideas and their supports, for "where the tonnes are"
    /// against "what residents care about".
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn interest_by_sector(&self) -> Result<Vec<(String, i64, i64)>> {
        Ok(sqlx::query_as(
            "SELECT sector_key, count(*), coalesce(sum(support_count), 0) FROM ideas
             WHERE moderation_state = 'published' AND sector_key IS NOT NULL
               AND status <> 'merged'
             GROUP BY sector_key",
        )
        .fetch_all(self.pool())
        .await?)
    }
}

/// Saves `action` inside `tx` (see [`Db::save_action`]); the form and a confirmed import
/// share it.
pub(super) async fn save_action_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    action: &Action,
    staff: Option<i64>,
    now: i64,
) -> Result<std::result::Result<i64, ActionRefusal>> {
    let (kind, sector, theme) = match &action.category {
        Category::Sector(key) => ("mitigation", Some(key.as_str()), None),
        Category::Theme(key) => ("adaptation", None, Some(key.as_str())),
    };
    let known: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM sectors WHERE key = ?1 UNION ALL
         SELECT 1 FROM adaptation_themes WHERE key = ?2",
    )
    .bind(sector)
    .bind(theme)
    .fetch_optional(&mut **tx)
    .await?;
    if known.is_none() {
        return Ok(Err(ActionRefusal::UnknownCategory));
    }
    let before: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, status, json_object('title_da', title_da, 'owner', owner,
             'status', status, 'reduction_t', reduction_t, 'end_year', end_year)
         FROM actions WHERE code = ?",
    )
    .bind(action.code.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO actions (code, title_da, title_en, description_da, description_en, kind,
             sector_key, theme_key, owner, status, start_year, end_year, reduction_t, link,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
         ON CONFLICT (code) DO UPDATE SET title_da = ?2, title_en = ?3, description_da = ?4,
             description_en = ?5, kind = ?6, sector_key = ?7, theme_key = ?8, owner = ?9,
             status = ?10, start_year = ?11, end_year = ?12, reduction_t = ?13, link = ?14,
             updated_at = ?15
         RETURNING id",
    )
    .bind(action.code.as_str())
    .bind(&action.title_da)
    .bind(&action.title_en)
    .bind(&action.description_da)
    .bind(&action.description_en)
    .bind(kind)
    .bind(sector)
    .bind(theme)
    .bind(&action.owner)
    .bind(action.status.as_str())
    .bind(i64::from(action.start_year))
    .bind(i64::from(action.end_year))
    .bind(action.reduction.map(|t| t.value()))
    .bind(&action.link)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    let status_changed = before
        .as_ref()
        .is_none_or(|(_, status, _)| status != action.status.as_str());
    if status_changed {
        let change: i64 = sqlx::query_scalar(
            "INSERT INTO action_status_changes (action_id, status, created_at) VALUES (?, ?, ?)
             RETURNING id",
        )
        .bind(id)
        .bind(action.status.as_str())
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        // A new action has no ideas yet; an existing one's residents hear of its new status.
        if before.is_some() {
            queue_plan_mails(tx, id, ActionChange::Status(change), now).await?;
        }
    }
    // The demo's own setup (no staff member) is no staff action: only staff's are audited.
    if let Some(staff) = staff {
        audit_saved(tx, staff, id, action, before.map(|(_, _, json)| json), now).await?;
    }
    Ok(Ok(id))
}

/// The audit entry of a saved action: what it was (if it existed) and became.
async fn audit_saved(
    tx: &mut sqlx::SqliteConnection,
    staff: i64,
    id: i64,
    action: &Action,
    before: Option<String>,
    now: i64,
) -> Result<()> {
    let (audit_action, before_json) = match before {
        Some(json) => (
            AuditAction::PlanActionUpdate,
            serde_json::from_str(&json).unwrap_or_default(),
        ),
        None => (AuditAction::PlanActionCreate, serde_json::Value::Null),
    };
    record(
        tx,
        Record::action(
            Some(staff),
            audit_action,
            id,
            before_json,
            serde_json::json!({
                "code": action.code.as_str(),
                "title_da": action.title_da,
                "owner": action.owner,
                "status": action.status.as_str(),
                "reduction_t": action.reduction.map(|t| t.value()),
                "end_year": action.end_year,
            }),
            now,
        ),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::plan::{ActionFields, ActionStatus, gap};
    use crate::storage::now;
    use crate::storage::tests::{db_with_reference, insert, staff};

    fn action(code: &str, status: &str, tonnes: &str) -> Action {
        ActionFields {
            code: code.into(),
            title_da: format!("Indsats {code}"),
            description_da: "En indsats i klimaplanen.".into(),
            category: "sector:transport".into(),
            owner: "By- og Landskabsforvaltningen".into(),
            status: status.into(),
            start_year: "2023".into(),
            end_year: "2030".into(),
            reduction: tonnes.into(),
            ..ActionFields::default()
        }
        .parse()
        .unwrap()
    }

    #[tokio::test]
    async fn an_actions_ideas_are_read_from_its_links_not_by_walking_every_idea() {
        let (db, _dir) = db_with_reference().await;
        let plan: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(&format!("EXPLAIN QUERY PLAN SELECT {ROW_COLUMNS}"))
                .fetch_all(db.pool())
                .await
                .unwrap();
        let steps: Vec<&str> = plan.iter().map(|(_, _, _, step)| step.as_str()).collect();
        assert!(
            steps
                .iter()
                .any(|s| s.contains("SEARCH l USING INDEX idea_actions_action")),
            "{steps:?}"
        );
        assert!(
            steps
                .iter()
                .all(|s| !s.starts_with("SEARCH i USING COVERING INDEX")),
            "{steps:?}"
        );
    }

    #[tokio::test]
    async fn actions_are_saved_by_code_with_their_timeline_links_and_the_gap() {
        let (db, _dir) = db_with_reference().await;
        let staff = staff(&db, crate::staff::StaffRole::Admin).await;
        let t = now();
        let id = db
            .save_action(&action("t3", "planned", "10 000"), Some(staff), t)
            .await
            .unwrap()
            .unwrap();
        // Saved again by its code: the same action, a new status on its timeline.
        let again = db
            .save_action(&action("T3", "in_progress", "12 000"), Some(staff), t + 10)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again, id);
        db.save_action(&action("T4", "dropped", "50 000"), Some(staff), t)
            .await
            .unwrap()
            .unwrap();
        let unknown = ActionFields {
            category: "sector:space".into(),
            ..ActionFields::default()
        };
        assert!(unknown.parse().is_err());

        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let code = ActionCode::parse("T3").unwrap();
        assert!(
            db.link_idea(idea, &code, Some("Indgår i stiplanen"), Some(staff), t)
                .await
                .unwrap()
        );
        let pending = insert(&db, "Endnu ikke godkendt", ModerationState::Pending).await;
        assert!(
            !db.link_idea(pending, &code, None, Some(staff), t)
                .await
                .unwrap()
        );
        db.add_milestone(
            id,
            "Første strækning åbnet",
            crate::time::Date::parse_iso("2026-06-01").unwrap(),
            Some(t),
        )
        .await
        .unwrap();
        db.add_milestone(
            id,
            "Hele ruten åbnet",
            crate::time::Date::parse_iso("2029-09-01").unwrap(),
            None,
        )
        .await
        .unwrap();

        let detail = db.action_detail(&code).await.unwrap().unwrap();
        assert_eq!(detail.action.reduction_t, Some(12000.0));
        assert_eq!(
            (detail.action.milestones_done, detail.action.milestones),
            (1, 2)
        );
        assert_eq!(
            detail
                .statuses
                .iter()
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>(),
            ["planned", "in_progress"]
        );
        assert_eq!(detail.ideas[0].note.as_deref(), Some("Indgår i stiplanen"));
        assert_eq!(db.actions_of_idea(idea).await.unwrap()[0].code, "T3");

        db.set_baseline(
            &Baseline {
                base_year: 1990,
                latest_year: 2023,
                sectors: vec![("transport".into(), 500_000.0, 450_000.0)],
                demo: true,
            },
            Some(staff),
            t,
        )
        .await
        .unwrap();
        let baseline = db.baseline().await.unwrap().unwrap();
        let actions: Vec<(ActionStatus, f64)> = db
            .plan_actions()
            .await
            .unwrap()
            .iter()
            .filter_map(|a| Some((ActionStatus::parse(&a.status)?, a.reduction_t?)))
            .collect();
        let found = gap(&baseline, 70, &actions);
        assert_eq!(found.target, 150_000.0);
        assert_eq!(
            found.left,
            450_000.0 - 150_000.0 - 12_000.0,
            "the dropped one does not count"
        );
        let audit: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_events ORDER BY id")
            .fetch_all(db.pool())
            .await
            .unwrap();
        assert_eq!(
            audit,
            [
                "plan.action_create",
                "plan.action_update",
                "plan.action_create",
                "idea.link_action",
                "plan.baseline"
            ]
        );
    }
}
