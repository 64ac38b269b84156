//! Arguments under ideas, their replies and "helpful" marks. The rules are the core's
//! (`argument`): this module checks, in the one transaction that writes, what only the
//! database knows (the idea is public and open, the argument replied to is a public argument,
//! the same text was not sent within the day).

use sqlx::Row;

use super::{Db, Result};
use crate::argument::{
    ArgumentCounts, ArgumentDraft, ArgumentId, ArgumentItem, ArgumentOrder, ArgumentProblem,
    ArgumentText, Author, Debate, EDIT_WINDOW_SECONDS, HiddenBy, NewArgument, PER_PAGE, Post,
    REPEAT_WINDOW_SECONDS, Shown, Stance, Thread,
};
use crate::idea::IdeaId;
use crate::locale::Locale;
use crate::resident::ResidentId;
use crate::signin::DraftToken;
use crate::time::Timestamp;

// The edit window is written into the columns below as 900 seconds.
const _: () = assert!(EDIT_WINDOW_SECONDS == 900);

/// The columns an [`ArgumentItem`] is read from; `?1` is the reader (or 0).
pub(super) const ITEM_COLUMNS: &str =
    "a.id, a.stance, a.body, a.language, a.author_id, r.display_name,
    a.staff_id, a.created_at, a.edited_at, a.deleted_at, a.moderation_state, a.moderation_rule,
    a.moderated_at, a.helpful_count, a.department,
    EXISTS (SELECT 1 FROM argument_helpful h WHERE h.argument_id = a.id AND h.resident_id = ?1)
        AS helped,
    (a.author_id = ?1 AND a.deleted_at IS NULL
        AND a.created_at > CAST(strftime('%s', 'now') AS INTEGER) - 900) AS editable";

pub(super) fn item(row: &sqlx::sqlite::SqliteRow, reader: Option<ResidentId>) -> ArgumentItem {
    let author_id: Option<i64> = row.get("author_id");
    let staff_id: Option<i64> = row.get("staff_id");
    let deleted_at: Option<i64> = row.get("deleted_at");
    let state: String = row.get("moderation_state");
    let hidden_by = (state == "hidden").then(|| {
        row.get::<Option<String>, _>("moderation_rule")
            .as_deref()
            .and_then(HiddenBy::parse)
            // A hidden argument always has its reason (a CHECK); should one be unreadable,
            // its words still stay hidden.
            .unwrap_or(HiddenBy::Reports)
    });
    let shown = match (deleted_at, hidden_by) {
        (Some(at), _) => Shown::DeletedByAuthor(Timestamp(at)),
        (None, Some(by)) => Shown::Hidden {
            at: Timestamp(row.get::<Option<i64>, _>("moderated_at").unwrap_or(0)),
            by,
        },
        (None, None) if state == "pending" => Shown::Waiting(row.get("body")),
        (None, None) => Shown::Text(row.get("body")),
    };
    let author = match (staff_id, author_id) {
        (Some(_), _) => Author::Municipality {
            department: row.get("department"),
        },
        (None, Some(_)) => Author::Resident(row.get("display_name")),
        (None, None) => Author::Former,
    };
    ArgumentItem {
        id: ArgumentId(row.get("id")),
        stance: row
            .get::<Option<String>, _>("stance")
            .as_deref()
            .and_then(Stance::parse),
        shown,
        language: Locale::from_tag(row.get::<&str, _>("language")).unwrap_or(Locale::Da),
        author,
        created_at: Timestamp(row.get("created_at")),
        edited: row.get::<Option<i64>, _>("edited_at").is_some(),
        helpful: row.get("helpful_count"),
        helped: row.get("helped"),
        mine: reader.is_some_and(|r| author_id == Some(r.0)),
        editable: row.get::<Option<bool>, _>("editable").unwrap_or(false),
    }
}

