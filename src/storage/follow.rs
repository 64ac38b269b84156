//! Following in the database: a resident's own choices (`follows`), and who follows an idea,
//! read from what ties residents to it (proposing, supporting, arguing) less those who chose
//! to stop. See `crate::follow`.

use super::{Db, Result};
use crate::follow::{FollowKind, FollowTarget, FollowedTopic, Frequency, IdeaFollow};
use crate::{IdeaId, ResidentId};

impl Db {
    /// Records a resident's choice to follow `target`, or (`following` false) to stop.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_follow(
        &self,
        resident: ResidentId,
        target: &FollowTarget,
        following: bool,
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO follows (resident_id, kind, target, following, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (resident_id, kind, target) DO UPDATE SET following = ?4, changed_at = ?5",
        )
        .bind(resident.0)
        .bind(target.kind.as_str())
        .bind(target.key())
        .bind(following)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Whether there is such a thing to follow: a public idea, an area, a sector, a theme or an
    /// action of the plan.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn follow_target_exists(&self, target: &FollowTarget) -> Result<bool> {
        let sql = match target.kind {
            FollowKind::Idea => {
                "SELECT EXISTS (SELECT 1 FROM ideas WHERE id = CAST(? AS INTEGER)
                                AND moderation_state = 'published')"
            }
            FollowKind::Area => {
                "SELECT EXISTS (SELECT 1 FROM areas WHERE slug = ? AND retired_at IS NULL)"
            }
            FollowKind::Sector => "SELECT EXISTS (SELECT 1 FROM sectors WHERE key = ?)",
            FollowKind::Theme => "SELECT EXISTS (SELECT 1 FROM adaptation_themes WHERE key = ?)",
            FollowKind::Action => "SELECT EXISTS (SELECT 1 FROM actions WHERE code = ?)",
        };
        Ok(sqlx::query_scalar(sql)
            .bind(target.key())
            .fetch_one(self.pool())
            .await?)
    }

    /// Whether, and why, a resident follows an idea.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn idea_follow(&self, resident: ResidentId, idea: IdeaId) -> Result<IdeaFollow> {
        // The resident's whole state on the idea is one query; the follow is part of it.
        Ok(self.idea_viewer(resident, idea).await?.follow)
    }

    /// How many residents with an address follow an idea.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn idea_follower_count(&self, idea: IdeaId) -> Result<i64> {
        Ok(
            sqlx::query_scalar(&format!("SELECT count(*) FROM ({IDEA_FOLLOWERS})"))
                .bind(idea.0)
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// What a resident chose to follow (not the ideas they follow by taking part).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn chosen_follows(&self, resident: ResidentId) -> Result<Vec<FollowTarget>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT kind, target FROM follows WHERE resident_id = ? AND following = 1
             ORDER BY changed_at DESC, id DESC",
        )
        .bind(resident.0)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|(kind, key)| FollowTarget::parse(kind, key))
            .collect())
    }

    /// What a resident chose to follow, with names, newest first; what no longer exists (a
    /// retired area, a hidden idea) is left out.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn followed_topics(&self, resident: ResidentId) -> Result<Vec<FollowedTopic>> {
        Ok(sqlx::query_as(
            "SELECT kind, key, name_da, name_en FROM (
                 SELECT f.kind, f.target AS key, f.changed_at, f.id,
                        CASE f.kind
                            WHEN 'area' THEN (SELECT name FROM areas
                                              WHERE slug = f.target AND retired_at IS NULL)
                            WHEN 'sector' THEN (SELECT name_da FROM sectors WHERE key = f.target)
                            WHEN 'theme' THEN (SELECT name_da FROM adaptation_themes
                                               WHERE key = f.target)
                            WHEN 'action' THEN (SELECT code || ' ' || title_da FROM actions
                                                WHERE code = f.target)
                            WHEN 'idea' THEN (SELECT title FROM ideas
                                              WHERE id = CAST(f.target AS INTEGER)
                                                AND moderation_state = 'published')
                        END AS name_da,
                        CASE f.kind
                            WHEN 'sector' THEN (SELECT name_en FROM sectors WHERE key = f.target)
                            WHEN 'theme' THEN (SELECT name_en FROM adaptation_themes
                                               WHERE key = f.target)
                            WHEN 'action' THEN (SELECT code || ' ' || title_en FROM actions
                                                WHERE code = f.target AND title_en IS NOT NULL)
                        END AS name_en
                 FROM follows f WHERE f.resident_id = ? AND f.following = 1)
             WHERE name_da IS NOT NULL
             ORDER BY changed_at DESC, id DESC",
        )
        .bind(resident.0)
        .fetch_all(self.pool())
        .await?)
    }

    /// Whether a resident chose to follow `target`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn follows_target(
        &self,
        resident: ResidentId,
        target: &FollowTarget,
    ) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM follows WHERE resident_id = ? AND kind = ?
                            AND target = ? AND following = 1)",
        )
        .bind(resident.0)
        .bind(target.kind.as_str())
        .bind(target.key())
        .fetch_one(self.pool())
        .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn frequency(&self, resident: ResidentId) -> Result<Frequency> {
        let stored: String = sqlx::query_scalar("SELECT frequency FROM residents WHERE id = ?")
            .bind(resident.0)
            .fetch_one(self.pool())
            .await?;
        Ok(Frequency::parse(&stored).unwrap_or(Frequency::Daily))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_frequency(&self, resident: ResidentId, frequency: Frequency) -> Result<()> {
        sqlx::query("UPDATE residents SET frequency = ? WHERE id = ?")
            .bind(frequency.as_str())
            .bind(resident.0)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// The residents (with an address) who follow idea `?1`: its author, supporters, those who
/// argued and those who chose to, less those who chose to stop. The events of issue 19 queue
/// their notifications from this in one statement.
pub(crate) const IDEA_FOLLOWERS: &str = "
    SELECT r.id FROM residents r
    WHERE r.email IS NOT NULL
      AND r.id IN (SELECT author_id FROM ideas WHERE id = ?1
                   UNION SELECT resident_id FROM supports WHERE idea_id = ?1
                   UNION SELECT author_id FROM arguments WHERE idea_id = ?1
                   UNION SELECT resident_id FROM follows
                         WHERE kind = 'idea' AND target = CAST(?1 AS TEXT) AND following = 1)
      AND r.id NOT IN (SELECT resident_id FROM follows
                       WHERE kind = 'idea' AND target = CAST(?1 AS TEXT) AND following = 0)";

#[cfg(test)]
mod tests {
    use crate::ModerationState;
    use crate::follow::{FollowTarget, Frequency, IdeaFollow};
    use crate::storage::tests::{db_with_reference, insert};

    #[tokio::test]
    async fn taking_part_follows_an_idea_and_a_choice_to_stop_outlasts_it() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let t = 1_000;
        let fan = db.resident_for_email("fan@example.org", t).await.unwrap();
        let reader = db
            .resident_for_email("laeser@example.org", t)
            .await
            .unwrap();
        assert_eq!(db.idea_follow(fan, idea).await.unwrap(), IdeaFollow::None);
        db.add_support(idea, fan.0, t).await.unwrap();
        assert_eq!(
            db.idea_follow(fan, idea).await.unwrap(),
            IdeaFollow::Supported
        );
        let target = FollowTarget::idea(idea);
        db.set_follow(reader, &target, true, t).await.unwrap();
        assert_eq!(
            db.idea_follow(reader, idea).await.unwrap(),
            IdeaFollow::Chosen
        );
        assert_eq!(db.idea_follower_count(idea).await.unwrap(), 2);

        // Stopping outlasts supporting again.
        db.set_follow(fan, &target, false, t + 1).await.unwrap();
        db.remove_support(idea, fan).await.unwrap();
        db.add_support(idea, fan.0, t + 2).await.unwrap();
        assert_eq!(
            db.idea_follow(fan, idea).await.unwrap(),
            IdeaFollow::Stopped
        );
        assert_eq!(db.idea_follower_count(idea).await.unwrap(), 1);
        db.set_follow(fan, &target, true, t + 3).await.unwrap();
        assert_eq!(
            db.idea_follow(fan, idea).await.unwrap(),
            IdeaFollow::Supported
        );
        assert_eq!(db.idea_follower_count(idea).await.unwrap(), 2);

        let area = FollowTarget::parse("area", "vestbyen").unwrap();
        db.set_follow(reader, &area, true, t + 4).await.unwrap();
        assert_eq!(db.chosen_follows(reader).await.unwrap(), vec![area, target]);
        // Their page names them; an area that does not exist is left out.
        let sector = FollowTarget::parse("category", "sector:transport").unwrap();
        db.set_follow(reader, &sector, true, t + 4).await.unwrap();
        assert!(db.follows_target(reader, &sector).await.unwrap());
        let named = db.followed_topics(reader).await.unwrap();
        let kinds: Vec<&str> = named.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(kinds, ["sector", "idea"], "{named:?}");
        assert_eq!(named[1].name_da, "Flere cykelstier i byen");
        assert_eq!(named[0].href(), "/ideas?sector=transport");
        db.set_follow(reader, &sector, false, t + 4).await.unwrap();
        assert_eq!(db.frequency(reader).await.unwrap(), Frequency::Daily);
        db.set_frequency(reader, Frequency::Weekly).await.unwrap();
        assert_eq!(db.frequency(reader).await.unwrap(), Frequency::Weekly);

        // Their data download holds their choices; deleting the account takes them along.
        let data = db.personal_data(reader).await.unwrap().unwrap();
        assert_eq!(
            (data.follows.len(), data.resident.frequency.as_str()),
            (3, "weekly"),
            "two to follow, one to have stopped"
        );
        assert!(db.delete_resident(reader, t + 5).await.unwrap());
        let left: i64 = sqlx::query_scalar("SELECT count(*) FROM follows WHERE resident_id = ?")
            .bind(reader.0)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(left, 0);
    }
}
