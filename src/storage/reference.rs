//! Sectors and adaptation themes: the plan's categories, as forms and filters offer them.

use serde::{Deserialize, Serialize};

use super::{Db, Result};
use crate::reference::Named;

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_sector(&self, named: &Named, position: i64) -> Result<()> {
        sqlx::query("INSERT INTO sectors (key, name_da, name_en, position) VALUES (?, ?, ?, ?)")
            .bind(named.key)
            .bind(named.da)
            .bind(named.en)
            .bind(position)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_theme(&self, named: &Named, position: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO adaptation_themes (key, name_da, name_en, position) VALUES (?, ?, ?, ?)",
        )
        .bind(named.key)
        .bind(named.da)
        .bind(named.en)
        .bind(position)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_sectors(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM sectors")
            .fetch_one(self.pool())
            .await?)
    }
}

/// A sector or theme as a form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    pub key: String,
    pub name_da: String,
    pub name_en: String,
}

impl Db {
    /// Sectors (`themes` false) or adaptation themes (true), in their display order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn list_categories(&self, themes: bool) -> Result<Vec<CategoryRow>> {
        let table = if themes {
            "adaptation_themes"
        } else {
            "sectors"
        };
        let rows: Vec<(String, String, String)> = sqlx::query_as(&format!(
            "SELECT key, name_da, name_en FROM {table} ORDER BY position, key"
        ))
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(key, name_da, name_en)| CategoryRow {
                key,
                name_da,
                name_en,
            })
            .collect())
    }
}