impl Db {
    /// Stores a resident's argument or reply, or says why not: the idea is not public or its
    /// debate is closed, the argument replied to is not a public argument of the idea, or the
    /// resident sent the same text within the day.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_argument(
        &self,
        resident: ResidentId,
        new: &NewArgument,
        language: Locale,
        moderation: crate::moderation::ModerationMode,
        now: i64,
    ) -> Result<std::result::Result<ArgumentId, ArgumentProblem>> {
        let mut tx = self.begin_write().await?;
        let open: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM ideas WHERE id = ? AND moderation_state = 'published'
                 AND status <> 'merged' AND debate_closed_at IS NULL",
        )
        .bind(new.idea.0)
        .fetch_optional(&mut *tx)
        .await?;
        if open.is_none() {
            return Ok(Err(ArgumentProblem::Closed));
        }
        let (stance, parent) = match new.post {
            Post::Argument(stance) => (Some(stance.as_str()), None),
            Post::Reply(parent) => {
                let fits: Option<i64> = sqlx::query_scalar(
                    "SELECT 1 FROM arguments WHERE id = ? AND idea_id = ? AND parent_id IS NULL
                         AND moderation_state = 'published' AND deleted_at IS NULL",
                )
                .bind(parent.0)
                .bind(new.idea.0)
                .fetch_optional(&mut *tx)
                .await?;
                if fits.is_none() {
                    return Ok(Err(ArgumentProblem::NoParent));
                }
                (None, Some(parent.0))
            }
        };
        let fold = new.text.fold();
        let repeated: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM arguments WHERE author_id = ? AND fold = ? AND created_at > ?
                 AND deleted_at IS NULL",
        )
        .bind(resident.0)
        .bind(&fold)
        .bind(now - REPEAT_WINDOW_SECONDS)
        .fetch_optional(&mut *tx)
        .await?;
        if repeated.is_some() {
            return Ok(Err(ArgumentProblem::Repeated));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO arguments (idea_id, parent_id, author_id, stance, body, fold, language,
                 moderation_state, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(new.idea.0)
        .bind(parent)
        .bind(resident.0)
        .bind(stance)
        .bind(new.text.as_str())
        .bind(&fold)
        .bind(language.tag())
        .bind(moderation.first_state().as_str())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(ArgumentId(id)))
    }

    /// The author edits their argument or reply within the edit window; the earlier words are
    /// kept for moderators. Returns the argument's idea.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn edit_argument(
        &self,
        argument: ArgumentId,
        resident: ResidentId,
        text: &ArgumentText,
        now: i64,
    ) -> Result<std::result::Result<IdeaId, ArgumentProblem>> {
        let mut tx = self.begin_write().await?;
        let found: Option<(i64, String, i64)> = sqlx::query_as(
            "SELECT idea_id, body, created_at FROM arguments
             WHERE id = ? AND author_id = ? AND deleted_at IS NULL
               AND moderation_state IN ('published', 'pending')",
        )
        .bind(argument.0)
        .bind(resident.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((idea, before, created_at)) = found else {
            return Ok(Err(ArgumentProblem::EditTooLate));
        };
        if now - created_at > EDIT_WINDOW_SECONDS {
            return Ok(Err(ArgumentProblem::EditTooLate));
        }
        sqlx::query("INSERT INTO argument_edits (argument_id, body, replaced_at) VALUES (?, ?, ?)")
            .bind(argument.0)
            .bind(&before)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE arguments SET body = ?, fold = ?, edited_at = ? WHERE id = ?")
            .bind(text.as_str())
            .bind(text.fold())
            .bind(now)
            .bind(argument.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Ok(IdeaId(idea)))
    }

    /// The author deletes their argument or reply: its words (and earlier ones) go, its place
    /// and its replies stay. Returns the argument's idea, or `None` if it is not theirs.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_argument(
        &self,
        argument: ArgumentId,
        resident: ResidentId,
        now: i64,
    ) -> Result<Option<IdeaId>> {
        let mut tx = self.begin_write().await?;
        let idea: Option<i64> = sqlx::query_scalar(
            "UPDATE arguments SET body = '', fold = '', deleted_at = ?
             WHERE id = ? AND author_id = ? AND deleted_at IS NULL RETURNING idea_id",
        )
        .bind(now)
        .bind(argument.0)
        .bind(resident.0)
        .fetch_optional(&mut *tx)
        .await?;
        if idea.is_some() {
            for sql in [
                "DELETE FROM argument_edits WHERE argument_id = ?",
                "DELETE FROM argument_helpful WHERE argument_id = ?",
            ] {
                sqlx::query(sql).bind(argument.0).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(idea.map(IdeaId))
    }

    /// Sets (`want`) or takes back a resident's "helpful" mark on a public argument or reply
    /// that is not their own; the count and whether they marked it after, or `None` when the
    /// mark cannot be given.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_helpful(
        &self,
        argument: ArgumentId,
        resident: ResidentId,
        want: bool,
        now: i64,
    ) -> Result<Option<(i64, bool)>> {
        let mut tx = self.begin_write().await?;
        let markable: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM arguments a JOIN ideas i ON i.id = a.idea_id
             WHERE a.id = ? AND a.moderation_state = 'published' AND a.deleted_at IS NULL
               AND a.author_id IS NOT ? AND i.moderation_state = 'published'",
        )
        .bind(argument.0)
        .bind(resident.0)
        .fetch_optional(&mut *tx)
        .await?;
        if markable.is_none() {
            return Ok(None);
        }
        let sql = if want {
            "INSERT OR IGNORE INTO argument_helpful (argument_id, resident_id, created_at)
             VALUES (?1, ?2, ?3)"
        } else {
            "DELETE FROM argument_helpful WHERE argument_id = ?1 AND resident_id = ?2"
        };
        sqlx::query(sql)
            .bind(argument.0)
            .bind(resident.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let count: i64 = sqlx::query_scalar("SELECT helpful_count FROM arguments WHERE id = ?")
            .bind(argument.0)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some((count, want)))
    }

    /// Keeps what a visitor typed under an idea until they have signed in (one draft per
    /// browser; a new one replaces it). The text is cut to one character over the limit, so
    /// the form can still say it is too long.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_argument_draft(
        &self,
        token: &DraftToken,
        idea: IdeaId,
        draft: &ArgumentDraft,
        now: i64,
    ) -> Result<()> {
        let text: String = draft
            .text
            .chars()
            .take(ArgumentText::MAX_CHARS + 1)
            .collect();
        sqlx::query(
            "INSERT OR REPLACE INTO argument_drafts
                 (token_hash, idea_id, stance, reply_to, body, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(token.hash())
        .bind(idea.0)
        .bind(draft.stance.map(Stance::as_str))
        .bind(draft.reply_to)
        .bind(text)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The browser's draft under this idea, if one younger than the drafts' lifetime exists.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn argument_draft(
        &self,
        token: &DraftToken,
        idea: IdeaId,
        now: i64,
    ) -> Result<Option<ArgumentDraft>> {
        let row: Option<(Option<String>, Option<i64>, String)> = sqlx::query_as(
            "SELECT stance, reply_to, body FROM argument_drafts
             WHERE token_hash = ? AND idea_id = ? AND updated_at >= ?",
        )
        .bind(token.hash())
        .bind(idea.0)
        .bind(now - crate::retention::DRAFT_SECONDS)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(stance, reply_to, text)| ArgumentDraft {
            stance: stance.as_deref().and_then(Stance::parse),
            reply_to,
            text,
        }))
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_argument_draft(&self, token: &DraftToken) -> Result<()> {
        sqlx::query("DELETE FROM argument_drafts WHERE token_hash = ?")
            .bind(token.hash())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Published arguments of an idea by stance (replies not counted).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn argument_counts(&self, idea: IdeaId) -> Result<ArgumentCounts> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT stance, count(*) FROM arguments
             WHERE idea_id = ? AND parent_id IS NULL AND moderation_state = 'published'
               AND deleted_at IS NULL
             GROUP BY stance",
        )
        .bind(idea.0)
        .fetch_all(self.pool())
        .await?;
        let mut counts = ArgumentCounts::default();
        for (stance, n) in rows {
            match Stance::parse(&stance) {
                Some(Stance::For) => counts.for_it = n,
                Some(Stance::Against) => counts.against = n,
                Some(Stance::Question) => counts.questions = n,
                None => {}
            }
        }
        Ok(counts)
    }

    /// One page of a public idea's debate as `reader` sees it: arguments (of one stance, if
    /// asked) in the order asked, each with its replies; hidden and deleted ones keep their
    /// place as a placeholder. `None` when the idea is not public.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn debate(
        &self,
        idea: IdeaId,
        reader: Option<ResidentId>,
        order: ArgumentOrder,
        stance: Option<Stance>,
        page: u32,
    ) -> Result<Option<Debate>> {
        let closed: Option<(Option<i64>, Option<String>)> = sqlx::query_as(
            "SELECT debate_closed_at, debate_conclusion FROM ideas
             WHERE id = ? AND moderation_state = 'published'",
        )
        .bind(idea.0)
        .fetch_optional(self.pool())
        .await?;
        let Some((closed_at, conclusion)) = closed else {
            return Ok(None);
        };
        let reader_id = reader.map_or(0, |r| r.0);
        // Readers see public and hidden arguments (a placeholder), and their own waiting ones.
        let shown = "a.idea_id = ?2 AND a.parent_id IS NULL AND (?3 IS NULL OR a.stance = ?3)
            AND (a.moderation_state IN ('published', 'hidden')
                 OR (a.moderation_state = 'pending' AND a.author_id = ?1))";
        let matching: i64 =
            sqlx::query_scalar(&format!("SELECT count(*) FROM arguments a WHERE {shown}"))
                .bind(reader_id)
                .bind(idea.0)
                .bind(stance.map(Stance::as_str))
                .fetch_one(self.pool())
                .await?;
        let order_by = match order {
            ArgumentOrder::Helpful => "a.helpful_count DESC, a.id DESC",
            ArgumentOrder::Newest => "a.id DESC",
        };
        let offset = i64::from(page.max(1) - 1) * i64::from(PER_PAGE);
        let rows = sqlx::query(&format!(
            "SELECT {ITEM_COLUMNS} FROM arguments a LEFT JOIN residents r ON r.id = a.author_id
             WHERE {shown} ORDER BY {order_by} LIMIT ?4 OFFSET ?5"
        ))
        .bind(reader_id)
        .bind(idea.0)
        .bind(stance.map(Stance::as_str))
        .bind(i64::from(PER_PAGE))
        .bind(offset)
        .fetch_all(self.pool())
        .await?;
        let mut threads: Vec<Thread> = rows
            .iter()
            .map(|row| Thread {
                argument: item(row, reader),
                replies: Vec::new(),
            })
            .collect();
        if !threads.is_empty() {
            // The ids are numbers read from the database: written into the query as they are.
            let parents: Vec<String> = threads
                .iter()
                .map(|t| t.argument.id.0.to_string())
                .collect();
            let sql = format!(
                "SELECT {ITEM_COLUMNS}, a.parent_id FROM arguments a
                 LEFT JOIN residents r ON r.id = a.author_id
                 WHERE a.parent_id IN ({})
                   AND (a.moderation_state IN ('published', 'hidden')
                        OR (a.moderation_state = 'pending' AND a.author_id = ?1))
                 ORDER BY a.id",
                parents.join(", ")
            );
            let rows = sqlx::query(&sql)
                .bind(reader_id)
                .fetch_all(self.pool())
                .await?;
            for row in rows {
                let parent: i64 = row.get("parent_id");
                if let Some(thread) = threads.iter_mut().find(|t| t.argument.id.0 == parent) {
                    thread.replies.push(item(&row, reader));
                }
            }
        }
        Ok(Some(Debate {
            threads,
            counts: self.argument_counts(idea).await?,
            matching,
            closed: closed_at.map(|at| (Timestamp(at), conclusion.unwrap_or_default())),
        }))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::argument::ArgumentText;
    use crate::storage::now;
    use crate::storage::tests::{db_with_reference, insert, resident};

    /// Arguments public as soon as posted, the default.
    pub(crate) const AT_ONCE: crate::moderation::ModerationMode =
        crate::moderation::ModerationMode::Post;

    /// A page of the debate of a public idea.
    pub(crate) async fn page(
        db: &Db,
        idea: IdeaId,
        reader: Option<ResidentId>,
        order: ArgumentOrder,
        stance: Option<Stance>,
        page: u32,
    ) -> Debate {
        db.debate(idea, reader, order, stance, page)
            .await
            .unwrap()
            .expect("a public idea")
    }

    pub(crate) fn argument(idea: IdeaId, stance: Stance, text: &str) -> NewArgument {
        NewArgument {
            idea,
            post: Post::Argument(stance),
            text: ArgumentText::parse(text).unwrap(),
        }
    }

    pub(crate) fn reply(idea: IdeaId, to: ArgumentId, text: &str) -> NewArgument {
        NewArgument {
            idea,
            post: Post::Reply(to),
            text: ArgumentText::parse(text).unwrap(),
        }
    }

    #[tokio::test]
    async fn arguments_and_one_level_of_replies_under_a_public_idea() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let (lone, jens) = (
            ResidentId(resident(&db, 1).await),
            ResidentId(resident(&db, 2).await),
        );
        let t = now();
        let post = |who, new: NewArgument| {
            let db = db.clone();
            async move {
                db.insert_argument(who, &new, Locale::Da, AT_ONCE, t)
                    .await
                    .unwrap()
            }
        };
        let first = post(lone, argument(idea, Stance::For, "Færre biler i midtbyen."))
            .await
            .unwrap();
        post(
            jens,
            argument(idea, Stance::Against, "Det koster parkering."),
        )
        .await
        .unwrap();
        post(
            jens,
            argument(idea, Stance::Question, "Hvor skal de ligge?"),
        )
        .await
        .unwrap();
        let answer = post(jens, reply(idea, first, "Enig, og børn cykler mere."))
            .await
            .unwrap();
        assert_eq!(
            post(lone, reply(idea, answer, "Et svar på et svar")).await,
            Err(ArgumentProblem::NoParent),
            "one level of replies"
        );
        let other = insert(&db, "Solceller på skolerne", ModerationState::Published).await;
        assert_eq!(
            post(lone, reply(other, first, "Forkert idé")).await,
            Err(ArgumentProblem::NoParent),
            "a reply stays under its own idea"
        );
        let pending = insert(&db, "Endnu ikke godkendt", ModerationState::Pending).await;
        assert_eq!(
            post(lone, argument(pending, Stance::For, "For tidligt")).await,
            Err(ArgumentProblem::Closed)
        );

        let counts = db.argument_counts(idea).await.unwrap();
        assert_eq!(
            (
                counts.for_it,
                counts.against,
                counts.questions,
                counts.total()
            ),
            (1, 1, 1, 3),
            "replies are not arguments"
        );
        let debate = page(&db, idea, Some(lone), ArgumentOrder::Newest, None, 1).await;
        assert_eq!(debate.matching, 3);
        let stances: Vec<_> = debate.threads.iter().map(|t| t.argument.stance).collect();
        assert_eq!(
            stances,
            [
                Some(Stance::Question),
                Some(Stance::Against),
                Some(Stance::For)
            ]
        );
        let thread = &debate.threads[2];
        assert!(thread.argument.mine);
        assert_eq!(thread.replies.len(), 1);
        assert_eq!(
            thread.replies[0].shown,
            Shown::Text("Enig, og børn cykler mere.".into())
        );
        assert!(!thread.replies[0].mine && thread.replies[0].stance.is_none());
        let against = page(
            &db,
            idea,
            None,
            ArgumentOrder::Helpful,
            Some(Stance::Against),
            1,
        )
        .await;
        assert_eq!((against.matching, against.threads.len()), (1, 1));
        assert!(
            db.debate(pending, None, ArgumentOrder::Helpful, None, 1)
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn the_same_words_twice_in_a_day_are_refused() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let other = insert(&db, "Solceller på skolerne", ModerationState::Published).await;
        let lone = ResidentId(resident(&db, 1).await);
        let jens = ResidentId(resident(&db, 2).await);
        let t = now();
        let spam = "Køb billige solceller hos os";
        db.insert_argument(
            lone,
            &argument(idea, Stance::For, spam),
            Locale::Da,
            AT_ONCE,
            t,
        )
        .await
        .unwrap()
        .unwrap();
        let again = argument(other, Stance::Against, "KØB billige   solceller hos os");
        assert_eq!(
            db.insert_argument(lone, &again, Locale::Da, AT_ONCE, t + 60)
                .await
                .unwrap(),
            Err(ArgumentProblem::Repeated),
            "on any idea, whatever the case and spacing"
        );
        assert!(
            db.insert_argument(jens, &again, Locale::Da, AT_ONCE, t + 60)
                .await
                .unwrap()
                .is_ok(),
            "another resident may agree in the same words"
        );
        assert!(
            db.insert_argument(
                lone,
                &again,
                Locale::Da,
                AT_ONCE,
                t + REPEAT_WINDOW_SECONDS + 1
            )
            .await
            .unwrap()
            .is_ok(),
            "a day later it is a new post"
        );
    }

    #[tokio::test]
    async fn helpful_is_one_mark_per_resident_withdrawable_and_never_ones_own() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let lone = ResidentId(resident(&db, 1).await);
        let jens = ResidentId(resident(&db, 2).await);
        let mette = ResidentId(resident(&db, 3).await);
        let t = now();
        let id = db
            .insert_argument(
                lone,
                &argument(idea, Stance::For, "Færre biler."),
                Locale::Da,
                AT_ONCE,
                t,
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            db.set_helpful(id, lone, true, t).await.unwrap(),
            None,
            "not one's own"
        );
        assert_eq!(
            db.set_helpful(id, jens, true, t).await.unwrap(),
            Some((1, true))
        );
        assert_eq!(
            db.set_helpful(id, jens, true, t).await.unwrap(),
            Some((1, true)),
            "a second press counts once"
        );
        assert_eq!(
            db.set_helpful(id, mette, true, t).await.unwrap(),
            Some((2, true))
        );
        assert_eq!(
            db.set_helpful(id, jens, false, t).await.unwrap(),
            Some((1, false))
        );
        let seen = page(&db, idea, Some(mette), ArgumentOrder::Helpful, None, 1).await;
        assert_eq!(
            (
                seen.threads[0].argument.helpful,
                seen.threads[0].argument.helped
            ),
            (1, true)
        );
        assert_eq!(
            db.set_helpful(ArgumentId(999), jens, true, t)
                .await
                .unwrap(),
            None
        );

        // A deleted account takes its marks with it; its words stay, without an author.
        assert!(db.delete_resident(mette, t).await.unwrap());
        assert!(db.delete_resident(lone, t).await.unwrap());
        let after = page(&db, idea, None, ArgumentOrder::Helpful, None, 1).await;
        assert_eq!(after.threads[0].argument.helpful, 0);
        assert_eq!(after.threads[0].argument.author, Author::Former);
        assert_eq!(
            after.threads[0].argument.shown,
            Shown::Text("Færre biler.".into())
        );
    }

    #[tokio::test]
    async fn a_page_holds_twenty_arguments_the_most_helpful_first() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let author = ResidentId(resident(&db, 1).await);
        let reader = ResidentId(resident(&db, 2).await);
        let t = now();
        let mut ids = Vec::new();
        for n in 0..25 {
            let new = argument(idea, Stance::For, &format!("Argument nummer {n}"));
            ids.push(
                db.insert_argument(author, &new, Locale::Da, AT_ONCE, t + n)
                    .await
                    .unwrap()
                    .unwrap(),
            );
        }
        db.set_helpful(ids[3], reader, true, t).await.unwrap();
        let first = page(&db, idea, None, ArgumentOrder::Helpful, None, 1).await;
        assert_eq!((first.threads.len(), first.matching), (20, 25));
        assert_eq!(first.threads[0].argument.id, ids[3]);
        assert_eq!(first.threads[1].argument.id, ids[24], "then the newest");
        let second = page(&db, idea, None, ArgumentOrder::Helpful, None, 2).await;
        assert_eq!(second.threads.len(), 5);
    }
    #[tokio::test]
    async fn authors_edit_within_fifteen_minutes_and_delete_leaving_the_replies() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let lone = ResidentId(resident(&db, 1).await);
        let jens = ResidentId(resident(&db, 2).await);
        let t = now();
        let id = db
            .insert_argument(
                lone,
                &argument(idea, Stance::For, "Fære biler"),
                Locale::Da,
                AT_ONCE,
                t,
            )
            .await
            .unwrap()
            .unwrap();
        db.insert_argument(jens, &reply(idea, id, "Enig"), Locale::Da, AT_ONCE, t)
            .await
            .unwrap()
            .unwrap();
        let fixed = ArgumentText::parse("Færre biler").unwrap();
        assert_eq!(
            db.edit_argument(id, jens, &fixed, t + 60).await.unwrap(),
            Err(ArgumentProblem::EditTooLate),
            "only the author"
        );
        assert_eq!(
            db.edit_argument(id, lone, &fixed, t + 60).await.unwrap(),
            Ok(idea)
        );
        assert_eq!(
            db.edit_argument(id, lone, &fixed, t + EDIT_WINDOW_SECONDS + 1)
                .await
                .unwrap(),
            Err(ArgumentProblem::EditTooLate)
        );
        let earlier: Vec<String> =
            sqlx::query_scalar("SELECT body FROM argument_edits WHERE argument_id = ?")
                .bind(id.0)
                .fetch_all(db.pool())
                .await
                .unwrap();
        assert_eq!(
            earlier,
            ["Fære biler"],
            "the earlier words kept for moderators"
        );
        let seen = page(&db, idea, Some(lone), ArgumentOrder::Newest, None, 1).await;
        assert!(seen.threads[0].argument.edited && seen.threads[0].argument.editable);

        assert_eq!(db.delete_argument(id, jens, t).await.unwrap(), None);
        assert_eq!(
            db.delete_argument(id, lone, t + 120).await.unwrap(),
            Some(idea)
        );
        let seen = page(&db, idea, None, ArgumentOrder::Newest, None, 1).await;
        assert_eq!(
            seen.threads[0].argument.shown,
            Shown::DeletedByAuthor(Timestamp(t + 120))
        );
        assert_eq!(seen.threads[0].replies.len(), 1, "the replies stay");
        assert_eq!(seen.counts.total(), 0);
        let left: i64 =
            sqlx::query_scalar("SELECT count(*) FROM argument_edits WHERE argument_id = ?")
                .bind(id.0)
                .fetch_one(db.pool())
                .await
                .unwrap();
        assert_eq!(left, 0, "deleted words are gone, earlier ones too");
    }
}
