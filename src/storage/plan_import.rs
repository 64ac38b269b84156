//! What an admin sent about the plan before it is saved: an uploaded spreadsheet waiting for
//! its preview to be confirmed, or an action form that came back with problems (its
//! descriptions, up to 4 000 characters each, do not fit the typed-text cookie). Drafts belong
//! to the admin who made them and are cleared after a day. Confirming a file saves every action
//! in it in one transaction: all or nothing.

use super::plan::{ActionRefusal, save_action_in};
use super::{Db, Result, StorageError};
use crate::plan::{Action, ActionFields};
use crate::plan_import::CategoryName;
use crate::sheet::Table;

/// How long a draft waits.
const DRAFT_SECONDS: i64 = 86_400;

fn json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StorageError::InvalidRow(e.to_string()))
}

impl Db {
    /// Keeps an uploaded spreadsheet's rows for its preview.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_plan_file(
        &self,
        staff: i64,
        file_name: &str,
        table: &Table,
        now: i64,
    ) -> Result<i64> {
        self.save_plan_draft(staff, "file", file_name, &json(table)?, now)
            .await
    }

    /// An uploaded spreadsheet this admin kept: its name and rows.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn plan_file(&self, id: i64, staff: i64) -> Result<Option<(String, Table)>> {
        let Some((name, body)) = self.plan_draft(id, staff, "file").await? else {
            return Ok(None);
        };
        Ok(serde_json::from_str(&body).ok().map(|table| (name, table)))
    }

    /// Keeps an action form's fields as typed, for the form to show again.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_action_draft(
        &self,
        staff: i64,
        fields: &ActionFields,
        now: i64,
    ) -> Result<i64> {
        self.save_plan_draft(staff, "form", "", &json(fields)?, now)
            .await
    }

    /// An action form this admin sent back with problems.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn action_draft(&self, id: i64, staff: i64) -> Result<Option<ActionFields>> {
        let draft = self.plan_draft(id, staff, "form").await?;
        Ok(draft.and_then(|(_, body)| serde_json::from_str(&body).ok()))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_plan_draft(&self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM plan_drafts WHERE id = ?")
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn save_plan_draft(
        &self,
        staff: i64,
        kind: &str,
        file_name: &str,
        body: &str,
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM plan_drafts WHERE created_at < ?")
            .bind(now - DRAFT_SECONDS)
            .execute(&mut *tx)
            .await?;
        let id = sqlx::query_scalar(
            "INSERT INTO plan_drafts (staff_id, kind, file_name, body, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(staff)
        .bind(kind)
        .bind(file_name)
        .bind(body)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn plan_draft(
        &self,
        id: i64,
        staff: i64,
        kind: &str,
    ) -> Result<Option<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT file_name, body FROM plan_drafts WHERE id = ? AND staff_id = ? AND kind = ?",
        )
        .bind(id)
        .bind(staff)
        .bind(kind)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Saves every action of a confirmed file in one transaction, each audited as the form's
    /// are; nothing is saved if one is refused. Returns how many were saved.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn import_actions(
        &self,
        actions: &[Action],
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<usize, ActionRefusal>> {
        let mut tx = self.begin_write().await?;
        for action in actions {
            if let Err(refusal) = save_action_in(&mut tx, action, Some(staff), now).await? {
                return Ok(Err(refusal));
            }
        }
        tx.commit().await?;
        Ok(Ok(actions.len()))
    }

    /// The site's sectors and themes as a spreadsheet may name them.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn category_names(&self) -> Result<Vec<CategoryName>> {
        Ok(sqlx::query_as::<_, (String, String, String)>(
            "SELECT 'sector:' || key, name_da, name_en FROM sectors
             UNION ALL SELECT 'theme:' || key, name_da, name_en FROM adaptation_themes",
        )
        .fetch_all(self.pool())
        .await?
        .into_iter()
        .map(|(choice, name_da, name_en)| CategoryName {
            choice,
            name_da,
            name_en,
        })
        .collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::ActionFields;
    use crate::plan_import::{Outcome, read_plan};
    use crate::sheet::read_csv;
    use crate::storage::now;
    use crate::storage::tests::{db_with_reference, staff};

    const FILE: &str = "kode;titel;beskrivelse;sektor_eller_tema;ansvarlig;status;startår;slutår\n\
        T1;Elbusser;Alle bybusser kører på el.;Transport;Trafik;planlagt;2025;2030\n\
        T2;Cykelstier;Flere cykelstier.;transport;Trafik;i gang;2024;2028\n";

    #[tokio::test]
    async fn a_confirmed_file_saves_every_row_and_reads_back_as_the_same() {
        let (db, _dir) = db_with_reference().await;
        let admin = staff(&db, crate::staff::StaffRole::Admin).await;
        let table = read_csv(FILE.as_bytes()).unwrap();
        let id = db
            .save_plan_file(admin, "plan.csv", &table, now())
            .await
            .unwrap();
        let (name, kept) = db.plan_file(id, admin).await.unwrap().unwrap();
        assert_eq!((name.as_str(), &kept), ("plan.csv", &table));
        assert!(db.plan_file(id, admin + 1).await.unwrap().is_none());
        let categories = db.category_names().await.unwrap();
        let rows = read_plan(&kept, &categories, &[]).unwrap();
        let actions: Vec<_> = rows.iter().filter_map(|r| r.action()).collect();
        assert_eq!(actions.len(), 2);
        assert_eq!(
            db.import_actions(&actions, admin, now()).await.unwrap(),
            Ok(2)
        );
        let existing: Vec<ActionFields> = db
            .plan_actions()
            .await
            .unwrap()
            .iter()
            .map(ActionFields::of_row)
            .collect();
        let again = read_plan(&kept, &categories, &existing).unwrap();
        assert!(
            again.iter().all(|r| r.outcome == Outcome::Same),
            "{again:?}"
        );
    }

    #[tokio::test]
    async fn an_unknown_category_saves_nothing_of_the_file() {
        let (db, _dir) = db_with_reference().await;
        let admin = staff(&db, crate::staff::StaffRole::Admin).await;
        let rows = read_plan(
            &read_csv(FILE.as_bytes()).unwrap(),
            &db.category_names().await.unwrap(),
            &[],
        )
        .unwrap();
        let mut actions: Vec<_> = rows.iter().filter_map(|r| r.action()).collect();
        actions[1].category = crate::Category::parse_choice("sector:moon").unwrap();
        assert!(
            db.import_actions(&actions, admin, now())
                .await
                .unwrap()
                .is_err()
        );
        assert!(db.plan_actions().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_form_draft_is_its_admins_alone() {
        let (db, _dir) = db_with_reference().await;
        let admin = staff(&db, crate::staff::StaffRole::Admin).await;
        let fields = ActionFields {
            description_da: "lang ".repeat(800),
            ..ActionFields::default()
        };
        let id = db.save_action_draft(admin, &fields, now()).await.unwrap();
        assert_eq!(db.action_draft(id, admin).await.unwrap(), Some(fields));
        assert_eq!(db.action_draft(id, admin + 1).await.unwrap(), None);
        assert_eq!(db.plan_file(id, admin).await.unwrap(), None);
    }
}
