//! Sign-in codes, residents by e-mail, and sessions.

use super::{Db, Result};
use crate::resident::ResidentId;

impl Db {
    /// How many codes were made for an address since `since`, and when the oldest of them was.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn sign_in_codes_for_address_since(
        &self,
        email: &str,
        since: i64,
    ) -> Result<(i64, i64)> {
        Ok(sqlx::query_as("SELECT count(*), coalesce(min(created_at), 0) FROM sign_in_codes WHERE email = ? AND created_at > ?")
            .bind(email)
            .bind(since)
            .fetch_one(self.pool())
            .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn sign_in_codes_for_client_since(
        &self,
        client_hash: &str,
        since: i64,
    ) -> Result<(i64, i64)> {
        Ok(sqlx::query_as("SELECT count(*), coalesce(min(created_at), 0) FROM sign_in_codes WHERE client_hash = ? AND created_at > ?")
            .bind(client_hash)
            .bind(since)
            .fetch_one(self.pool())
            .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_sign_in_code(
        &self,
        email: &str,
        code_hash: &str,
        client_hash: &str,
        browser_hash: &str,
        created_at: i64,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sign_in_codes (email, code_hash, client_hash, browser_hash, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(email)
        .bind(code_hash)
        .bind(client_hash)
        .bind(browser_hash)
        .bind(created_at)
        .bind(expires_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The newest unused, unexpired code of an address that this browser asked for. Older
    /// codes stop counting once a newer one is asked for.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn newest_open_sign_in_code(
        &self,
        email: &str,
        browser_hash: &str,
        now: i64,
    ) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM sign_in_codes
             WHERE email = ? AND browser_hash = ? AND used_at IS NULL AND expires_at > ?
             ORDER BY created_at DESC, id DESC LIMIT 1",
        )
        .bind(email)
        .bind(browser_hash)
        .bind(now)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Wrong tries at codes asked for since `since`, on the whole site.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn failed_sign_in_tries_since(&self, since: i64) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COALESCE(SUM(failed_attempts), 0) FROM sign_in_codes WHERE created_at >= ?",
        )
        .bind(since)
        .fetch_one(self.pool())
        .await?)
    }

    /// Counts one try at a code and returns its hash and the tries used, or `None` if it has no
    /// tries left. One statement, so parallel tries cannot all see the same count.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn take_sign_in_try(
        &self,
        code_id: i64,
        max_tries: i64,
    ) -> Result<Option<(String, i64)>> {
        Ok(sqlx::query_as(
            "UPDATE sign_in_codes SET failed_attempts = failed_attempts + 1
             WHERE id = ? AND used_at IS NULL AND failed_attempts < ?
             RETURNING code_hash, failed_attempts",
        )
        .bind(code_id)
        .bind(max_tries)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Marks a code used (the successful try is not a failure); `false` if it already was.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn use_sign_in_code(&self, code_id: i64, now: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE sign_in_codes SET used_at = ?, failed_attempts = failed_attempts - 1 WHERE id = ? AND used_at IS NULL",
        )
        .bind(now)
        .bind(code_id)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The resident with this address, created if there is none.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn resident_for_email(&self, email: &str, now: i64) -> Result<ResidentId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO residents (email, created_at) VALUES (?, ?)
             ON CONFLICT (email) DO UPDATE SET email = excluded.email
             RETURNING id",
        )
        .bind(email)
        .bind(now)
        .fetch_one(self.pool())
        .await?;
        Ok(ResidentId(id))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_session(
        &self,
        token_hash: &str,
        resident: ResidentId,
        created_at: i64,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, resident_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .bind(token_hash)
            .bind(resident.0)
            .bind(created_at)
            .bind(expires_at)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn session_resident(&self, token_hash: &str, now: i64) -> Result<Option<ResidentId>> {
        if let Some(resident) = self.sessions.get(token_hash, now) {
            return Ok(Some(resident));
        }
        let generation = self.sessions.generation();
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT resident_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        Ok(found.map(|(id, expires_at)| {
            let resident = ResidentId(id);
            self.sessions
                .put(generation, token_hash, resident, expires_at, now);
            resident
        }))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        self.sessions.forget(token_hash);
        Ok(())
    }
}

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_sessions(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM sessions")
            .fetch_one(self.pool())
            .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_sign_in_codes(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM sign_in_codes")
            .fetch_one(self.pool())
            .await?)
    }
}
