//! What on a public page is one signed-in resident's own, read in as few queries as possible:
//! a page kept for all residents is put together with these for each of them, so these reads
//! are what a resident's page costs.

use super::{Db, Result};
use crate::argument::{ArgumentId, ArgumentMark};
use crate::follow::IdeaFollow;
use crate::idea::IdeaId;
use crate::resident::ResidentId;

/// A resident's own state on an idea's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdeaViewer {
    pub supported: bool,
    pub reported: bool,
    pub follow: IdeaFollow,
    /// They have an argument or reply on it awaiting review, which only they see.
    pub waiting_argument: bool,
}

impl Db {
    /// A resident's support, report, follow and waiting arguments on one idea, in one query.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn idea_viewer(&self, resident: ResidentId, idea: IdeaId) -> Result<IdeaViewer> {
        self.read(|connection| {
            connection
                .prepare_cached(
                    "SELECT (SELECT following FROM follows
                             WHERE resident_id = ?1 AND kind = 'idea'
                               AND target = CAST(?2 AS TEXT)),
                            EXISTS (SELECT 1 FROM ideas WHERE id = ?2 AND author_id = ?1),
                            EXISTS (SELECT 1 FROM supports WHERE idea_id = ?2 AND resident_id = ?1),
                            EXISTS (SELECT 1 FROM arguments WHERE idea_id = ?2 AND author_id = ?1),
                            EXISTS (SELECT 1 FROM reports WHERE idea_id = ?2 AND resident_id = ?1),
                            EXISTS (SELECT 1 FROM arguments WHERE idea_id = ?2 AND author_id = ?1
                                    AND moderation_state = 'pending')",
                )?
                .query_row((resident.0, idea.0), |row| {
                    let supported: bool = row.get(2)?;
                    Ok(IdeaViewer {
                        supported,
                        reported: row.get(4)?,
                        follow: IdeaFollow::of(row.get(0)?, row.get(1)?, supported, row.get(3)?),
                        waiting_argument: row.get(5)?,
                    })
                })
        })
    }

    /// Whether a resident follows a plan action, by its id.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn follows_action(&self, resident: ResidentId, action: i64) -> Result<bool> {
        self.read(|connection| {
            connection
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM follows f JOIN actions a ON a.code = f.target
                                    WHERE f.resident_id = ? AND f.kind = 'action' AND a.id = ?
                                      AND f.following = 1)",
                )?
                .query_row((resident.0, action), |row| row.get(0))
        })
    }

    /// A resident's marks among the given arguments, in one query: only their own arguments
    /// and those they found helpful; every other one is [`ArgumentMark::Other`]. (Most
    /// residents have neither on a page, and each is then found from an index of their own.)
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn argument_marks(
        &self,
        resident: ResidentId,
        arguments: &[ArgumentId],
        now: i64,
    ) -> Result<Vec<(ArgumentId, ArgumentMark)>> {
        if arguments.is_empty() {
            return Ok(Vec::new());
        }
        // The ids as one JSON array: one statement, prepared once, for every page. One's own
        // arguments are never one's helpful marks, so the two halves never meet.
        let ids: Vec<i64> = arguments.iter().map(|a| a.0).collect();
        let ids = serde_json::to_string(&ids).expect("numbers serialise");
        self.read(|connection| {
            connection
                .prepare_cached(
                    "SELECT a.id, 1, a.deleted_at IS NULL AND a.created_at > ?2 - ?4, 0
                     FROM arguments a
                     WHERE a.author_id = ?1 AND a.id IN (SELECT value FROM json_each(?3))
                     UNION ALL
                     SELECT h.argument_id, 0, 0, 1 FROM argument_helpful h
                     WHERE h.resident_id = ?1
                       AND h.argument_id IN (SELECT value FROM json_each(?3))",
                )?
                .query_map(
                    (resident.0, now, ids, crate::argument::EDIT_WINDOW_SECONDS),
                    |row| {
                        Ok((
                            ArgumentId(row.get(0)?),
                            ArgumentMark::of(row.get(1)?, row.get(2)?, row.get(3)?),
                        ))
                    },
                )?
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::argument::{ArgumentOrder, Stance};
    use crate::locale::Locale;
    use crate::moderation::ModerationMode;
    use crate::storage::argument::tests::{AT_ONCE, argument};
    use crate::storage::tests::{db_with_reference, insert, resident};

    /// Each reading agrees with what the page reads for the same resident.
    #[tokio::test]
    async fn the_viewers_state_agrees_with_what_the_page_reads_for_them() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let (mette, ole) = (
            ResidentId(resident(&db, 1).await),
            ResidentId(resident(&db, 2).await),
        );
        let t = crate::storage::now();
        let blank = db.idea_viewer(mette, idea).await.unwrap();
        assert_eq!(
            blank,
            IdeaViewer {
                supported: false,
                reported: false,
                follow: IdeaFollow::None,
                waiting_argument: false,
            }
        );
        db.add_public_support(idea, mette, t).await.unwrap();
        let viewer = db.idea_viewer(mette, idea).await.unwrap();
        assert!(viewer.supported);
        assert_eq!(viewer.follow, IdeaFollow::Supported);
        assert_eq!(viewer.follow, db.idea_follow(mette, idea).await.unwrap());
        assert!(!viewer.reported);

        // Ole's argument, which Mette marks; Mette's own, one fresh and one old.
        let post = |who, text: &'static str, at| {
            let db = db.clone();
            async move {
                db.insert_argument(
                    who,
                    &argument(idea, Stance::For, text),
                    Locale::Da,
                    AT_ONCE,
                    at,
                )
                .await
                .unwrap()
                .unwrap()
            }
        };
        let oles = post(ole, "Færre biler i midtbyen.", t).await;
        post(mette, "Sikrere skoleveje for børnene.", t).await;
        post(mette, "Det er godt for helbredet.", t - 3600).await;
        db.set_helpful(oles, mette, true, t).await.unwrap();
        let debate = db
            .debate(idea, Some(mette), ArgumentOrder::Newest, None, 1)
            .await
            .unwrap()
            .unwrap();
        let ids: Vec<ArgumentId> = debate.threads.iter().map(|th| th.argument.id).collect();
        let marks = db.argument_marks(mette, &ids, t).await.unwrap();
        let mut seen = Vec::new();
        for thread in &debate.threads {
            let item = &thread.argument;
            let mark = marks
                .iter()
                .find(|(id, _)| *id == item.id)
                .map_or(ArgumentMark::Other, |(_, mark)| *mark);
            assert_eq!(mark, ArgumentMark::of_item(item), "{:?}", item.id);
            seen.push(mark);
        }
        seen.sort_by_key(|m| *m as u8);
        assert_eq!(
            seen,
            [
                ArgumentMark::Helpful,
                ArgumentMark::Mine,
                ArgumentMark::MineEditable
            ]
        );
        assert!(db.argument_marks(mette, &[], t).await.unwrap().is_empty());
        // To Ole, Mette's two are others' arguments: only his own is named.
        assert_eq!(
            db.argument_marks(ole, &ids, t).await.unwrap(),
            [(oles, ArgumentMark::MineEditable)]
        );

        // Arguing follows; an argument awaiting review is only Ole's to see.
        assert_eq!(
            db.idea_viewer(ole, idea).await.unwrap().follow,
            IdeaFollow::Argued
        );
        db.insert_argument(
            ole,
            &argument(idea, Stance::Against, "Det koster for meget."),
            Locale::Da,
            ModerationMode::Pre,
            t,
        )
        .await
        .unwrap()
        .unwrap();
        assert!(db.idea_viewer(ole, idea).await.unwrap().waiting_argument);
        assert!(!db.idea_viewer(mette, idea).await.unwrap().waiting_argument);
    }
}
